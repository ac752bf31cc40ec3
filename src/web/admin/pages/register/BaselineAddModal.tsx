import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import { ApiError } from '../../api';
import { useShowError } from '../../errors';
import { useI18n } from '../../i18n';
import { buttonTestId } from '../../testId';
import { teacherHoursPerYear } from '../../../../domain/register/burden';
import { ITEM_KINDS, type TItemKind } from '../../../../domain/register/kinds';
import { useAddBaseline } from './baselineQueries';
import { BASELINE_DECISIONS, type TBaselineDecision, type TBaselineInput } from './baselineTypes';

interface TRowForm {
  kind?: TItemKind;
  title?: string;
  issuerName?: string;
  minutesPerRespondent?: number;
  respondents?: number;
  timesPerYear?: number;
  decision?: TBaselineDecision;
  reason?: string;
}

const EMPTY: TRowForm = { minutesPerRespondent: 30, respondents: 0, timesPerYear: 1 };

function toInput(year: number, r: TRowForm): TBaselineInput {
  return {
    year,
    kind: r.kind!,
    title: (r.title ?? '').trim(),
    issuerName: (r.issuerName ?? '').trim(),
    minutesPerRespondent: r.minutesPerRespondent ?? 0,
    respondents: r.respondents ?? 0,
    timesPerYear: r.timesPerYear ?? 0,
    ...(r.decision ? { decision: r.decision } : {}),
    ...(r.reason?.trim() ? { reason: r.reason.trim() } : {}),
  };
}

/** Hours of one row as typed, with the same arithmetic the server stores. */
function RowHours({ row }: { row: TRowForm | undefined }) {
  const { t } = useI18n();
  const hours = teacherHoursPerYear({ minutesPerRespondent: row?.minutesPerRespondent ?? 0, respondents: row?.respondents ?? 0, timesPerYear: row?.timesPerYear ?? 0 });
  return (
    <Typography.Text type="secondary">
      {t('item.teacherHours')}
      {t('common.colon')}
      {hours.toLocaleString('zh-CN', { maximumFractionDigits: 1 })}
    </Typography.Text>
  );
}

/** 录入: several past items of the baseline year at once, each with an optional decision. */
export function BaselineAddModal({ year, onClose }: { year: number; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const add = useAddBaseline();
  const [form] = Form.useForm<{ entries: TRowForm[] }>();
  const rows = Form.useWatch('entries', form);

  const submit = (v: { entries: TRowForm[] }) =>
    add.mutate(
      v.entries.map((r) => toInput(year, r)),
      {
        onSuccess: (res) => {
          void message.success(t('baseline.added', { n: res.ids.length }));
          onClose();
        },
        onError: (err) => {
          showError(err);
          // the server's field paths are entries.<i>.<field>: put each message on its field
          if (err instanceof ApiError && err.fields.length) {
            const fields = err.fields.flatMap((f) => {
              const [root, i, name] = f.path.split('.');
              return root === 'entries' && name && /^\d+$/.test(i ?? '') ? [{ name: ['entries', Number(i), name as keyof TRowForm] as ['entries', number, keyof TRowForm], errors: [lang === 'zh' ? f.zh : f.en] }] : [];
            });
            form.setFields(fields);
          }
        },
      },
    );

  return (
    <Modal
      open
      width={880}
      title={t('baseline.addTitle', { year })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={add.isPending}
      okButtonProps={buttonTestId('baseline-add-ok')}
      cancelButtonProps={buttonTestId('baseline-add-cancel')}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form form={form} layout="vertical" initialValues={{ entries: [EMPTY] }} onFinish={submit} data-testid="baseline-add-form">
        <Form.List name="entries">
          {(fields, { add: addRow, remove }) => (
            <>
              {fields.map((field, i) => (
                <Card
                  key={field.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  title={t('baseline.addRow', { n: i + 1 })}
                  extra={
                    fields.length > 1 && (
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('baseline.removeRow')} data-testid={`baseline-add-remove-${i}`} />
                    )
                  }
                >
                  <Row gutter={8}>
                    <Col xs={24} sm={8}>
                      <Form.Item name={[field.name, 'kind']} label={t('baseline.field.kind')} rules={[{ required: true, message: t('common.required') }]}>
                        <Select options={ITEM_KINDS.map((k) => ({ value: k, label: t(`itemKind.${k}`) }))} data-testid={`baseline-add-kind-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={16}>
                      <Form.Item name={[field.name, 'title']} label={t('baseline.field.title')} rules={[{ required: true, whitespace: true, min: 2, max: 200, message: t('common.required') }]}>
                        <Input maxLength={200} data-testid={`baseline-add-title-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={8}>
                      <Form.Item name={[field.name, 'issuerName']} label={t('baseline.field.issuerName')} rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('common.required') }]}>
                        <Input maxLength={100} data-testid={`baseline-add-issuer-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={8} sm={5}>
                      <Form.Item name={[field.name, 'minutesPerRespondent']} label={t('baseline.field.minutesPerRespondent')} rules={[{ required: true, message: t('common.required') }]}>
                        <InputNumber min={0} max={6000} style={{ width: '100%' }} data-testid={`baseline-add-minutes-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={8} sm={6}>
                      <Form.Item name={[field.name, 'respondents']} label={t('baseline.field.respondents')} rules={[{ required: true, message: t('common.required') }]}>
                        <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} data-testid={`baseline-add-respondents-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={8} sm={5}>
                      <Form.Item name={[field.name, 'timesPerYear']} label={t('baseline.field.timesPerYear')} rules={[{ required: true, message: t('common.required') }]}>
                        <InputNumber min={0} max={365} style={{ width: '100%' }} data-testid={`baseline-add-times-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={8}>
                      <Form.Item name={[field.name, 'decision']} label={t('baseline.col.decision')}>
                        <Select allowClear placeholder={t('baseline.decision.undecided')} options={BASELINE_DECISIONS.map((d) => ({ value: d, label: t(`baseline.decision.${d}`) }))} data-testid={`baseline-add-decision-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={16}>
                      <Form.Item
                        name={[field.name, 'reason']}
                        label={t('baseline.field.reason')}
                        dependencies={[['entries', field.name, 'decision']]}
                        rules={[
                          ({ getFieldValue }) => ({
                            validator: (_r, value: string | undefined) => {
                              const d = getFieldValue(['entries', field.name, 'decision']) as TBaselineDecision | undefined;
                              return d && d !== 'keep' && !value?.trim() ? Promise.reject(new Error(t('action.reasonRequired'))) : Promise.resolve();
                            },
                          }),
                        ]}
                      >
                        <Input maxLength={500} data-testid={`baseline-add-reason-${i}`} />
                      </Form.Item>
                    </Col>
                  </Row>
                  <RowHours row={rows?.[i]} />
                </Card>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => addRow({ ...EMPTY })} data-testid="baseline-add-more">
                {t('baseline.addMore')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
