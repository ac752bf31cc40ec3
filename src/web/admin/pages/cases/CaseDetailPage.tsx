import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../../../domain/i18n';
import { ErrorAlert } from '../../errors';
import { useI18n, useLabelOr } from '../../i18n';
import { CaseActions } from './CaseActions';
import { AttachmentsCard, CaseTimeline, DuplicatesCard, ReporterCard } from './CaseSide';
import { CaseStatusTag, CategoryTag, OverdueTag, SourceTag } from './parts';
import { useCase } from './queries';
import type { TCase } from './types';

/** Free text typed by the public or officials: always React text nodes, line breaks kept. */
function Text({ value, testId }: { value: string | null; testId?: string }) {
  const { t } = useI18n();
  if (!value) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid={testId}>
      {value}
    </div>
  );
}

function CaseFacts({ item }: { item: TCase }) {
  const { t, lang } = useI18n();
  const labelOr = useLabelOr();
  const dash = t('common.none');
  const rows: DescriptionsProps['items'] = [
    { key: 'text', label: t('caseUi.text'), span: 'filled', children: <Text value={item.text} testId="case-text" /> },
    { key: 'occurredOn', label: t('caseUi.occurredOn'), children: item.occurredOn ? formatDate(item.occurredOn, lang) : dash },
    { key: 'createdAt', label: t('caseUi.createdAt'), children: formatDateTime(item.createdAt, lang) },
    {
      key: 'target',
      label: t('caseUi.targetOrg'),
      // a register org, the name as typed (staff entry, leads, task logs), or both
      children:
        item.targetOrg || item.targetText ? (
          <Space orientation="vertical" size={0}>
            {item.targetOrg && <span data-testid="case-target-org">{item.targetOrg.name}</span>}
            {item.targetText && (
              <span style={{ overflowWrap: 'anywhere' }} data-testid="case-target-text">
                {item.targetText}
              </span>
            )}
          </Space>
        ) : (
          dash
        ),
    },
    { key: 'assigned', label: t('caseUi.assignedOrg'), children: <span data-testid="case-assigned-org">{item.assignedOrg?.name ?? dash}</span> },
    {
      key: 'code',
      label: t('caseUi.itemCode'),
      children: item.itemCode ? (
        <Space size={4}>
          <Typography.Text code>
            <span data-testid="case-item-code">{item.itemCode}</span>
          </Typography.Text>
          {item.codeStatus && <span>{labelOr(`verify.status.${item.codeStatus}`, item.codeStatus)}</span>}
        </Space>
      ) : (
        dash
      ),
    },
    {
      key: 'due',
      label: t('caseUi.dueAt'),
      children: (
        <Space size={4}>
          {item.dueOn ? formatDate(item.dueOn, lang) : dash}
          <OverdueTag overdue={item.overdue} />
        </Space>
      ),
    },
  ];
  if (item.measures || item.rectifyDeadline) {
    rows.push({ key: 'measures', label: t('caseUi.measures'), span: 'filled', children: <Text value={item.measures} testId="case-measures-text" /> });
    rows.push({ key: 'deadline', label: t('caseUi.rectifyDeadline'), children: item.rectifyDeadline ? formatDate(item.rectifyDeadline, lang) : dash });
  }
  if (item.verdict || item.outcome) {
    rows.push({ key: 'verdict', label: t('caseUi.verdict'), children: <span data-testid="case-verdict-text">{item.verdict ? labelOr(`caseVerdict.${item.verdict}`, item.verdict) : dash}</span> });
    rows.push({ key: 'outcome', label: t('caseUi.outcome'), span: 'filled', children: <Text value={item.outcome} testId="case-outcome-text" /> });
  }
  if (item.reply) {
    rows.push({ key: 'reply', label: t('caseUi.replyText'), span: 'filled', children: <Text value={item.reply} testId="case-reply-text" /> });
    if (item.repliedAt) rows.push({ key: 'repliedAt', label: t('caseUi.repliedAt'), children: formatDateTime(item.repliedAt, lang) });
  }
  return <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }} items={rows} data-testid="case-facts" />;
}

/** `/cases/:id`: what was reported, where it stands, what the actor may do, and every step so far. */
export function CaseDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const q = useCase(Number(id));
  if (q.isPending) return <Card loading />;
  if (q.isError) return <ErrorAlert error={q.error} testId="case-error" />;
  const item = q.data;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="case-detail" data-case-id={item.id}>
      <Card
        title={
          <Space wrap size={[8, 4]}>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => void navigate('/cases')} aria-label={t('caseUi.backToList')} data-testid="case-back" />
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="case-tracking-no">
              {item.trackingNo}
            </Typography.Text>
            <CaseStatusTag status={item.status} />
            <CategoryTag category={item.category} />
            <SourceTag source={item.source} channel={item.channel} />
            <OverdueTag overdue={item.overdue} />
          </Space>
        }
      >
        <CaseActions item={item} />
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Card size="small" title={t('caseUi.details')}>
              <CaseFacts item={item} />
            </Card>
            <AttachmentsCard item={item} />
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <ReporterCard item={item} />
            <DuplicatesCard item={item} />
            <CaseTimeline events={item.events} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
