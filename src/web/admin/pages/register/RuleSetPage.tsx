import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../errors';
import { useI18n } from '../../i18n';
import { useCan } from '../../queries';
import { yearOptions } from './ItemsPage';
import { useRuleSet } from './queries';
import { RULE_KEYS, ruleLabel, RuleValue, type TRuleDescriptor } from './ruleKeys';
import { RuleSetEditModal } from './RuleSetEditModal';
import type { TRuleKey } from './types';

/** 规则设置: every value in force, what the level above sets and this region's own edits. */
export function RuleSetPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [editing, setEditing] = useState(false);
  const [looser, setLooser] = useState<TRuleKey[]>([]);
  const rs = useRuleSet(year);
  const manage = can('register.manage');

  const columns: TableColumnsType<TRuleDescriptor> = [
    { key: 'key', title: t('ruleset.key'), render: (_v, d) => t(ruleLabel(d.key)), width: 260 },
    { key: 'inherited', title: t('ruleset.inherited'), render: (_v, d) => rs.data && <RuleValue d={d} value={rs.data.inherited[d.key]} t={t} /> },
    { key: 'own', title: t('ruleset.own'), render: (_v, d) => rs.data && <RuleValue d={d} value={rs.data.own[d.key]} t={t} /> },
    {
      key: 'effective',
      title: t('ruleset.effective'),
      render: (_v, d) =>
        rs.data && (
          <Typography.Text strong>
            <RuleValue d={d} value={rs.data.values[d.key]} t={t} />
          </Typography.Text>
        ),
    },
  ];

  return (
    <Card
      title={t('nav.rulesets')}
      extra={
        <Space wrap>
          <Select
            value={year}
            onChange={(y: number) => {
              setYear(y);
              setLooser([]);
            }}
            options={yearOptions().map((y) => ({ value: y, label: t('common.year', { year: y }) }))}
            style={{ width: 120 }}
            data-testid="ruleset-year"
          />
          {manage && (
            <Button type="primary" icon={<EditOutlined />} disabled={!rs.isSuccess} onClick={() => setEditing(true)} data-testid="ruleset-edit">
              {t('ruleset.edit')}
            </Button>
          )}
        </Space>
      }
    >
      {rs.isError && <ErrorAlert error={rs.error} />}
      {!manage && <Alert type="info" showIcon title={t('ruleset.readOnly')} style={{ marginBottom: 12 }} />}
      {looser.length > 0 && (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setLooser([]) }}
          style={{ marginBottom: 12 }}
          data-testid="ruleset-looser"
          title={t('ruleset.looser', { keys: looser.map((k) => t(ruleLabel(k))).join(t('register.listSeparator')) })}
        />
      )}
      {rs.data && (
        <Descriptions
          size="small"
          style={{ marginBottom: 12 }}
          items={[{ key: 'prefix', label: t('ruleset.admissionPrefix'), children: <Typography.Text strong data-testid="ruleset-prefix-value">{rs.data.admissionPrefix}</Typography.Text> }]}
        />
      )}
      <Table<TRuleDescriptor>
        rowKey="key"
        size="middle"
        data-testid="ruleset-table"
        loading={rs.isPending}
        columns={columns}
        dataSource={[...RULE_KEYS]}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(d) => ({ 'data-testid': `ruleset-row-${d.key}` }) as React.HTMLAttributes<HTMLElement>}
      />
      {editing && rs.data && (
        <RuleSetEditModal
          data={rs.data}
          onClose={(saved) => {
            setEditing(false);
            if (saved) {
              setLooser(saved.looser ?? []);
              void message.success(t('ruleset.saved'));
            }
          }}
        />
      )}
    </Card>
  );
}
