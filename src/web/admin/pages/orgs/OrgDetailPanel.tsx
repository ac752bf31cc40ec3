import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { ErrorAlert } from '../../errors';
import { useI18n } from '../../i18n';
import { useCan } from '../../queries';
import type { TOrgDetail } from '../../types';
import { OrgCreateModal } from './OrgCreateModal';
import { OrgEditModal } from './OrgEditModal';
import { codeLabel } from './orgFields';
import { splitMailbox, telHref } from '../../../shared/contact';

function Mailbox({ text }: { text: string }) {
  const { before, email, after } = splitMailbox(text);
  return (
    <span>
      {before}
      {email && <a href={`mailto:${email}`}>{email}</a>}
      {after}
    </span>
  );
}

/** `onSelect` moves the page to another org (a path link, a newly created org). */
export function OrgDetailPanel({ id, onSelect }: { id: number; onSelect: (id: number) => void }) {
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
        { key: 'code', label: t(codeLabel(o.kind)), children: o.code ?? dash },
        ...(o.kind === 'school' ? [{ key: 'schoolType', label: t('org.schoolType'), children: o.schoolType ? t(`schoolType.${o.schoolType}`) : dash }] : []),
        { key: 'regionCode', label: t('org.regionCode'), children: o.regionCode ?? dash },
        { key: 'hotline', label: t('org.hotline'), children: o.hotline ? <a href={telHref(o.hotline)} style={{ whiteSpace: 'nowrap' }}>{o.hotline}</a> : dash },
        { key: 'mailbox', label: t('org.mailbox'), children: o.mailbox ? <Mailbox text={o.mailbox} /> : dash },
        { key: 'status', label: t('org.status'), children: <Tag color={o.status === 'active' ? 'green' : 'default'}>{t(`status.${o.status}`)}</Tag> },
        {
          key: 'path',
          label: t('org.path'),
          span: 'filled',
          children: o.path.length ? (
            <Breadcrumb items={o.path.map((p) => ({ key: p.id, title: p.id === o.id ? p.name : <Typography.Link onClick={() => onSelect(p.id)}>{p.name}</Typography.Link> }))} />
          ) : (
            dash
          ),
        },
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
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} styles={{ label: { whiteSpace: 'nowrap', width: 120 } }} items={items} />
      {o && modal === 'create' && (
        <OrgCreateModal
          parent={o}
          onClose={(created) => {
            setModal(null);
            if (created) onSelect(created);
          }}
        />
      )}
      {o && modal === 'edit' && <OrgEditModal org={o} onClose={() => setModal(null)} />}
    </Card>
  );
}
