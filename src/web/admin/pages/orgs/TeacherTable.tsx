import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Input, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { formatDate } from '../../../../domain/i18n';
import { api } from '../../api';
import { ErrorAlert } from '../../errors';
import { ExportButton } from '../../exports/ExportButton';
import { useI18n, useLabelOr } from '../../i18n';
import type { TPage, TTeacher } from '../../types';

/** Teachers of one school; ID numbers and mobiles arrive masked from the server. */
export function TeacherTable({ orgId }: { orgId: number }) {
  const { t, lang } = useI18n();
  const labelOr = useLabelOr();
  const [page, setPage] = useState({ page: 1, pageSize: 20, q: '' });
  const list = useQuery({
    queryKey: ['orgs', 'teachers', orgId, page],
    queryFn: () => api<TPage<TTeacher>>(`/orgs/${orgId}/teachers`, { query: page }),
    placeholderData: keepPreviousData,
  });
  const dash = t('common.none');
  const columns: TableColumnsType<TTeacher> = [
    { key: 'name', title: t('teacher.name'), dataIndex: 'name', fixed: 'start', width: 96 },
    { key: 'gender', title: t('teacher.gender'), dataIndex: 'gender', width: 64, render: (g: string | null) => (g ? labelOr(`gender.${g}`, g) : dash) },
    { key: 'birthDate', title: t('teacher.birthDate'), dataIndex: 'birthDate', render: (d: string | null) => (d ? formatDate(d, lang) : dash) },
    { key: 'id', title: t('teacher.idNumber'), dataIndex: 'idNumberMasked', render: (v: string | null) => <span style={{ fontFamily: 'monospace' }}>{v ?? dash}</span> },
    { key: 'mobile', title: t('teacher.mobile'), dataIndex: 'mobileMasked', render: (v: string | null) => <span style={{ fontFamily: 'monospace' }}>{v ?? dash}</span> },
    { key: 'subject', title: t('teacher.subject'), dataIndex: 'subject', render: (v: string | null) => v ?? dash },
    { key: 'title', title: t('teacher.jobTitle'), dataIndex: 'title', render: (v: string | null) => v ?? dash },
  ];

  return (
    <Card
      title={t('teacher.title')}
      style={{ marginTop: 16 }}
      data-testid="teacher-table"
      extra={
        <Space wrap>
          <Input.Search allowClear placeholder={t('teacher.search')} onSearch={(q) => setPage({ ...page, page: 1, q: q.trim() })} style={{ width: 200 }} />
          {/* the list as searched on screen, masked as shown */}
          <ExportButton path={`/orgs/${orgId}/teachers/export.xlsx`} query={{ q: page.q || undefined }} fallbackName="teachers.xlsx" testId="teacher-export" />
        </Space>
      }
    >
      {list.isError ? (
        <ErrorAlert error={list.error} />
      ) : (
        <Table<TTeacher>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => t('common.total', { n }),
            onChange: (p, ps) => setPage({ ...page, page: ps === page.pageSize ? p : 1, pageSize: ps }),
          }}
        />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('teacher.maskedNote')}
      </Typography.Text>
    </Card>
  );
}
