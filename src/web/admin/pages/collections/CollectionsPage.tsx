import { InboxOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Modal, Progress, Radio, Select, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { formatDate } from '../../../../domain/i18n';
import { api } from '../../api';
import { ErrorAlert, useShowError } from '../../errors';
import { ExportButton } from '../../exports/ExportButton';
import { useI18n } from '../../i18n';
import { useCan } from '../../queries';
import type { TPage } from '../../types';
import { CollectionStatusTag, fileAsUpload, pct } from './parts';
import type { TCollection, TCollectionStatus, TCollectionSummary } from './types';

const LIST_STATUSES: TCollectionStatus[] = ['draft', 'submitted', 'returned', 'withdrawn', 'open', 'closed'];

/** Step 1 of the wizard: the template, a title and whether rows are teachers or schools. */
function NewCollectionModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const showError = useShowError();
  const [form] = Form.useForm<{ title?: string; subjectType: 'teacher' | 'school' }>();
  const [file, setFile] = useState<File | null>(null);
  const create = useMutation({
    mutationFn: async () => {
      const v = form.getFieldsValue();
      return api<TCollection>('/collections', { method: 'POST', query: { title: v.title?.trim() || undefined, subjectType: v.subjectType }, body: await fileAsUpload(file!) });
    },
    onSuccess: (c) => void navigate(`/collections/${c.id}`),
    onError: showError,
  });
  return (
    <Modal open title={t('collections.wizard.upload')} onCancel={onClose} okText={t('collections.wizard.match')} okButtonProps={{ disabled: !file, loading: create.isPending, ...{ 'data-testid': 'collection-upload-ok' } }} onOk={() => create.mutate()}>
      <Typography.Paragraph type="secondary">{t('collections.wizard.uploadHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ subjectType: 'teacher' }}>
        <Form.Item name="title" label={t('collections.field.title')}>
          <Input maxLength={200} data-testid="collection-title" />
        </Form.Item>
        <Form.Item name="subjectType" label={t('collections.field.subject')}>
          <Radio.Group options={(['teacher', 'school'] as const).map((s) => ({ value: s, label: t(`collections.subject.${s}`) }))} />
        </Form.Item>
      </Form>
      <Upload.Dragger
        accept=".xlsx"
        maxCount={1}
        fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
        onRemove={() => setFile(null)}
        beforeUpload={(f) => {
          setFile(f);
          return false;
        }}
        data-testid="collection-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{t('collections.wizard.upload')}</p>
      </Upload.Dragger>
    </Modal>
  );
}

/** 数据采集: the requests in scope with their reuse, overlap, progress and hours saved. */
export function CollectionsPage() {
  const { t, lang } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [status, setStatus] = useState<TCollectionStatus | undefined>(undefined);
  // the list and its export share one filter: what is on screen is what the file holds
  const filter = { status };
  const list = useQuery({ queryKey: ['collections', 'list', paging, filter], queryFn: () => api<TPage<TCollectionSummary>>('/collections', { query: { ...paging, ...filter } }), placeholderData: keepPreviousData });
  return (
    <Card
      title={t('collections.list.title')}
      extra={
        <Space wrap>
          <Select<TCollectionStatus>
            allowClear
            placeholder={t('collections.filter.status')}
            style={{ width: 140 }}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPaging({ ...paging, page: 1 });
            }}
            options={LIST_STATUSES.map((s) => ({ value: s, label: t(`collections.status.${s}`) }))}
            data-testid="collection-status-filter"
          />
          <ExportButton path="/collections/export.xlsx" query={{ ...filter }} fallbackName="collections.xlsx" testId="collection-export" />
          {can('collection.request') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="collection-new">
              {t('collections.new')}
            </Button>
          )}
        </Space>
      }
    >
      {list.isError ? (
        <ErrorAlert error={list.error} />
      ) : (
        <Table<TCollectionSummary>
          rowKey="id"
          size="small"
          data-testid="collections-table"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 900 }}
          onRow={(r) => ({ onClick: () => void navigate(`/collections/${r.id}`), style: { cursor: 'pointer' } })}
          pagination={{ current: paging.page, pageSize: paging.pageSize, total: list.data?.total ?? 0, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
          columns={[
            { title: t('collections.field.title'), dataIndex: 'title', render: (v: string) => <Typography.Link>{v}</Typography.Link> },
            { title: t('collections.field.requester'), dataIndex: 'requesterName', width: 140 },
            { title: t('item.admissionNo'), dataIndex: 'admissionNo', width: 170 },
            { title: t('collections.roster.status'), dataIndex: 'status', width: 100, render: (s: TCollectionSummary['status']) => <CollectionStatusTag status={s} /> },
            { title: t('collections.field.reuse'), width: 150, render: (_v, r) => t('collections.reuse', { held: r.reuse.held, columns: r.reuse.columns }) },
            { title: t('collections.field.overlap'), dataIndex: 'overlapMax', width: 90, render: (v: number) => pct(v) },
            { title: t('collections.field.progress'), width: 140, render: (_v, r) => (r.progress.total ? <Progress size="small" percent={Math.round((r.progress.done / r.progress.total) * 100)} format={() => `${r.progress.done}/${r.progress.total}`} /> : '—') },
            { title: t('collections.field.hoursSaved'), dataIndex: 'hoursSaved', width: 100 },
            { title: t('collections.roster.at'), dataIndex: 'createdAt', width: 130, render: (v: string) => formatDate(v, lang) },
          ]}
        />
      )}
      {creating && <NewCollectionModal onClose={() => setCreating(false)} />}
    </Card>
  );
}
