import { useQuery } from '@tanstack/react-query';
import { Alert, Card, List, Progress, Space, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { pct } from './parts';
import type { TCollection, TOverlap, TReuse } from './types';

/** The reuse ratio and the overlap with the last 12 months, as requester and reviewer see them. */
export function ReuseOverlap({ reuse, overlap, justification }: { reuse: TReuse; overlap: TOverlap; justification?: string | null }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="collection-reuse-overlap">
      <Space wrap size={24}>
        <Statistic title={t('collections.field.reuse')} value={t('collections.reuse', { held: reuse.held, columns: reuse.columns })} data-testid="collection-reuse" />
        <div style={{ minWidth: 160 }}>
          <Typography.Text type="secondary">{t('collections.reuseCells', { held: reuse.cellsHeld, total: reuse.cellsTotal })}</Typography.Text>
          <Progress percent={reuse.cellsTotal ? Math.round((reuse.cellsHeld / reuse.cellsTotal) * 100) : 0} size="small" />
        </div>
      </Space>
      <Typography.Text strong>{t('collections.overlap.title')}</Typography.Text>
      {overlap.items.length === 0 ? (
        <Typography.Text type="secondary">{t('collections.overlap.none')}</Typography.Text>
      ) : (
        <>
          <Alert
            type={overlap.requiresJustification ? 'warning' : 'info'}
            showIcon
            title={t('collections.overlap.max', { pct: pct(overlap.max), threshold: pct(overlap.threshold) })}
            data-testid="collection-overlap-max"
          />
          <List
            size="small"
            dataSource={overlap.items}
            renderItem={(o) => (
              <List.Item>
                {t('collections.overlap.entry', { title: o.title, requester: o.requesterName, keys: o.sharedKeys.length, pop: pct(o.populationShare), pct: pct(o.overlap) })}
              </List.Item>
            )}
          />
        </>
      )}
      {justification && (
        <Alert type="info" title={t('collections.justification')} description={justification} />
      )}
    </Space>
  );
}

/** On a register item of kind data_collection: the collection's reuse and overlap for the reviewer. */
export function CollectionReviewCard({ itemId }: { itemId: number }) {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['collections', 'by-item', itemId], queryFn: () => api<TCollection>(`/collections/by-item/${itemId}`), retry: false });
  if (!q.data) return null;
  return (
    <Card size="small" title={t('collections.reviewCard')} extra={<Link to={`/collections/${q.data.id}`}>{q.data.title}</Link>} data-testid="collection-review-card">
      <ReuseOverlap reuse={q.data.reuse} overlap={q.data.overlap} justification={q.data.justification} />
    </Card>
  );
}
