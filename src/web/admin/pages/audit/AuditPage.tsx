import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Col, Row, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../../../domain/i18n';
import { api } from '../../api';
import { ExportButton } from '../../exports/ExportButton';
import { ErrorAlert } from '../../errors';
import { useI18n, useLabelOr } from '../../i18n';
import { useCan } from '../../queries';
import type { TAuditEntry, TPage } from '../../types';
import { AuditFilters, type TAuditFilter } from './AuditFilters';
import { useServerPaging } from '../../paging';

function Json({ value, empty }: { value: unknown; empty: string }) {
  return <pre className="jf-json">{value === null || value === undefined ? empty : JSON.stringify(value, null, 2)}</pre>;
}

export function AuditPage() {
  const { t, lang } = useI18n();
  const labelOr = useLabelOr();
  const can = useCan();
  const client = useQueryClient();
  const [filter, setFilter] = useState<TAuditFilter>({});
  const { paging, firstPage, pagination } = useServerPaging();
  const query = { ...filter, ...paging };
  const list = useQuery({ queryKey: ['audit', 'list', query], queryFn: () => api<TPage<TAuditEntry>>('/audit', { query }), placeholderData: keepPreviousData });
  const dash = t('common.none');

  const columns: TableColumnsType<TAuditEntry> = [
    { key: 'at', title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v, lang) },
    { key: 'actor', title: t('audit.actor'), dataIndex: 'actorUsername', render: (v: string | null) => v ?? dash },
    { key: 'role', title: t('audit.actorRole'), dataIndex: 'actorRole', render: (v: string | null) => (v ? labelOr(`role.${v}`, v) : dash) },
    { key: 'org', title: t('audit.actorOrg'), dataIndex: 'actorOrgName', render: (v: string | null) => v ?? dash },
    {
      key: 'action',
      title: t('audit.action'),
      dataIndex: 'action',
      render: (v: string) => <Tag color={v.includes('failed') || v.includes('locked') ? 'red' : 'blue'}>{labelOr(`auditAction.${v}`, v)}</Tag>,
    },
    { key: 'objectType', title: t('audit.objectType'), dataIndex: 'objectType', render: (v: string) => labelOr(`objectType.${v}`, v) },
    { key: 'objectId', title: t('audit.objectId'), dataIndex: 'objectId', render: (v: string | null) => v ?? dash },
    { key: 'ip', title: t('audit.ip'), dataIndex: 'ip', render: (v: string | null) => <span style={{ fontFamily: 'monospace' }}>{v ?? dash}</span> },
  ];

  return (
    <Card
      title={t('nav.audit')}
      extra={
        can('audit.export') && (
          <ExportButton
            path="/audit/export.xlsx"
            query={{ ...filter }}
            fallbackName="audit.xlsx"
            testId="audit-export"
            label={t('audit.export')}
            // the export is itself an audited action
            onDone={() => void client.invalidateQueries({ queryKey: ['audit'] })}
          />
        )
      }
    >
      <AuditFilters
        onChange={(f) => {
          setFilter(f);
          firstPage();
        }}
      />
      {list.isError ? (
        <ErrorAlert error={list.error} />
      ) : (
        <Table<TAuditEntry>
          rowKey="id"
          size="small"
          data-testid="audit-table"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowRender: (r) => (
              <div>
                <Row gutter={16}>
                  <Col xs={24} md={12}>
                    <Typography.Text strong>{t('audit.before')}</Typography.Text>
                    <Json value={r.before} empty={t('audit.empty')} />
                  </Col>
                  <Col xs={24} md={12}>
                    <Typography.Text strong>{t('audit.after')}</Typography.Text>
                    <Json value={r.after} empty={t('audit.empty')} />
                  </Col>
                </Row>
                {r.requestId && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('common.requestId')}: {r.requestId}
                  </Typography.Text>
                )}
              </div>
            ),
          }}
          pagination={pagination(list.data?.total)}
        />
      )}
    </Card>
  );
}
