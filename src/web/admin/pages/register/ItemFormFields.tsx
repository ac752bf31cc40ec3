import { Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import { ITEM_KINDS, URGENCIES } from '../../../../domain/register/kinds';
import { useI18n } from '../../i18n';

/** Title, kind (switches the details sub-form), legal basis. */
export function BasicFields({ onKindChange }: { onKindChange: () => void }) {
  const { t } = useI18n();
  const required = { required: true, message: t('common.required') };
  return (
    <Row gutter={16}>
      <Col xs={24} md={16}>
        <Form.Item name="title" label={t('item.title')} rules={[{ ...required, whitespace: true }, { min: 2, max: 200 }]}>
          <Input maxLength={200} showCount data-testid="item-form-title" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="kind" label={t('item.kind')} rules={[required]}>
          <Select
            options={ITEM_KINDS.map((k) => ({ value: k, label: t(`itemKind.${k}`) }))}
            onChange={onKindChange}
            data-testid="item-form-kind"
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="legalBasis" label={t('item.legalBasis')} extra={t('item.legalBasisHint')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} data-testid="item-form-legal-basis" />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** Window, announcement date, annual plan or 一事一报 (with reason and urgency). */
export function TimingFields() {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const planned = Form.useWatch('planned', form) as boolean | undefined;
  const required = { required: true, message: t('common.required') };
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="window" label={t('item.window')} rules={[required]}>
          <DatePicker.RangePicker style={{ width: '100%' }} data-testid="item-form-window" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="announcedAt" label={t('item.announcedAt')} rules={[required]}>
          <DatePicker style={{ width: '100%' }} data-testid="item-form-announced" />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="planned" label={t('item.planned')} rules={[required]}>
          <Radio.Group
            optionType="button"
            options={[
              { value: true, label: t('item.plannedYes') },
              { value: false, label: t('item.adhoc') },
            ]}
            data-testid="item-form-planned"
          />
        </Form.Item>
      </Col>
      {planned === false && (
        <>
          <Col xs={24} md={16}>
            <Form.Item name={['adhoc', 'reason']} label={t('item.adhocReason')} rules={[{ ...required, whitespace: true }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="item-form-adhoc-reason" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['adhoc', 'urgency']} label={t('item.urgency')} rules={[required]}>
              <Radio.Group options={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))} data-testid="item-form-urgency" />
            </Form.Item>
          </Col>
        </>
      )}
    </Row>
  );
}
