import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../../../domain/i18n';
import { api } from '../../api';
import { ErrorAlert } from '../../errors';
import { useI18n } from '../../i18n';
import { CaseStatusTag, CategoryTag } from './parts';
import type { TCaseSummary } from './types';

/** Which deadline a case missed: closing it, replying to the reporter, or the rectification's own. */
export const OVERDUE_KINDS = ['close', 'reply', 'rectify'] as const;
export type TOverdueKind = (typeof OVERDUE_KINDS)[number];

export interface TOverdueCase extends TCaseSummary {
  overdueDays: number;
  overdueKind: TOverdueKind;
}

const KIND_COLOR: Record<TOverdueKind, string> = { close: 'red', reply: 'orange', rectify: 'volcano' };

/**
 * 逾期清单: the day's overdue cases in scope, most overdue first (GET /cases/overdue, computed
 * afresh for today on every visit), with how many missed each kind of deadline.
 */
export function OverduePage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const list = useQuery({ queryKey: ['cases', 'overdue'], queryFn: () => api<{ date: string; items: TOverdueCase[] }>('/cases/overdue') });
  const items = list.data?.items ?? [];
  const columns: TableColumnsType<TOverdueCase> = [
    {
      key: 'trackingNo',
      title: t('caseUi.trackingNo'),
      dataIndex: 'trackingNo',
      render: (v: string, r) => (
        <Link to={`/cases/${r.id}`} data-testid={`overdue-link-${r.id}`}>
          <span style={{ whiteSpace: 'nowrap' }}>{v}</span>
        </Link>
      ),
    },
    {
      key: 'days',
      title: t('caseUi.overdueDays'),
      dataIndex: 'overdueDays',
      align: 'right',
      render: (v: number) => (
        <Typography.Text type="danger" strong data-testid="overdue-days">
          {t('caseUi.days', { n: v })}
        </Typography.Text>
      ),
    },
    {
      key: 'kind',
      title: t('caseUi.overdueKind'),
      dataIndex: 'overdueKind',
      render: (v: TOverdueKind) => <Tag color={KIND_COLOR[v]}>{t(`caseOverdue.${v}`)}</Tag>,
    },
    { key: 'status', title: t('caseUi.status'), dataIndex: 'status', render: (v: string) => <CaseStatusTag status={v} /> },
    { key: 'category', title: t('caseUi.category'), dataIndex: 'category', render: (v: string) => <CategoryTag category={v} /> },
    { key: 'org', title: t('caseUi.assignedOrg'), render: (_v, r) => r.assignedOrg?.name ?? r.targetOrg?.name ?? r.targetText ?? t('common.none') },
    {
      key: 'deadline',
      title: t('caseUi.dueAt'),
      render: (_v, r) => formatDate(r.overdueKind === 'rectify' ? r.rectifyDeadline : r.dueOn, lang),
    },
  ];
  return (
    <Card
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => void navigate('/cases')} aria-label={t('common.back')} />
          {t('caseUi.overdueList')}
        </Space>
      }
      extra={list.data && <Typography.Text type="secondary">{t('caseUi.overdueAsOf', { date: formatDate(list.data.date, lang) })}</Typography.Text>}
    >
      {list.isError ? (
        <ErrorAlert error={list.error} />
      ) : (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="overdue-counts">
            <Col xs={12} md={6}>
              <Statistic title={t('caseUi.overdueTotal')} value={items.length} valueStyle={items.length ? { color: '#cf1322' } : undefined} />
            </Col>
            {OVERDUE_KINDS.map((k) => (
              <Col xs={12} md={6} key={k}>
                <Statistic title={t(`caseOverdue.${k}`)} value={items.filter((i) => i.overdueKind === k).length} />
              </Col>
            ))}
          </Row>
          <Table<TOverdueCase> rowKey="id" size="middle" data-testid="overdue-table" columns={columns} dataSource={items} loading={list.isFetching} scroll={{ x: 'max-content' }} pagination={{ pageSize: 50, hideOnSinglePage: true }} />
        </>
      )}
    </Card>
  );
}
