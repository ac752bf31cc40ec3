import { BellOutlined, DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Input, List, Modal, Progress, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime, type TLabelKey } from '../../../../domain/i18n';
import { api, download } from '../../api';
import { ErrorAlert, useShowError } from '../../errors';
import { useI18n } from '../../i18n';
import { useZhEn } from './parts';
import type { TSchoolCollection, TSchoolProgress } from './types';

/** `/school-collections`: the collections open for my school, with its progress. */
export function SchoolCollectionsPage() {
  const { t, lang } = useI18n();
  const q = useQuery({ queryKey: ['collections', 'school'], queryFn: () => api<{ items: TSchoolCollection[] }>('/collections/school') });
  if (q.isError) return <ErrorAlert error={q.error} />;
  return (
    <Card title={t('nav.schoolCollections')} loading={q.isPending} data-testid="school-collections">
      {q.data?.items.length ? (
        <List
          dataSource={q.data.items}
          renderItem={(c) => (
            <List.Item extra={<Progress type="circle" size={56} percent={Math.round((c.progress.done / Math.max(1, c.progress.total)) * 100)} format={() => `${c.progress.done}/${c.progress.total}`} />}>
              <List.Item.Meta
                title={<Link to={`/school-collections/${c.id}`}>{c.title}</Link>}
                description={
                  <Space wrap size={[8, 0]}>
                    <span>{c.requesterName}</span>
                    {c.admissionNo && <span>{c.admissionNo}</span>}
                    {c.windowEnd && <span>{formatDate(c.windowEnd, lang)}</span>}
                    {c.pendingCorrections > 0 && <Tag color="orange">{t('collections.school.corrections')} {c.pendingCorrections}</Tag>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty description={t('collections.tasks.empty')} />
      )}
    </Card>
  );
}

/** `/school-collections/:id`: done / total, remind the rest, confirm or reject corrections, download the school's rows. */
export function SchoolCollectionPage() {
  const { id } = useParams();
  const cid = Number(id);
  const { t, lang } = useI18n();
  const zhEn = useZhEn();
  const { message } = App.useApp();
  const showError = useShowError();
  const client = useQueryClient();
  const [rejecting, setRejecting] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const q = useQuery({ queryKey: ['collections', 'school', cid], queryFn: () => api<TSchoolProgress>(`/collections/${cid}/school`) });
  const refresh = () => client.invalidateQueries({ queryKey: ['collections', 'school'] });
  const remind = useMutation({
    mutationFn: () => api<{ reminded: number }>(`/collections/${cid}/school/remind`, { method: 'POST', body: {} }),
    onSuccess: async (r) => {
      void message.success(t('collections.school.reminded', { n: r.reminded }));
      await refresh();
    },
    onError: showError,
  });
  const decide = useMutation({
    mutationFn: (v: { id: number; decision: 'confirm' | 'reject'; reason?: string }) => api(`/collections/corrections/${v.id}/decide`, { method: 'POST', body: { decision: v.decision, ...(v.reason ? { reason: v.reason } : {}) } }),
    onSuccess: async () => {
      setRejecting(null);
      setReason('');
      await refresh();
    },
    onError: showError,
  });
  const file = useMutation({ mutationFn: () => download(`/collections/${cid}/school/file.xlsx`, {}, 'school.xlsx'), onError: showError });
  if (q.isPending) return <Card loading />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const d = q.data;
  const pending = d.responses.filter((r) => r.status === 'pending').length;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="school-collection">
      <Card title={d.collection.title} extra={d.collection.admissionNo}>
        <Typography.Text>{t('collections.school.progress')}</Typography.Text>
        <Progress percent={Math.round((d.progress.done / Math.max(1, d.progress.total)) * 100)} format={() => `${d.progress.done}/${d.progress.total}`} data-testid="school-progress" />
        <Space wrap style={{ marginTop: 8 }}>
          <Button icon={<BellOutlined />} disabled={!pending || d.collection.status !== 'open'} loading={remind.isPending} onClick={() => remind.mutate()} data-testid="school-remind">
            {t('collections.school.remind')}（{pending}）
          </Button>
          <Button icon={<DownloadOutlined />} loading={file.isPending} onClick={() => file.mutate()} data-testid="school-download">
            {t('collections.school.download')}
          </Button>
        </Space>
      </Card>
      {d.corrections.some((x) => x.status === 'pending') && (
        <Card size="small" title={t('collections.school.corrections')} data-testid="school-corrections">
          <List
            dataSource={d.corrections.filter((x) => x.status === 'pending')}
            renderItem={(x) => (
              <List.Item
                actions={[
                  <Button key="ok" type="primary" size="small" loading={decide.isPending} onClick={() => decide.mutate({ id: x.id, decision: 'confirm' })} data-testid={`correction-confirm-${x.id}`}>
                    {t('collections.school.confirm')}
                  </Button>,
                  <Button key="no" danger size="small" onClick={() => setRejecting(x.id)}>
                    {t('collections.school.reject')}
                  </Button>,
                ]}
              >
                <List.Item.Meta title={`${x.teacherName ?? ''} · ${zhEn(x.keyLabel)}`} description={`${x.oldValue ?? '—'} → ${x.newValue}${x.note ? `（${x.note}）` : ''}`} />
              </List.Item>
            )}
          />
        </Card>
      )}
      <Card size="small">
        <Table
          size="small"
          rowKey="id"
          dataSource={d.responses}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          scroll={{ x: 560 }}
          columns={[
            { title: t('teacher.name'), dataIndex: 'name' },
            { title: t('collections.roster.status'), dataIndex: 'status', width: 100, render: (s: string) => <Tag color={s === 'submitted' ? 'green' : 'default'}>{t(`collections.response.status.${s}` as TLabelKey)}</Tag> },
            { title: t('collections.fill.submit'), dataIndex: 'submittedAt', width: 160, render: (v: string | null) => formatDateTime(v, lang) },
            { title: t('collections.school.remind'), dataIndex: 'remindCount', width: 90 },
          ]}
        />
      </Card>
      <Modal open={rejecting !== null} title={t('collections.school.rejectReason')} onCancel={() => setRejecting(null)} okButtonProps={{ disabled: !reason.trim(), loading: decide.isPending }} onOk={() => rejecting && decide.mutate({ id: rejecting, decision: 'reject', reason })}>
        <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Space>
  );
}
