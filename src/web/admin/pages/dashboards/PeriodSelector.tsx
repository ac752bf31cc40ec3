import { DatePicker, Segmented, Space } from 'antd';
import dayjs from 'dayjs';
import { presetPeriod, PERIOD_PRESETS, type TPeriod, type TPeriodPreset } from '../../../../domain/dashboards/types';
import { chinaToday } from '../../../../domain/time';
import { useI18n } from '../../i18n';

export interface TPeriodChoice {
  preset: TPeriodPreset;
  period: TPeriod;
}

export function initialPeriod(): TPeriodChoice {
  return { preset: 'thisYear', period: presetPeriod('thisYear', chinaToday()) };
}

/** This year / last year / this school year / a custom range of days. */
export function PeriodSelector({ value, onChange }: { value: TPeriodChoice; onChange: (v: TPeriodChoice) => void }) {
  const { t } = useI18n();
  return (
    <Space wrap data-testid="dash-period">
      <Segmented<TPeriodPreset>
        value={value.preset}
        onChange={(preset) => onChange({ preset, period: preset === 'custom' ? value.period : presetPeriod(preset, chinaToday()) })}
        options={PERIOD_PRESETS.map((p) => ({ value: p, label: t(`dash.period.${p}`) }))}
      />
      {value.preset === 'custom' && (
        <DatePicker.RangePicker
          data-testid="dash-range"
          allowClear={false}
          value={[dayjs(value.period.from), dayjs(value.period.to)]}
          onChange={(range) => {
            const [a, b] = range ?? [];
            if (a && b) onChange({ preset: 'custom', period: { from: a.format('YYYY-MM-DD'), to: b.format('YYYY-MM-DD') } });
          }}
        />
      )}
    </Space>
  );
}
