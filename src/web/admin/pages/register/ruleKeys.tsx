import { Space, Tag, Typography } from 'antd';
import type { TLabelKey } from '../../../../domain/i18n';
import type { TEvaluationMethod } from '../../../../domain/register/kinds';
import type { TI18n } from '../../i18n';
import type { TRuleKey } from './types';

export type TRuleValueKind = 'int' | 'number' | 'bool' | 'ratio' | 'methods';

export interface TRuleDescriptor {
  key: TRuleKey;
  kind: TRuleValueKind;
  unit?: TLabelKey;
  min?: number;
  max?: number;
}

/** Every rule-set value in the order the office reads them, with its unit and bounds (ZRuleSetValues). */
export const RULE_KEYS: readonly TRuleDescriptor[] = [
  { key: 'announceDaysMin', kind: 'int', unit: 'unit.days', min: 0, max: 365 },
  { key: 'socialAffairMaxPerSchoolYear', kind: 'int', unit: 'unit.items', min: 0, max: 100 },
  { key: 'comprehensiveSupervisionMaxPerSchoolYear', kind: 'int', unit: 'unit.times', min: 0, max: 12 },
  { key: 'bannedEvaluationMethods', kind: 'methods' },
  { key: 'appTaskRequiresNationalRule', kind: 'bool' },
  { key: 'whitelistMaxTotal', kind: 'int', unit: 'unit.items', min: 0, max: 100 },
  { key: 'whitelistMaxNewPerYear', kind: 'int', unit: 'unit.items', min: 0, max: 100 },
  { key: 'dataCollectionRequiresApproval', kind: 'bool' },
  { key: 'dataCollectionOverlapThreshold', kind: 'ratio', min: 0, max: 100 },
  { key: 'reductionTarget', kind: 'ratio', min: 0, max: 100 },
  { key: 'complaintReplyWorkingDays', kind: 'int', unit: 'unit.workingDays', min: 1, max: 90 },
  { key: 'secondsPerCell', kind: 'number', unit: 'unit.seconds', min: 1, max: 600 },
  { key: 'similarityThreshold', kind: 'ratio', min: 1, max: 100 },
];

export const ruleLabel = (key: TRuleKey) => `ruleSet.${key}` as TLabelKey;

/** 0.6 → 60 (the form edits ratios as percentages). */
export const toPercent = (v: number) => Math.round(v * 1000) / 10;
export const fromPercent = (v: number) => Math.round(v * 10) / 1000;

/** A value with its unit: `30 天`, `60%`, `是`, the banned methods as red tags. */
export function RuleValue({ d, value, t }: { d: TRuleDescriptor; value: unknown; t: TI18n['t'] }) {
  if (value === undefined || value === null) return <Typography.Text type="secondary">{t('ruleset.inherit')}</Typography.Text>;
  switch (d.kind) {
    case 'bool':
      return <span>{value ? t('common.yes') : t('common.no')}</span>;
    case 'ratio':
      return <span>{toPercent(Number(value))}%</span>;
    case 'methods':
      return (
        <Space size={[4, 4]} wrap style={{ maxWidth: 340 }}>
          {(value as TEvaluationMethod[]).map((m) => (
            <Tag key={m} color="red">
              {t(`evaluationMethod.${m}`)}
            </Tag>
          ))}
        </Space>
      );
    case 'int':
    case 'number':
      return (
        <span>
          {String(value)} {d.unit ? t(d.unit) : ''}
        </span>
      );
  }
}
