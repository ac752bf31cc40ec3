import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Space, Tag } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { ErrorAlert } from '../../errors';
import { useI18n } from '../../i18n';
import { useCan } from '../../queries';
import type { TOrgDetail } from '../../types';
import { OrgCreateModal } from './OrgCreateModal';
import { OrgEditModal } from './OrgEditModal';

export function OrgDetailPanel({ id, onCreated }: { id: number; onCreated: (id: number) => void }) {
  const { t } = useI18n();
  const can = useCan();
  const [modal, setModal] = useState<'create' | 'edit' | null>(null);
  const org = useQuery({ queryKey: ['orgs', 'detail', id], queryFn: () => api<TOrgDetail>(`/orgs/${id}`) });

  if (org.isError) return <ErrorAlert error={org.error} />;
  const o = org.data;
  const dash = t('common.none');
  const items: DescriptionsProps['items'] = o
    ? [
        { key: 'kind', label: t('org.kind'), children: t(`orgKind.${o.kind}`) },
        { key: 'code', label: t('org.code'), children: o.code ?? dash },
        ...(o.kind === 'school' ? [{ key: 'schoolType', label: t('org.schoolType'), children: o.schoolType ? t(`schoolType.${o.schoolType}`) : dash }] : []),
        { key: 'regionCode', label: t('org.regionCode'), children: o.regionCode ?? dash },
        { key: 'hotline', label: t('org.hotline'), children: o.hotline ? <a href={`tel:${o.hotline}`}>{o.hotline}</a> : dash },
        { key: 'mailbox', label: t('org.mailbox'), children: o.mailbox ? <a href={`mailto:${o.mailbox}`}>{o.mailbox}</a> : dash },
        { key: 'status', label: t('org.status'), children: <Tag color={o.status === 'active' ? 'green' : 'default'}>{t(`status.${o.status}`)}</Tag> },
        { key: 'path', label: t('org.path'), span: 'filled', children: o.path.length ? o.path.map((p) => p.name).join(' / ') : dash },
        { key: 'children', label: t('org.counts.children'), children: o.counts.children },
        { key: 'users', label: t('org.counts.users'), children: o.counts.users },
        { key: 'teachers', label: t('org.counts.teachers'), children: o.counts.teachers },
      ]
    : [];

  return (
    <Card
      loading={org.isPending}
      title={o?.name ?? t('org.detail')}
      data-testid="org-detail"
      extra={
        o &&
        can('org.manage') && (
          <Space wrap>
            <Button icon={<PlusOutlined />} onClick={() => setModal('create')} data-testid="org-create">
              {t('org.createChild')}
            </Button>
            <Button icon={<EditOutlined />} onClick={() => setModal('edit')} data-testid="org-edit">
              {t('common.edit')}
            </Button>
          </Space>
        )
      }
    >
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, xl: 3 }} items={items} />
      {o && modal === 'create' && (
        <OrgCreateModal
          parent={o}
          onClose={(created) => {
            setModal(null);
            if (created) onCreated(created);
          }}
        />
      )}
      {o && modal === 'edit' && <OrgEditModal org={o} onClose={() => setModal(null)} />}
    </Card>
  );
}
