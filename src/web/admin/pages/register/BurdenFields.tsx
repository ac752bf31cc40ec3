import { Checkbox, Col, Form, InputNumber, Row, Statistic, Tag, Typography } from 'antd';
import { teacherHoursPerYear } from '../../../../domain/register/burden';
import { EVALUATION_METHODS, type TEvaluationMethod } from '../../../../domain/register/kinds';
import { useI18n } from '../../i18n';

/** Evaluation methods; those the rule set bans are marked 禁止 in red (still choosable: the rule check explains). */
export function EvaluationFields({ banned }: { banned: readonly TEvaluationMethod[] }) {
  const { t } = useI18n();
  return (
    <Form.Item name="evaluationMethods" extra={t('item.bannedHint')}>
      <Checkbox.Group style={{ width: '100%' }} data-testid="item-form-methods">
        <Row gutter={[8, 4]} style={{ width: '100%' }}>
          {EVALUATION_METHODS.map((m) => {
            const isBanned = banned.includes(m);
            return (
              <Col key={m} xs={24} sm={12} lg={8}>
                <Checkbox value={m} data-testid={`method-${m}`} data-banned={isBanned || undefined}>
                  <span style={isBanned ? { color: '#cf1322' } : undefined}>{t(`evaluationMethod.${m}`)}</span>
                  {isBanned && (
                    <Tag color="red" style={{ marginInlineStart: 6 }}>
                      {t('item.banned')}
                    </Tag>
                  )}
                </Checkbox>
              </Col>
            );
          })}
        </Row>
      </Checkbox.Group>
    </Form.Item>
  );
}

/** Burden estimate with the teacher-hours computed live, and the frequency cap. */
export function BurdenFields() {
  const { t, lang } = useI18n();
  const form = Form.useFormInstance();
  const burden = (Form.useWatch('burden', form) ?? {}) as { minutesPerRespondent?: number | null; respondents?: number | null; timesPerYear?: number | null };
  const b = { minutesPerRespondent: burden.minutesPerRespondent ?? 0, respondents: burden.respondents ?? 0, timesPerYear: burden.timesPerYear ?? 0 };
  const hours = teacherHoursPerYear(b);
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Row gutter={16}>
      <Col xs={24} sm={8} lg={6}>
        <Form.Item name={['burden', 'minutesPerRespondent']} label={t('item.minutesPerRespondent')} rules={required}>
          <InputNumber style={{ width: '100%' }} min={0} max={6000} suffix={t('unit.minutes')} data-testid="item-form-minutes" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8} lg={6}>
        <Form.Item name={['burden', 'respondents']} label={t('item.respondents')} rules={required} extra={t('item.respondentsHint')}>
          <InputNumber style={{ width: '100%' }} min={0} max={10_000_000} precision={0} suffix={t('unit.people')} data-testid="item-form-respondents" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8} lg={6}>
        <Form.Item name={['burden', 'timesPerYear']} label={t('item.timesPerYear')} rules={required}>
          <InputNumber style={{ width: '100%' }} min={0} max={365} suffix={t('unit.timesPerYear')} data-testid="item-form-times" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <div style={{ marginBottom: 24, padding: '4px 12px', background: '#f5f8fc', borderRadius: 6 }} data-testid="item-form-hours" data-hours={hours}>
          <Statistic title={t('item.teacherHours')} value={hours} precision={1} styles={{ content: { color: '#1d4e89' } }} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('item.teacherHoursFormula', { m: b.minutesPerRespondent, r: b.respondents.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en'), t: b.timesPerYear })}
          </Typography.Text>
        </div>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Form.Item name="frequencyCap" label={t('item.frequencyCap')}>
          <InputNumber style={{ width: '100%' }} min={1} max={365} precision={0} placeholder={t('item.capUnlimited')} suffix={t('unit.capPerSchool')} data-testid="item-form-cap" />
        </Form.Item>
      </Col>
    </Row>
  );
}
