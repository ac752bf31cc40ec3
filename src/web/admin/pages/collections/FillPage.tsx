import { CheckCircleOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../../../domain/i18n';
import { api, ApiError } from '../../api';
import { ErrorAlert, useShowError } from '../../errors';
import { useI18n } from '../../i18n';
import { useSourceLabel } from './parts';
import type { TFillField, TFillPage } from './types';

function FieldCard({ f, value, onValue, fix, onFix, error, readOnly }: { f: TFillField; value: string; onValue: (v: string) => void; fix: string | null; onFix: (v: string | null) => void; error?: string; readOnly: boolean }) {
  const { t, lang } = useI18n();
  const sourceLabel = useSourceLabel();
  return (
    <Card size="small" data-testid={`fill-field-${f.index}`} styles={{ body: { padding: 12 } }}>
      <Typography.Text strong>{f.header}</Typography.Text>
      {f.held ? (
        <div>
          <Typography.Paragraph style={{ margin: '4px 0', fontSize: 16 }} data-testid={`fill-held-${f.index}`}>
            {f.held.value}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('collections.fill.held')} · {sourceLabel(f.held.source)} · {formatDate(f.held.recordedAt, lang)}
          </Typography.Text>
          {f.pendingCorrection && (
            <div>
              <Tag color="orange">{t('collections.fill.correctionPending', { value: f.pendingCorrection.value })}</Tag>
            </div>
          )}
          {f.correctable && !readOnly && (
            <div style={{ marginTop: 6 }}>
              {fix === null ? (
                <Button size="small" type="link" icon={<EditOutlined />} style={{ padding: 0 }} onClick={() => onFix('')} data-testid={`fill-correct-${f.index}`}>
                  {t('collections.fill.correct')}
                </Button>
              ) : (
                <Input size="large" value={fix} maxLength={500} onChange={(e) => onFix(e.target.value)} allowClear onClear={() => onFix(null)} data-testid={`fill-fix-${f.index}`} />
              )}
            </div>
          )}
        </div>
      ) : (
        <div style={{ marginTop: 6 }}>
          <Input size="large" placeholder={t('collections.fill.toType')} value={value} maxLength={500} disabled={readOnly} status={error ? 'error' : undefined} onChange={(e) => onValue(e.target.value)} data-testid={`fill-input-${f.index}`} />
          {error && <Typography.Text type="danger">{error}</Typography.Text>}
        </div>
      )}
    </Card>
  );
}

/**
 * `/fill/:id`: the one page a teacher fills, made for a phone: what Jianfu holds is shown (masked
 * where personal), only the rest is typed, a held value may be corrected (the school confirms), and
 * the written commitment replaces proof documents.
 */
export function FillPage() {
  const { id } = useParams();
  const rid = Number(id);
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const client = useQueryClient();
  const q = useQuery({ queryKey: ['collections', 'response', rid], queryFn: () => api<TFillPage>(`/collections/responses/${rid}`) });
  const [answers, setAnswers] = useState<Record<number, string>>({});
  const [fixes, setFixes] = useState<Record<number, string | null>>({});
  const [signed, setSigned] = useState(false);
  const [errors, setErrors] = useState<Record<number, string>>({});
  const send = useMutation({
    mutationFn: (page: TFillPage) =>
      api<TFillPage>(`/collections/responses/${rid}`, {
        method: 'POST',
        body: {
          answers: Object.fromEntries(page.fields.filter((f) => f.toType).map((f) => [String(f.index), answers[f.index] ?? f.answer ?? ''])),
          corrections: Object.entries(fixes)
            .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '')
            .map(([index, value]) => ({ index: Number(index), value })),
          commitment: { accepted: signed },
        },
      }),
    onSuccess: async (page) => {
      client.setQueryData(['collections', 'response', rid], page);
      setErrors({});
      setFixes({});
      void message.success(t('collections.fill.submitted'));
      await client.invalidateQueries({ queryKey: ['collections', 'tasks'] });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fields.length) {
        setErrors(Object.fromEntries(err.fields.filter((f) => f.path.startsWith('answers.')).map((f) => [Number(f.path.split('.')[1]), lang === 'zh' ? f.zh : f.en])));
      }
      showError(err);
    },
  });
  if (q.isPending) return <Card loading />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const page = q.data;
  const readOnly = !page.open;
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }} data-testid="fill-page">
      <Space orientation="vertical" size={10} style={{ width: '100%' }}>
        <Card size="small" styles={{ body: { padding: 12 } }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {page.collection.title}
          </Typography.Title>
          <Typography.Text type="secondary">
            {page.collection.requesterName}
            {page.collection.admissionNo ? ` · ${page.collection.admissionNo}` : ''}
            {page.collection.windowEnd ? ` · ${formatDate(page.collection.windowEnd, lang)}` : ''}
          </Typography.Text>
          <div>
            <Typography.Text strong>{page.subject.name}</Typography.Text>
          </div>
        </Card>
        {readOnly && <Alert type="info" title={t('collections.fill.closed')} />}
        {page.status === 'submitted' && page.committedAt && <Alert type="success" icon={<CheckCircleOutlined />} showIcon title={t('collections.fill.signedAt', { at: formatDateTime(page.committedAt, lang) })} data-testid="fill-done" />}
        {page.fields.map((f) => (
          <FieldCard
            key={f.index}
            f={f}
            readOnly={readOnly}
            value={answers[f.index] ?? f.answer ?? ''}
            onValue={(v) => setAnswers((a) => ({ ...a, [f.index]: v }))}
            fix={fixes[f.index] ?? null}
            onFix={(v) => setFixes((x) => ({ ...x, [f.index]: v }))}
            error={errors[f.index]}
          />
        ))}
        {!readOnly && (
          <Card size="small" title={t('collections.fill.commitment')} styles={{ body: { padding: 12 } }} data-testid="fill-commitment">
            <Typography.Paragraph>{page.collection.commitmentText}</Typography.Paragraph>
            <Checkbox checked={signed} onChange={(e) => setSigned(e.target.checked)} data-testid="fill-sign">
              {t('collections.fill.sign')}
            </Checkbox>
            <Button type="primary" size="large" block style={{ marginTop: 12 }} disabled={!signed} loading={send.isPending} onClick={() => send.mutate(page)} data-testid="fill-submit">
              {t('collections.fill.submit')}
            </Button>
          </Card>
        )}
      </Space>
    </div>
  );
}
