import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../domain/i18n';
import { api } from '../../api';
import { ErrorAlert } from '../../errors';
import { ExportButton } from '../../exports/ExportButton';
import { useI18n, useLabelOr } from '../../i18n';
import type { TPage } from '../../types';
import type { TLead } from './types';
import { useServerPaging } from '../../paging';

/** 问题线索: unregistered demands reported from the public check page or refused by schools; exported to Excel. */
export function LeadsPage() {
  const { t, lang } = useI18n();
  const labelOr = useLabelOr();
  const { paging, pagination } = useServerPaging();
  const list = useQuery({ queryKey: ['leads', paging], queryFn: () => api<TPage<TLead>>('/leads', { query: paging }), placeholderData: keepPreviousData });
  const dash = t('common.none');
  const columns: TableColumnsType<TLead> = [
    { key: 'createdAt', title: t('lead.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v, lang) },
    {
      key: 'source',
      title: t('lead.source'),
      dataIndex: 'source',
      render: (v: string) => <Tag color={v === 'school_refusal' ? 'volcano' : 'blue'}>{labelOr(`leadSource.${v}`, v)}</Tag>,
    },
    { key: 'schoolName', title: t('lead.schoolName'), dataIndex: 'schoolName', render: (v: string | null) => v ?? dash },
    {
      key: 'itemCode',
      title: t('lead.itemCode'),
      dataIndex: 'itemCode',
      render: (v: string | null) =>
        v ? (
          <Link to={`/v/${encodeURIComponent(v)}`} reloadDocument target="_blank" rel="noopener">
            {v}
          </Link>
        ) : (
          dash
        ),
    },
    {
      key: 'text',
      title: t('lead.text'),
      dataIndex: 'text',
      render: (v: string) => (
        <Typography.Paragraph style={{ marginBottom: 0, maxWidth: 480, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 3, expandable: 'collapsible' }}>
          {v}
        </Typography.Paragraph>
      ),
    },
    { key: 'status', title: t('lead.status'), dataIndex: 'status', render: (v: string) => <Tag color={v === 'new' ? 'orange' : 'default'}>{labelOr(`leadStatus.${v}`, v)}</Tag> },
  ];
  return (
    <Card title={t('nav.leads')} extra={<ExportButton path="/leads/export.xlsx" query={{}} fallbackName="leads.xlsx" testId="lead-export" />}>
      {list.isError ? (
        <ErrorAlert error={list.error} />
      ) : (
        <Table<TLead>
          rowKey="id"
          size="middle"
          data-testid="lead-table"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={pagination(list.data?.total)}
        />
      )}
    </Card>
  );
}
