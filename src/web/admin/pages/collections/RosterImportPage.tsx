import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Select, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { formatDateTime, type TLabelKey } from '../../../../domain/i18n';
import { api, download } from '../../api';
import { ErrorAlert, useShowError } from '../../errors';
import { useI18n } from '../../i18n';
import { useMe } from '../../queries';
import { fileAsUpload } from './parts';
import type { TRosterJob, TRosterJobSummary, TRosterRow } from './types';

type TFilter = 'all' | 'valid' | 'invalid';

function RowsTable({ job }: { job: TRosterJob }) {
  const { t, lang } = useI18n();
  const [filter, setFilter] = useState<TFilter>(job.summary.invalid ? 'invalid' : 'all');
  const [page, setPage] = useState(1);
  const rows = useQuery({
    queryKey: ['roster', job.id, job.status, filter, page],
    queryFn: () => api<TRosterJob>(`/roster/imports/${job.id}`, { query: { filter, page, pageSize: 50 } }),
  });
  return (
    <>
      <Tabs
        activeKey={filter}
        onChange={(k) => {
          setFilter(k as TFilter);
          setPage(1);
        }}
        items={(['all', 'valid', 'invalid'] as const).map((f) => ({ key: f, label: t(`collections.roster.filter.${f}`) }))}
      />
      <Table<TRosterRow>
        size="small"
        rowKey="row"
        data-testid="roster-rows"
        loading={rows.isFetching}
        dataSource={rows.data?.rows.items ?? []}
        scroll={{ x: 720 }}
        pagination={{ current: page, pageSize: 50, total: rows.data?.rows.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('collections.roster.row'), dataIndex: 'row', width: 64 },
          { title: t('teacher.name'), dataIndex: 'name', width: 100 },
          { title: t('teacher.idNumber'), dataIndex: 'idNumberMasked', width: 180 },
          {
            title: t('common.actions'),
            width: 90,
            render: (_v, r) => (r.valid && r.action ? <Tag color={r.action === 'new' ? 'green' : 'blue'}>{t(`collections.roster.action.${r.action}`)}</Tag> : null),
          },
          {
            title: t('collections.roster.reason'),
            render: (_v, r) => (r.reasons.length ? <Typography.Text type="danger">{r.reasons.map((x) => x[lang]).join(lang === 'zh' ? '；' : '; ')}</Typography.Text> : null),
          },
        ]}
      />
    </>
  );
}

/** 教师信息导入: upload the national system's export, preview with a reason per row, then commit all or only the valid rows. */
export function RosterImportPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const client = useQueryClient();
  const me = useMe();
  const isSchool = me.data?.user.org.kind === 'school';
  const schools = useQuery({ queryKey: ['register', 'schools'], queryFn: () => api<{ id: number; name: string }[]>('/register/schools'), enabled: me.isSuccess && !isSchool });
  const [picked, setPicked] = useState<number | undefined>();
  const schoolId = isSchool ? Number(me.data?.user.org.id) : picked;
  const [job, setJob] = useState<TRosterJob | null>(null);
  const history = useQuery({ queryKey: ['roster', 'history', schoolId], queryFn: () => api<TRosterJobSummary[]>('/roster/imports', { query: { schoolId } }), enabled: !!schoolId });

  const upload = useMutation({
    mutationFn: async (file: File) => api<TRosterJob>('/roster/imports', { method: 'POST', query: { schoolId }, body: await fileAsUpload(file) }),
    onSuccess: (j) => setJob(j),
    onError: showError,
  });
  const commit = useMutation({
    mutationFn: (mode: 'all' | 'valid') => api<TRosterJob>(`/roster/imports/${job!.id}/commit`, { method: 'POST', body: { mode } }),
    onSuccess: async (j) => {
      setJob(j);
      if (j.result) void message.success(t('collections.roster.committed', j.result));
      await client.invalidateQueries({ queryKey: ['roster'] });
    },
    onError: showError,
  });
  const discard = useMutation({
    mutationFn: () => api(`/roster/imports/${job!.id}/discard`, { method: 'POST', body: {} }),
    onSuccess: async () => {
      setJob(null);
      await client.invalidateQueries({ queryKey: ['roster'] });
    },
    onError: showError,
  });
  const report = useMutation({ mutationFn: () => download(`/roster/imports/${job!.id}/errors.xlsx`, {}, 'errors.xlsx'), onError: showError });
  const template = useMutation({ mutationFn: () => download('/roster/template.xlsx', {}, 'roster.xlsx'), onError: showError });

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="roster-page">
      <Card
        title={t('collections.roster.title')}
        extra={
          <Button icon={<DownloadOutlined />} onClick={() => template.mutate()} loading={template.isPending}>
            {t('collections.roster.template')}
          </Button>
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          {!isSchool && (
            <Select
              showSearch
              optionFilterProp="label"
              style={{ width: '100%', maxWidth: 420 }}
              placeholder={t('collections.roster.school')}
              loading={schools.isPending && !isSchool}
              options={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              value={picked}
              onChange={(v: number) => {
                setPicked(v);
                setJob(null);
              }}
              data-testid="roster-school"
            />
          )}
          <Typography.Paragraph type="secondary">{t('collections.roster.uploadHint')}</Typography.Paragraph>
          <Upload.Dragger
            accept=".xlsx"
            maxCount={1}
            showUploadList={false}
            disabled={!schoolId || upload.isPending}
            beforeUpload={(file) => {
              upload.mutate(file);
              return false;
            }}
            data-testid="roster-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>{t('collections.roster.upload')}</p>
          </Upload.Dragger>
        </Space>
      </Card>
      {job && (
        <Card
          title={job.fileName}
          data-testid="roster-preview"
          extra={<Tag>{t(`collections.importStatus.${job.status}` as TLabelKey)}</Tag>}
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert type={job.summary.invalid ? 'warning' : 'success'} showIcon title={t('collections.roster.summary', job.summary)} data-testid="roster-summary" />
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('collections.roster.columns')}>
                {job.columns.map((c) => (
                  <Tag key={c.col} color={c.field ? 'blue' : 'default'} title={c.field ?? t('collections.roster.unmatched')}>
                    {c.header}
                  </Tag>
                ))}
              </Descriptions.Item>
            </Descriptions>
            {job.status === 'preview' && (
              <Space wrap>
                <Button type="primary" disabled={job.summary.invalid > 0} loading={commit.isPending} onClick={() => commit.mutate('all')} data-testid="roster-commit-all">
                  {t('collections.roster.commitAll')}
                </Button>
                <Button disabled={!job.summary.valid} loading={commit.isPending} onClick={() => commit.mutate('valid')} data-testid="roster-commit-valid">
                  {t('collections.roster.commitValid')}
                </Button>
                {job.summary.invalid > 0 && (
                  <Button icon={<DownloadOutlined />} onClick={() => report.mutate()} loading={report.isPending} data-testid="roster-errors">
                    {t('collections.roster.errors')}
                  </Button>
                )}
                <Button danger onClick={() => discard.mutate()} loading={discard.isPending}>
                  {t('collections.roster.discard')}
                </Button>
              </Space>
            )}
            {job.status === 'preview' && job.summary.invalid > 0 && <Typography.Text type="secondary">{t('collections.roster.commitAllBlocked')}</Typography.Text>}
            <RowsTable job={job} />
          </Space>
        </Card>
      )}
      {schoolId && (
        <Card size="small" title={t('collections.roster.history')}>
          {history.isError ? (
            <ErrorAlert error={history.error} />
          ) : (
            <Table<TRosterJobSummary>
              size="small"
              rowKey="id"
              loading={history.isPending}
              dataSource={history.data ?? []}
              pagination={false}
              scroll={{ x: 560 }}
              columns={[
                { title: '#', dataIndex: 'id', width: 60 },
                { title: t('collections.roster.file'), dataIndex: 'fileName' },
                { title: t('collections.roster.validOfTotal'), render: (_v, r) => `${r.valid}/${r.total}` },
                { title: t('collections.roster.status'), dataIndex: 'status', render: (s: TRosterJobSummary['status']) => <Tag>{t(`collections.importStatus.${s}`)}</Tag> },
                { title: t('collections.roster.at'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, lang) },
              ]}
            />
          )}
        </Card>
      )}
    </Space>
  );
}
