import { useQuery } from '@tanstack/react-query';
import { Progress, Select, Table, Tag } from 'antd';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { useZhEn } from './parts';
import type { TCatalogOption, TCollection, TColumn } from './types';

const NEW = '__new__';
const AUTO = '__auto__';

export interface TColumnEdit {
  index: number;
  field: string | null;
  mode: 'auto' | 'manual' | 'new';
}

/** Each template column, its match with the confidence, how much is held; the requester may override it or mark a new field. */
export function MatchTable({ collection, editable, onEdit, busy }: { collection: TCollection; editable: boolean; onEdit: (e: TColumnEdit) => void; busy: boolean }) {
  const { t, lang } = useI18n();
  const zhEn = useZhEn();
  const catalog = useQuery({
    queryKey: ['collections', 'catalog', collection.subjectType],
    queryFn: () => api<TCatalogOption[]>('/collections/catalog', { query: { subject: collection.subjectType } }),
    enabled: editable,
    staleTime: 600_000,
  });
  const population = collection.reuse.population;
  return (
    <Table<TColumn>
      rowKey="index"
      size="small"
      pagination={false}
      data-testid="collection-matches"
      dataSource={collection.columns}
      scroll={{ x: 640 }}
      columns={[
        { title: t('collections.match.header'), dataIndex: 'header', render: (h: string, c) => (collection.columns.some((o) => o.sheet !== c.sheet) ? `${c.sheet} · ${h}` : h) },
        {
          title: t('collections.match.field'),
          width: 240,
          render: (_v, c) =>
            editable ? (
              <Select
                style={{ width: '100%' }}
                size="small"
                showSearch
                optionFilterProp="label"
                disabled={busy}
                value={c.field ?? NEW}
                data-testid={`match-${c.index}`}
                onChange={(v: string) => onEdit(v === NEW ? { index: c.index, field: null, mode: 'new' } : v === AUTO ? { index: c.index, field: null, mode: 'auto' } : { index: c.index, field: v, mode: 'manual' })}
                options={[
                  { value: NEW, label: t('collections.match.new') },
                  ...(c.mode !== 'auto' && c.suggested ? [{ value: AUTO, label: t('collections.match.auto') }] : []),
                  ...(catalog.data ?? []).map((o) => ({ value: o.key, label: `${o[lang]}` })),
                ]}
              />
            ) : c.field ? (
              zhEn(c.fieldLabel)
            ) : (
              <Tag color="orange">{t('collections.match.new')}</Tag>
            ),
        },
        {
          title: t('collections.match.confidence'),
          width: 110,
          render: (_v, c) => (c.mode === 'auto' && c.field ? <Progress size="small" percent={Math.round(c.confidence * 100)} status={c.confidence < 0.8 ? 'exception' : 'normal'} /> : c.mode === 'manual' ? <Tag>{t('common.edit')}</Tag> : null),
        },
        {
          title: t('collections.match.held'),
          width: 110,
          render: (_v, c) => (c.field ? `${c.heldCount}/${population}` : '—'),
        },
      ]}
    />
  );
}
