import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDate, formatDateTime } from '../../../../domain/i18n';
import { ErrorAlert } from '../../errors';
import { ExportButton } from '../../exports/ExportButton';
import { useI18n, useLabelOr } from '../../i18n';
import { useCan } from '../../queries';
import { CaseStatusTag, CategoryTag, OrgPicker, OverdueTag, SourceTag } from './parts';
import { caseQuery, useCases, type TCaseFilter } from './queries';
import { CASE_CATEGORIES, CASE_SOURCES, CASE_STATUSES, type TCaseSummary } from './types';
import { useServerPaging } from '../../paging';

/**
 * 监督举报与整改: the cases in scope (complaints, leads, findings), filtered; overdue ones and
 * duplicates flagged (a duplicate's tag narrows the list to its group, as does `?groupId=` from a
 * case page); the Excel export sends the filters on screen.
 */
export function CasesPage() {
  const { t, lang } = useI18n();
  const labelOr = useLabelOr();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState<TCaseFilter>(() => {
    const groupId = Number(params.get('groupId'));
    return Number.isInteger(groupId) && groupId > 0 ? { groupId } : {};
  });
  const { paging, firstPage, pagination } = useServerPaging();
  const list = useCases(filter, paging);
  const change = (f: TCaseFilter) => {
    setFilter(f);
    firstPage();
    if (!f.groupId && params.has('groupId')) setParams({}, { replace: true });
  };
  const dash = t('common.none');

  const columns: TableColumnsType<TCaseSummary> = [
    {
      key: 'trackingNo',
      title: t('caseUi.trackingNo'),
      dataIndex: 'trackingNo',
      render: (v: string, r) => (
        <Space size={4}>
          <Link to={`/cases/${r.id}`} data-testid={`case-link-${r.id}`}>
            <span style={{ whiteSpace: 'nowrap' }}>{v}</span>
          </Link>
          <OverdueTag overdue={r.overdue} />
        </Space>
      ),
    },
    { key: 'status', title: t('caseUi.status'), dataIndex: 'status', render: (v: string) => <CaseStatusTag status={v} testId="case-row-status" /> },
    { key: 'category', title: t('caseUi.category'), dataIndex: 'category', render: (v: string) => <CategoryTag category={v} /> },
    {
      key: 'summary',
      title: t('caseUi.summary'),
      dataIndex: 'summary',
      render: (v: string) => (
        <Typography.Paragraph style={{ marginBottom: 0, maxWidth: 360 }} ellipsis={{ rows: 2 }}>
          {v}
        </Typography.Paragraph>
      ),
    },
    { key: 'target', title: t('caseUi.targetOrg'), render: (_v, r) => r.targetOrg?.name ?? dash },
    { key: 'assigned', title: t('caseUi.assignedOrg'), render: (_v, r) => r.assignedOrg?.name ?? dash },
    { key: 'source', title: t('caseUi.source'), render: (_v, r) => <SourceTag source={r.source} channel={r.channel} /> },
    {
      key: 'duplicates',
      title: t('caseUi.duplicateCount'),
      render: (_v, r) =>
        r.groupId && r.duplicateCount > 0 ? (
          <Button type="link" size="small" style={{ padding: 0 }} title={t('caseUi.showGroup')} onClick={() => change({ ...filter, groupId: r.groupId ?? undefined })} data-testid={`case-dup-${r.id}`}>
            <Tag color="gold" style={{ marginInlineEnd: 0 }}>
              {t('caseUi.duplicatesTag', { n: r.duplicateCount })}
            </Tag>
          </Button>
        ) : null,
    },
    { key: 'createdAt', title: t('caseUi.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, lang) },
    {
      key: 'dueOn',
      title: t('caseUi.dueAt'),
      dataIndex: 'dueOn',
      render: (v: string | null, r) => <Typography.Text type={r.overdue ? 'danger' : undefined}>{v ? formatDate(v, lang) : dash}</Typography.Text>,
    },
  ];

  return (
    <Card
      title={t('nav.cases')}
      extra={
        <Space wrap>
          <Button onClick={() => void navigate('/cases/overdue')} data-testid="case-overdue-list">
            {t('caseUi.overdueList')}
          </Button>
          <Button onClick={() => void navigate('/cases/holidays')} data-testid="case-holidays">
            {t('holidays.title')}
          </Button>
          <ExportButton path="/cases/export.xlsx" query={caseQuery(filter)} fallbackName="cases.xlsx" testId="case-export" />
          {can('case.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/cases/new')} data-testid="case-new">
              {t('caseUi.new')}
            </Button>
          )}
        </Space>
      }
    >
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }} data-testid="case-filters">
        <Col xs={12} sm={8} lg={4}>
          <Select
            style={{ width: '100%' }}
            allowClear
            placeholder={t('caseUi.status')}
            options={CASE_STATUSES.map((s) => ({ value: s, label: labelOr(`caseStatus.${s}`, s) }))}
            value={filter.status}
            onChange={(status?: string) => change({ ...filter, status })}
            data-testid="cf-status"
          />
        </Col>
        <Col xs={12} sm={8} lg={4}>
          <Select
            style={{ width: '100%' }}
            allowClear
            placeholder={t('caseUi.category')}
            options={CASE_CATEGORIES.map((c) => ({ value: c, label: labelOr(`caseCategory.${c}`, c) }))}
            value={filter.category}
            onChange={(category?: string) => change({ ...filter, category })}
            popupMatchSelectWidth={false}
            data-testid="cf-category"
          />
        </Col>
        <Col xs={12} sm={8} lg={3}>
          <Select
            style={{ width: '100%' }}
            allowClear
            placeholder={t('caseUi.source')}
            options={CASE_SOURCES.map((s) => ({ value: s, label: labelOr(`caseSource.${s}`, s) }))}
            value={filter.source}
            onChange={(source?: string) => change({ ...filter, source })}
            data-testid="cf-source"
          />
        </Col>
        <Col xs={12} sm={8} lg={5}>
          <OrgPicker allowClear placeholder={t('caseUi.filterOrg')} value={filter.orgId} onChange={(orgId) => change({ ...filter, orgId })} testId="cf-org" />
        </Col>
        <Col xs={24} sm={16} lg={5}>
          <Input.Search allowClear placeholder={t('caseUi.filterQ')} onSearch={(q) => change({ ...filter, q: q.trim() || undefined })} data-testid="cf-q" />
        </Col>
        <Col xs={24} sm={8} lg={3} style={{ display: 'flex', alignItems: 'center' }}>
          <Checkbox checked={!!filter.overdue} onChange={(e) => change({ ...filter, overdue: e.target.checked || undefined })} data-testid="cf-overdue">
            {t('caseUi.onlyOverdue')}
          </Checkbox>
        </Col>
        {filter.groupId && (
          <Col xs={24} style={{ display: 'flex', alignItems: 'center' }}>
            <Tag color="gold" closable onClose={() => change({ ...filter, groupId: undefined })} data-testid="cf-group" data-group-id={filter.groupId}>
              {t('caseUi.groupFilter', { id: filter.groupId })}
            </Tag>
          </Col>
        )}
      </Row>
      {list.isError ? (
        <ErrorAlert error={list.error} />
      ) : (
        <Table<TCaseSummary>
          rowKey="id"
          size="middle"
          data-testid="case-table"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          onRow={(r) => ({ 'data-testid': `case-row-${r.id}`, 'data-overdue': r.overdue }) as HTMLAttributes<HTMLElement>}
          pagination={pagination(list.data?.total)}
        />
      )}
    </Card>
  );
}
