import { DownloadOutlined, LinkOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Progress, Space, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../domain/i18n';
import { API_BASE } from '../../api';
import { useI18n, useLabelOr } from '../../i18n';
import { AdmissionNo, KindTag, StatusTag } from './parts';
import { useSimilar } from './queries';
import type { TItem, TItemEvent } from './types';

/** Admission number, verification code, the QR code, the PNG and the printable notice. */
export function AdmissionCard({ item }: { item: TItem }) {
  const { t } = useI18n();
  if (!item.verifyCode) return null;
  const base = `${API_BASE}/items/${item.id}`;
  return (
    <Card size="small" title={t('item.admission')} data-testid="item-admission">
      <div style={{ textAlign: 'center' }}>
        <Typography.Title level={4} style={{ margin: '4px 0' }}>
          <AdmissionNo value={item.admissionNo} />
        </Typography.Title>
        <div>
          {t('item.verifyCode')}
          {t('common.colon')}
          <Typography.Text code copyable data-testid="item-verify-code" style={{ fontSize: 16 }}>
            {item.verifyCode}
          </Typography.Text>
        </div>
        <img src={`${base}/qr.svg`} alt={t('item.qrAlt')} width={180} height={180} style={{ display: 'block', margin: '8px auto' }} data-testid="item-qr" />
      </div>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button block icon={<DownloadOutlined />} href={`${base}/qr.png`} download={`${item.verifyCode}.png`} data-testid="item-qr-png">
          {t('item.qrDownload')}
        </Button>
        <Button block icon={<PrinterOutlined />} href={`${base}/notice`} target="_blank" rel="noopener" data-testid="item-notice">
          {t('item.notice')}
        </Button>
        <Button block type="link" icon={<LinkOutlined />} href={`/v/${encodeURIComponent(item.verifyCode)}`} target="_blank" rel="noopener">
          {t('item.verifyPage')}
        </Button>
      </Space>
    </Card>
  );
}

/** Who did what, when and why. */
export function ItemTimeline({ events }: { events: readonly TItemEvent[] }) {
  const { t, lang } = useI18n();
  const labelOr = useLabelOr();
  const colour = (e: TItemEvent) =>
    e.action === 'reject' || e.action === 'revoke' ? 'red' : e.action === 'return' || e.action === 'cancel' ? 'orange' : e.toStatus === 'approved' ? 'green' : 'blue';
  return (
    <Card size="small" title={t('item.timeline')}>
      <Timeline
        data-testid="item-timeline"
        items={events.map((e) => ({
          key: e.id,
          color: colour(e),
          content: (
            <div data-testid={`event-${e.action}`}>
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                {formatDateTime(e.at, lang)}
              </Typography.Text>
              <Typography.Text strong>{labelOr(`itemEvent.${e.action}`, labelOr(`auditAction.item.${e.action}`, e.action))}</Typography.Text>
              {e.actorName && <Typography.Text type="secondary"> · {e.actorName}</Typography.Text>}
              {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus && (
                <div style={{ fontSize: 12 }}>
                  <StatusTag status={e.fromStatus} /> → <StatusTag status={e.toStatus} />
                </div>
              )}
              {e.reason && <div style={{ whiteSpace: 'pre-wrap' }}>{e.reason}</div>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}

/** Merge suggestions (reviewers): similar live items; one click picks the merge target. */
export function SimilarItems({ item, onPick }: { item: TItem; onPick?: (id: number) => void }) {
  const { t } = useI18n();
  const labelOr = useLabelOr();
  const similar = useSimilar(item.id, true);
  return (
    <Card size="small" title={t('item.similar')} loading={similar.isPending} data-testid="item-similar">
      {similar.data?.length ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {similar.data.map((s) => (
            <div key={s.id} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }} data-testid={`similar-${s.id}`}>
              <Link to={`/items/${s.id}`}>
                #{s.id} {s.title}
              </Link>
              <div>
                <KindTag kind={s.kind} />
                <StatusTag status={s.status} />
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {labelOr(`similarReason.${s.reason}`, s.reason)}
              </Typography.Text>
              <Progress percent={Math.round(s.score * 100)} size="small" format={(p) => `${t('item.similarScore')} ${p}%`} />
              {onPick && (
                <Button size="small" onClick={() => onPick(s.id)}>
                  {t('action.merge')}
                </Button>
              )}
            </div>
          ))}
        </Space>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('item.similarNone')} />
      )}
    </Card>
  );
}
