import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../errors';
import { CollectionReviewCard } from '../collections/OverlapCard';
import { useI18n } from '../../i18n';
import { useCan } from '../../queries';
import { ItemActions, type TDialog } from './ItemActions';
import { ItemDescriptions } from './ItemDescriptions';
import { AdmissionCard, ItemTimeline, SimilarItems } from './ItemSide';
import { FindingsList, KindTag, StatusTag } from './parts';
import { useItem } from './queries';
import { ITEM_ACTIONS, type TFinding } from './types';

/** `/items/:id`: every field, the rule check, the history, the admission number and what the actor may do. */
export function ItemDetailPage() {
  const { id } = useParams();
  const itemId = Number(id);
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const item = useItem(itemId);
  const [dialog, setDialog] = useState<TDialog | null>(null);
  const [violation, setViolation] = useState<TFinding[] | null>(null);

  if (item.isPending) return <Card loading />;
  if (item.isError) return <ErrorAlert error={item.error} />;
  const it = item.data;
  const reviewer = can('register.review') || can('register.manage');
  const findings = violation ?? it.findings;
  const anyAction = ITEM_ACTIONS.some((a) => it.can[a]);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="item-detail" data-item-id={it.id}>
      <Card
        title={
          <Space wrap size={[8, 4]}>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => void navigate('/items')} aria-label={t('item.backToList')} />
            <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'normal' }} data-testid="item-title">
              {it.title}
            </Typography.Text>
            <KindTag kind={it.kind} />
            <StatusTag status={it.status} />
          </Space>
        }
        styles={{ body: anyAction ? { paddingBlock: 12 } : { display: 'none' } }}
      >
        {anyAction && <ItemActions item={it} dialog={dialog} setDialog={setDialog} onViolation={setViolation} />}
      </Card>
      {violation && <Alert type="error" showIcon title={t('item.submitBlocked')} data-testid="item-submit-blocked" />}
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Card size="small" title={t('item.details')}>
              <ItemDescriptions item={it} />
            </Card>
            <Card size="small" title={t('item.findings')}>
              <FindingsList findings={findings} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <AdmissionCard item={it} />
            {it.kind === 'data_collection' && can('collection.read') && <CollectionReviewCard itemId={it.id} />}
            {reviewer && <SimilarItems item={it} onPick={it.can.merge ? (intoId) => setDialog({ kind: 'merge', intoId }) : undefined} />}
            <ItemTimeline events={it.events} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
