import { Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import type { TLabelKey } from '../../../../domain/i18n';
import type { TItemKind } from '../../../../domain/register/kinds';
import { useI18n } from '../../i18n';
import { DETAIL_FIELDS, detailLabel, type TDetailField } from './detailFields';

/** The kind-specific sub-form: the fields of `DETAIL_FIELDS[kind]`, named `details.<field>`. */
export function DetailsFields({ kind }: { kind: TItemKind }) {
  const fields = DETAIL_FIELDS[kind];
  return (
    <Row gutter={16} data-testid="item-form-details" data-kind={kind}>
      {fields.map((f) => (
        <Col key={`${kind}-${f.name}`} xs={24} md={f.type === 'textarea' || f.type === 'tags' ? 24 : 12}>
          <DetailField field={f} />
        </Col>
      ))}
    </Row>
  );
}

function DetailField({ field: f }: { field: TDetailField }) {
  const { t } = useI18n();
  const name = ['details', f.name];
  const testId = `detail-${f.name}`;
  const rules = f.required && f.type !== 'bool' ? [{ required: true, message: t('common.required') }] : [];
  const label = t(detailLabel(f.name));
  switch (f.type) {
    case 'bool':
      return (
        <Form.Item name={name} label={label} valuePropName="checked">
          <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} data-testid={testId} />
        </Form.Item>
      );
    case 'int':
    case 'number':
    case 'percent':
      return (
        <Form.Item name={name} label={label} rules={rules}>
          <InputNumber
            style={{ width: '100%' }}
            min={f.min}
            max={f.max}
            precision={f.type === 'int' ? 0 : undefined}
            step={f.type === 'number' ? 0.5 : 1}
            suffix={f.type === 'percent' ? '%' : f.unit ? t(f.unit) : undefined}
            data-testid={testId}
          />
        </Form.Item>
      );
    case 'text':
      return (
        <Form.Item name={name} label={label} rules={f.required ? [{ required: true, whitespace: true, message: t('common.required') }] : []}>
          <Input maxLength={f.maxLength} data-testid={testId} />
        </Form.Item>
      );
    case 'textarea':
      return (
        <Form.Item name={name} label={label} rules={rules}>
          <Input.TextArea autoSize={{ minRows: f.name === 'text' ? 6 : 2, maxRows: 16 }} maxLength={f.maxLength} showCount={f.name !== 'text'} data-testid={testId} />
        </Form.Item>
      );
    case 'date':
      return (
        <Form.Item name={name} label={label} rules={rules}>
          <DatePicker style={{ width: '100%' }} data-testid={testId} />
        </Form.Item>
      );
    case 'tags':
      return (
        <Form.Item name={name} label={label} rules={rules} extra={t('detail.participantsHint')}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '\uFF0C', '\u3001']} data-testid={testId} />
        </Form.Item>
      );
    case 'select':
      return (
        <Form.Item name={name} label={label} rules={rules}>
          <Select options={(f.options ?? []).map((o) => ({ value: o, label: t(`${f.optionPrefix ?? ''}${o}` as TLabelKey) }))} data-testid={testId} />
        </Form.Item>
      );
  }
}
