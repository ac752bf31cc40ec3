import { FileOutlined } from '@ant-design/icons';
import { Card, Descriptions, Empty, Image, Space, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../../../domain/i18n';
import { API_BASE } from '../../api';
import { useI18n, useLabelOr } from '../../i18n';
import { CaseStatusTag } from './parts';
import type { TAttachment, TCase, TCaseEvent } from './types';

/** Reporter identity: rendered only when the API returned it (the office role). */
export function ReporterCard({ item }: { item: TCase }) {
  const { t } = useI18n();
  const r = item.reporter;
  if (r === undefined || r === null) return null;
  const dash = t('common.none');
  return (
    <Card size="small" title={t('caseUi.reporter')} data-testid="case-reporter">
      {r.anonymous ? (
        <Typography.Text type="secondary">{t('caseUi.anonymous')}</Typography.Text>
      ) : (
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'name', label: t('caseUi.reporterName'), children: <span data-testid="case-reporter-name">{r.name ?? dash}</span> },
            { key: 'phone', label: t('caseUi.reporterPhone'), children: <span data-testid="case-reporter-phone">{r.phone ?? dash}</span> },
          ]}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        {t('caseUi.reporterPrivate')}
      </Typography.Paragraph>
    </Card>
  );
}

const isImage = (a: TAttachment) => a.contentType.startsWith('image/');
const href = (a: TAttachment) => (a.url.startsWith('/') ? a.url : `${API_BASE}/${a.url}`);

/** Images from the reporter and evidence from officials. */
export function AttachmentsCard({ item }: { item: TCase }) {
  const { t, lang } = useI18n();
  const labelOr = useLabelOr();
  return (
    <Card size="small" title={t('caseUi.attachments')} data-testid="case-attachments" data-count={item.attachments.length}>
      {item.attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('caseUi.noAttachments')} />
      ) : (
        <Image.PreviewGroup>
          <Space wrap size={8}>
            {item.attachments.map((a) => (
              <div key={a.id} style={{ width: 96, textAlign: 'center' }} data-testid={`case-attachment-${a.id}`}>
                {isImage(a) ? (
                  <Image src={href(a)} width={96} height={96} style={{ objectFit: 'cover', borderRadius: 6 }} alt={t('caseUi.attachment')} />
                ) : (
                  <a href={href(a)} target="_blank" rel="noopener noreferrer">
                    <FileOutlined style={{ fontSize: 48 }} />
                  </a>
                )}
                <div style={{ fontSize: 11, color: '#888' }}>
                  {a.kind ? <Tag style={{ marginInlineEnd: 0, fontSize: 11 }}>{labelOr(`caseAttachmentKind.${a.kind}`, a.kind)}</Tag> : null}
                  <div>{formatDate(a.createdAt, lang)}</div>
                </div>
              </div>
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
    </Card>
  );
}

/** Every step: who, when, status change and note. */
export function CaseTimeline({ events }: { events: readonly TCaseEvent[] }) {
  const { t, lang } = useI18n();
  const labelOr = useLabelOr();
  const colour = (e: TCaseEvent) => (e.action === 'reopen' ? 'orange' : e.toStatus === 'closed' || e.toStatus === 'replied' ? 'green' : e.action === 'merge' ? 'gray' : 'blue');
  return (
    <Card size="small" title={t('caseUi.timeline')}>
      <Timeline
        data-testid="case-timeline"
        items={events.map((e) => ({
          key: e.id,
          color: colour(e),
          content: (
            <div data-testid={`case-event-${e.action}`}>
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                {formatDateTime(e.at, lang)}
              </Typography.Text>
              <Typography.Text strong>{labelOr(`caseEvent.${e.action}`, e.action)}</Typography.Text>
              {e.actorName && <Typography.Text type="secondary"> · {e.actorName}</Typography.Text>}
              {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus && (
                <div style={{ fontSize: 12 }}>
                  <CaseStatusTag status={e.fromStatus} testId="case-event-from" /> → <CaseStatusTag status={e.toStatus} testId="case-event-to" />
                </div>
              )}
              {e.note && <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{e.note}</div>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}

/** Duplicates grouped with this case, or the case this one was merged into (by its tracking number). */
export function DuplicatesCard({ item }: { item: TCase }) {
  const { t } = useI18n();
  if (!item.duplicates.length && !item.mergedInto) return null;
  return (
    <Card
      size="small"
      title={t('caseUi.duplicates')}
      data-testid="case-duplicates"
      extra={
        item.groupId ? (
          <Link to={`/cases?groupId=${item.groupId}`} data-testid="case-group-link">
            {t('caseUi.showGroup')}
          </Link>
        ) : null
      }
    >
      {item.mergedInto && (
        <p data-testid="case-merged-into">
          {t('caseUi.mergedInto')}{' '}
          <Link to={`/cases/${item.mergedInto.id}`} data-testid="case-merged-into-link">
            {item.mergedInto.trackingNo}
          </Link>
        </p>
      )}
      {item.duplicates.map((d) => (
        <div key={d.id} data-testid={`case-duplicate-${d.id}`}>
          <Link to={`/cases/${d.id}`}>{d.trackingNo}</Link> <CaseStatusTag status={d.status} testId="case-duplicate-status" />
        </div>
      ))}
    </Card>
  );
}
