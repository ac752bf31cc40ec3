import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, AutoComplete, Button, Card, Col, DatePicker, Empty, Form, Input, InputNumber, Pagination, Row, Select, Space, Spin, Statistic, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { CASE_LIMITS as L } from '../../../../domain/cases/limits';
import { formatDate } from '../../../../domain/i18n';
import { api, errorText } from '../../api';
import { applyFieldErrors, ErrorAlert } from '../../errors';
import { useI18n, useLabelOr } from '../../i18n';
import { CodeCheck } from './CodeCheck';
import { useTasklogMine } from './queries';
import { TASKLOG_CHANNELS, type TTasklogEntry } from './types';

interface TForm {
  what?: string;
  issuer?: string;
  /** Set when the issuer was picked from the register's organisations (cleared when the text is edited). */
  issuerOrgId?: number;
  date: Dayjs;
  minutes?: number;
  channel: string;
  code?: string;
}

const FIELDS = ['what', 'issuer', 'date', 'minutes', 'channel', 'code'];

/**
 * Who made the demand: typed freely, with the register's organisations suggested as the teacher
 * types (the public organisation search), so that one issuer is not split over several spellings
 * in the office's per-issuer counts. Picking a suggestion links the entry to that organisation;
 * editing the text afterwards makes it free text again.
 */
function IssuerInput(props: { value?: string; onChange?: (v: string) => void; onPick: (orgId: number | undefined) => void }) {
  const { t } = useI18n();
  const q = (props.value ?? '').trim();
  const orgs = useQuery({
    queryKey: ['public', 'orgs', q],
    queryFn: () => api<{ id: number; name: string; region: string | null; parentName: string | null }[]>('/public/orgs', { query: { q } }),
    enabled: q.length >= 2,
    staleTime: 60_000,
  });
  const suggestions = q.length >= 2 ? (orgs.data ?? []) : [];
  return (
    <AutoComplete
      value={props.value}
      options={suggestions.map((o) => ({
        value: String(o.id),
        label: (
          <span data-testid={`tasklog-issuer-option-${o.id}`}>
            {o.name}
            <Typography.Text type="secondary">{[o.region, o.parentName].filter(Boolean).join(' · ') ? `（${[o.region, o.parentName].filter(Boolean).join(' · ')}）` : ''}</Typography.Text>
          </span>
        ),
        name: o.name,
      }))}
      onSelect={(_v: string, option: { value: string; name: string }) => {
        props.onChange?.(option.name);
        props.onPick(Number(option.value));
      }}
      onChange={(v: string) => {
        // picking a suggestion also reports its value (the org id): onSelect handles that one
        if (suggestions.some((o) => String(o.id) === v)) return;
        props.onChange?.(v);
        props.onPick(undefined);
      }}
      maxLength={L.issuerText}
      placeholder={t('tasklogUi.issuerHint')}
      data-testid="tasklog-issuer"
    />
  );
}

function EntryForm() {
  const { t, lang } = useI18n();
  const labelOr = useLabelOr();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<TForm>();
  const code = Form.useWatch('code', form) as string | undefined;
  const issuerOrgId = Form.useWatch('issuerOrgId', form) as number | undefined;
  const add = useMutation({
    mutationFn: (v: TForm) =>
      api<TTasklogEntry>('/tasklog', {
        method: 'POST',
        body: {
          what: (v.what ?? '').trim(),
          ...(v.issuerOrgId ? { issuerOrgId: v.issuerOrgId } : { issuerText: (v.issuer ?? '').trim() }),
          date: v.date.format('YYYY-MM-DD'),
          minutes: v.minutes,
          channel: v.channel,
          ...(v.code?.trim() ? { code: v.code.trim() } : {}),
        },
      }),
    onSuccess: async () => {
      void message.success(t('tasklogUi.added'));
      form.resetFields();
      await client.invalidateQueries({ queryKey: ['tasklog'] });
    },
    onError: (err) => applyFieldErrors(form, err, lang, FIELDS),
  });
  const text = { required: true, whitespace: true, message: t('common.required') };
  return (
    <Form<TForm> form={form} layout="vertical" initialValues={{ date: dayjs(), channel: 'wechat_group' }} onFinish={(v) => add.mutate(v)} data-testid="tasklog-form">
      {add.error && <Alert type="error" showIcon title={errorText(add.error, lang)} style={{ marginBottom: 12 }} />}
      <Form.Item name="what" label={t('tasklogUi.what')} rules={[text]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={L.tasklogWhat} showCount placeholder={t('tasklogUi.whatHint')} data-testid="tasklog-what" />
      </Form.Item>
      <Form.Item name="issuerOrgId" hidden>
        <InputNumber />
      </Form.Item>
      <Form.Item name="issuer" label={t('tasklogUi.issuer')} rules={[text]} extra={issuerOrgId ? t('tasklogUi.issuerPicked') : undefined}>
        <IssuerInput onPick={(id) => form.setFieldValue('issuerOrgId', id)} />
      </Form.Item>
      <Row gutter={8}>
        <Col xs={12}>
          <Form.Item name="date" label={t('tasklogUi.date')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="tasklog-date" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="minutes" label={t('tasklogUi.minutes')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber style={{ width: '100%' }} min={1} max={1440} precision={0} inputMode="numeric" suffix={t('unit.minutes')} data-testid="tasklog-minutes" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="channel" label={t('tasklogUi.channel')} rules={[{ required: true, message: t('common.required') }]}>
        <Select options={TASKLOG_CHANNELS.map((c) => ({ value: c, label: labelOr(`tasklogChannel.${c}`, c) }))} data-testid="tasklog-channel" />
      </Form.Item>
      <Form.Item name="code" label={t('tasklogUi.code')} extra={<CodeCheck code={code} testId="tasklog-code-status" />}>
        <Input maxLength={L.code} autoCapitalize="characters" autoComplete="off" placeholder={t('tasklogUi.codeHint')} data-testid="tasklog-code" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={add.isPending} data-testid="tasklog-submit">
        {t('tasklogUi.add')}
      </Button>
    </Form>
  );
}

function EntryItem({ e }: { e: TTasklogEntry }) {
  const { t, lang } = useI18n();
  const labelOr = useLabelOr();
  return (
    <div data-testid={`tasklog-entry-${e.id}`} style={{ borderBottom: '1px solid #f0f0f0', padding: '8px 0' }}>
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Typography.Text strong style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {e.what}
        </Typography.Text>
        <Typography.Text type="secondary">
          {e.issuer} · {formatDate(e.date, lang)} · {e.minutes} {t('unit.minutes')}
        </Typography.Text>
        <div>
          <Tag>{labelOr(`tasklogChannel.${e.channel}`, e.channel)}</Tag>
          {e.code ? (
            <Tag color={e.codeStatus === 'valid' ? 'green' : 'red'}>
              {e.code} {e.codeStatus ? labelOr(`verify.status.${e.codeStatus}`, e.codeStatus) : ''}
            </Tag>
          ) : (
            <Tag color="orange">{t('tasklogUi.noCode')}</Tag>
          )}
        </div>
      </Space>
    </div>
  );
}

/** `/tasklog` (teachers, 减负监测): record a demand received, see one's own entries and hours this term. */
export function TaskLogPage() {
  const { t, lang } = useI18n();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const mine = useTasklogMine(paging);
  // antd truncates to the precision: round first (45 min → 0.8 h)
  const hours = Math.round(((mine.data?.termMinutes ?? 0) / 60) * 10) / 10;
  const term = mine.data?.term;
  return (
    <Row gutter={[12, 12]} data-testid="tasklog-page">
      <Col xs={24} lg={10}>
        <Card title={t('tasklogUi.title')} size="small">
          <Typography.Paragraph type="secondary">{t('tasklogUi.intro')}</Typography.Paragraph>
          <EntryForm />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Card size="small">
            <Statistic
              title={term ? t('tasklogUi.termHoursOf', { from: formatDate(term.from, lang), to: formatDate(term.to, lang) }) : t('tasklogUi.termHours')}
              value={hours}
              precision={1}
              suffix={t('unit.hours')}
              data-testid="tasklog-term-hours"
            />
          </Card>
          <Card size="small" title={t('tasklogUi.mine')}>
            {mine.isError ? (
              <ErrorAlert error={mine.error} />
            ) : (
              <Spin spinning={mine.isFetching}>
                <div data-testid="tasklog-list">
                  {mine.data?.items.length ? mine.data.items.map((e) => <EntryItem key={e.id} e={e} />) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasklogUi.empty')} />}
                </div>
                {(mine.data?.total ?? 0) > paging.pageSize && (
                  <Pagination
                    size="small"
                    style={{ marginTop: 8 }}
                    current={paging.page}
                    pageSize={paging.pageSize}
                    total={mine.data?.total ?? 0}
                    onChange={(page, pageSize) => setPaging({ page, pageSize })}
                    data-testid="tasklog-pages"
                  />
                )}
              </Spin>
            )}
          </Card>
        </Space>
      </Col>
    </Row>
  );
}
