import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Switch, Typography } from 'antd';
import { EVALUATION_METHODS } from '../../../../domain/register/kinds';
import { api, errorText } from '../../api';
import { applyFieldErrors } from '../../errors';
import { useI18n } from '../../i18n';
import { buttonTestId } from '../../testId';
import { fromPercent, RULE_KEYS, ruleLabel, toPercent, type TRuleDescriptor } from './ruleKeys';
import type { TRuleKey, TRuleSetResponse } from './types';

interface TForm {
  admissionPrefix?: string;
  override: Partial<Record<TRuleKey, boolean>>;
  values: Partial<Record<TRuleKey, unknown>>;
}

function toForm(r: TRuleSetResponse): TForm {
  const values: TForm['values'] = {};
  const override: TForm['override'] = {};
  for (const d of RULE_KEYS) {
    const own = r.own[d.key];
    override[d.key] = own !== undefined;
    const v = own ?? r.values[d.key];
    values[d.key] = d.kind === 'ratio' ? toPercent(v as number) : v;
  }
  return { admissionPrefix: r.admissionPrefix, override, values };
}

/** This region's edits: only the values ticked “set here” are sent; the others follow the level above. */
export function RuleSetEditModal({ data, onClose }: { data: TRuleSetResponse; onClose: (saved?: TRuleSetResponse) => void }) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<TForm>();
  const override = (Form.useWatch('override', form) ?? {}) as TForm['override'];
  const save = useMutation({
    mutationFn: (v: TForm) => {
      const values: Record<string, unknown> = {};
      for (const d of RULE_KEYS) {
        if (!v.override[d.key]) continue;
        const raw = v.values[d.key];
        values[d.key] = d.kind === 'ratio' ? fromPercent(Number(raw)) : d.kind === 'bool' ? raw === true : raw;
      }
      const prefix = v.admissionPrefix?.trim();
      return api<TRuleSetResponse>(`/rulesets/${data.year}`, { method: 'PUT', body: { values, ...(prefix ? { admissionPrefix: prefix } : {}) } });
    },
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['rulesets'] });
      onClose(saved);
    },
    onError: (err) => applyFieldErrors(form, err, lang, ['admissionPrefix']),
  });

  return (
    <Modal
      open
      width={760}
      title={`${t('ruleset.edit')} · ${t('common.year', { year: data.year })}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      confirmLoading={save.isPending}
      okButtonProps={buttonTestId('ruleset-save')}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {save.error && <Alert type="error" showIcon title={errorText(save.error, lang)} style={{ marginBottom: 12 }} />}
      <Form<TForm> form={form} layout="vertical" initialValues={toForm(data)} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="admissionPrefix" label={t('ruleset.admissionPrefix')} extra={t('ruleset.admissionPrefixHint')} rules={[{ min: 2, max: 12 }]}>
          <Input maxLength={12} style={{ maxWidth: 240 }} data-testid="ruleset-prefix" />
        </Form.Item>
        {RULE_KEYS.map((d) => (
          <Row key={d.key} gutter={8} align="middle" style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
            <Col xs={24} sm={10}>
              <Typography.Text>{t(ruleLabel(d.key))}</Typography.Text>
            </Col>
            <Col xs={8} sm={5}>
              <Form.Item name={['override', d.key]} valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox data-testid={`ruleset-override-${d.key}`}>{t('ruleset.override')}</Checkbox>
              </Form.Item>
            </Col>
            <Col xs={16} sm={9}>
              <RuleInput d={d} disabled={!override[d.key]} />
            </Col>
          </Row>
        ))}
      </Form>
    </Modal>
  );
}

function RuleInput({ d, disabled }: { d: TRuleDescriptor; disabled: boolean }) {
  const { t } = useI18n();
  const name = ['values', d.key];
  const style = { marginBottom: 8 };
  switch (d.kind) {
    case 'bool':
      return (
        <Form.Item name={name} valuePropName="checked" style={style}>
          <Switch disabled={disabled} checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
        </Form.Item>
      );
    case 'methods':
      return (
        <Form.Item name={name} style={style}>
          <Checkbox.Group disabled={disabled} options={EVALUATION_METHODS.map((m) => ({ value: m, label: t(`evaluationMethod.${m}`) }))} />
        </Form.Item>
      );
    case 'ratio':
    case 'int':
    case 'number':
      return (
        <Form.Item name={name} style={style} rules={[{ required: !disabled, message: t('common.required') }]}>
          <InputNumber
            disabled={disabled}
            min={d.min}
            max={d.max}
            precision={d.kind === 'int' ? 0 : undefined}
            suffix={d.kind === 'ratio' ? '%' : d.unit ? t(d.unit) : undefined}
            style={{ width: '100%' }}
            data-testid={`ruleset-value-${d.key}`}
          />
        </Form.Item>
      );
  }
}
