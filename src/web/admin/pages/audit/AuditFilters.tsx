import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Col, DatePicker, Form, Input, Row, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { LABELS } from '../../../../domain/i18n';
import { useI18n, useLabelOr } from '../../i18n';

export interface TAuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  objectType?: string;
}

interface TForm {
  range?: [Dayjs | null, Dayjs | null] | null;
  actor?: string;
  action?: string;
  objectType?: string;
}

/** Known codes come from the label table, so a module that adds labels adds options too. */
const codesOf = (prefix: string) =>
  Object.keys(LABELS)
    .filter((k) => k.startsWith(prefix))
    .map((k) => k.slice(prefix.length));

const clean = (s?: string) => (s?.trim() ? s.trim() : undefined);

export function AuditFilters({ onChange }: { onChange: (f: TAuditFilter) => void }) {
  const { t } = useI18n();
  const labelOr = useLabelOr();
  const [form] = Form.useForm<TForm>();
  const option = (prefix: string) => (code: string) => ({ value: code, label: `${labelOr(prefix + code, code)} (${code})` });
  const filterOption = (input: string, o?: { value: string; label: string }) => !!o && o.label.toLowerCase().includes(input.toLowerCase());

  return (
    <Form<TForm>
      form={form}
      data-testid="audit-filters"
      onFinish={(v) =>
        onChange({
          from: v.range?.[0]?.format('YYYY-MM-DD'),
          to: v.range?.[1]?.format('YYYY-MM-DD'),
          actor: clean(v.actor),
          action: clean(v.action),
          objectType: clean(v.objectType),
        })
      }
    >
      <Row gutter={[8, 0]}>
        <Col xs={24} md={12} xl={7}>
          <Form.Item name="range">
            <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[true, true]} data-testid="af-range" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item name="actor">
            <Input allowClear placeholder={t('audit.actorPlaceholder')} autoCapitalize="off" data-testid="af-actor" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={5}>
          <Form.Item name="action">
            <AutoComplete allowClear placeholder={t('audit.action')} options={codesOf('auditAction.').map(option('auditAction.'))} showSearch={{ filterOption }} data-testid="af-action" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item name="objectType">
            <AutoComplete allowClear placeholder={t('audit.objectType')} options={codesOf('objectType.').map(option('objectType.'))} showSearch={{ filterOption }} data-testid="af-objectType" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="af-search">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                onChange({});
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Col>
      </Row>
    </Form>
  );
}
