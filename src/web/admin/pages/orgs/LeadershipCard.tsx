import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Empty, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { LEADERSHIP_TOPICS, type TLeadershipGroup } from '../../../../domain/leadership/schemas';
import { api } from '../../api';
import { ErrorAlert, useShowError } from '../../errors';
import { useI18n } from '../../i18n';
import { LeadershipModal } from './LeadershipModal';

interface TLeadership {
  orgId: number;
  orgName: string;
  canEdit: boolean;
  groups: TLeadershipGroup[];
}

/** 领导小组 of the selected org: each group with its office and members; editable by the org's own office or school. */
export function LeadershipCard({ orgId }: { orgId: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const showError = useShowError();
  const [editing, setEditing] = useState<TLeadershipGroup | 'new' | null>(null);
  const q = useQuery({ queryKey: ['orgs', orgId, 'leadership'], queryFn: () => api<TLeadership>(`/orgs/${orgId}/leadership`) });
  const remove = useMutation({
    mutationFn: (topic: string) => api(`/orgs/${orgId}/leadership/${topic}`, { method: 'DELETE' }),
    onSuccess: async () => {
      void message.success(t('common.saved'));
      await client.invalidateQueries({ queryKey: ['orgs', orgId, 'leadership'] });
    },
    onError: showError,
  });
  if (q.isError) return <ErrorAlert error={q.error} />;
  const data = q.data;
  const taken = data?.groups.map((g) => g.topic) ?? [];
  return (
    <Card
      title={t('leadership.title')}
      loading={q.isPending}
      style={{ marginTop: 16 }}
      data-testid="leadership-card"
      extra={
        data?.canEdit &&
        taken.length < LEADERSHIP_TOPICS.length && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="leadership-new">
            {t('leadership.add')}
          </Button>
        )
      }
    >
      {data && data.groups.length === 0 && <Empty description={t('leadership.empty')} />}
      {data?.groups.map((g) => (
        <Card
          key={g.topic}
          type="inner"
          size="small"
          style={{ marginBottom: 12 }}
          title={
            <Space wrap>
              <span>{g.name}</span>
              <Tag>{t(`leadership.topic.${g.topic}`)}</Tag>
            </Space>
          }
          extra={
            data.canEdit && (
              <Space>
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(g)} data-testid={`leadership-edit-${g.topic}`}>
                  {t('common.edit')}
                </Button>
                <Popconfirm title={t('leadership.deleteConfirm')} onConfirm={() => remove.mutate(g.topic)} okText={t('leadership.delete')} cancelText={t('common.cancel')}>
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('leadership.delete')} />
                </Popconfirm>
              </Space>
            )
          }
        >
          {(g.officeLocation || g.officeDirector) && (
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              style={{ marginBottom: 8 }}
              items={[
                { key: 'loc', label: t('leadership.officeLocation'), children: g.officeLocation ?? t('common.none') },
                { key: 'dir', label: t('leadership.officeDirector'), children: g.officeDirector ?? t('common.none') },
              ]}
            />
          )}
          <Table
            size="small"
            pagination={false}
            rowKey={(_m, i) => String(i)}
            dataSource={g.members}
            columns={[
              { title: t('leadership.memberRole'), dataIndex: 'role', width: 90, render: (r: TLeadershipGroup['members'][number]['role']) => t(`leadership.role.${r}`) },
              { title: t('leadership.memberName'), dataIndex: 'name', width: 140 },
              { title: t('leadership.memberPost'), dataIndex: 'post' },
            ]}
          />
        </Card>
      ))}
      {editing && <LeadershipModal orgId={orgId} group={editing === 'new' ? null : editing} taken={taken} onClose={() => setEditing(null)} />}
    </Card>
  );
}
