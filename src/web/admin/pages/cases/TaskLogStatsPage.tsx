import { Alert, Card, DatePicker, Progress, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ErrorAlert } from '../../errors';
import { useI18n } from '../../i18n';
import { useTasklogStats } from './queries';
import type { TTasklogStatRow } from './types';

const round1 = (n: number) => Math.round(n * 10) / 10;

/** `/tasklog/stats` (office): demands teachers logged, counted and summed per issuer — never which teacher. */
export function TaskLogStatsPage() {
  const { t, lang } = useI18n();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const query = range ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : {};
  const stats = useTasklogStats(query);
  const other = stats.data?.other ?? null;
  // issuers reported by fewer than minReporters teachers are folded into one row, so that no teacher can be singled out
  const rows: TTasklogStatRow[] = [...(stats.data?.items ?? []), ...(other ? [{ issuer: other.label[lang], count: other.count, minutes: other.minutes, unregistered: other.unregistered, folded: true }] : [])];
  const maxMinutes = Math.max(1, ...rows.map((r) => r.minutes));
  const columns: TableColumnsType<TTasklogStatRow> = [
    { key: 'issuer', title: t('tasklogUi.issuer'), dataIndex: 'issuer', render: (v: string) => <span style={{ overflowWrap: 'anywhere' }}>{v}</span> },
    { key: 'count', title: t('tasklogUi.count'), dataIndex: 'count', align: 'right', sorter: (a, b) => a.count - b.count },
    {
      key: 'hours',
      title: t('tasklogUi.hours'),
      dataIndex: 'minutes',
      sorter: (a, b) => a.minutes - b.minutes,
      defaultSortOrder: 'descend',
      render: (m: number) => (
        <Space style={{ minWidth: 220 }}>
          <Progress percent={Math.round((m / maxMinutes) * 100)} showInfo={false} size="small" style={{ width: 140, margin: 0 }} />
          <span>
            {round1(m / 60)} {t('unit.hours')}
          </span>
        </Space>
      ),
    },
    { key: 'unregistered', title: t('tasklogUi.unregistered'), dataIndex: 'unregistered', align: 'right', render: (v?: number) => v ?? t('common.none') },
  ];
  const totalCount = stats.data?.total.count ?? rows.reduce((s, r) => s + r.count, 0);
  const totalHours = round1((stats.data?.total.minutes ?? rows.reduce((s, r) => s + r.minutes, 0)) / 60);
  return (
    <Card
      title={t('nav.tasklogStats')}
      extra={<DatePicker.RangePicker value={range} onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)} allowClear data-testid="tasklog-stats-range" />}
      data-testid="tasklog-stats"
    >
      <Alert type="info" showIcon title={t('tasklogUi.statsPrivacy')} description={t('tasklogUi.minReporters', { n: stats.data?.minReporters ?? 3 })} style={{ marginBottom: 12 }} />
      {stats.isError ? (
        <ErrorAlert error={stats.error} />
      ) : (
        <Table<TTasklogStatRow>
          rowKey="issuer"
          size="middle"
          data-testid="tasklog-stats-table"
          loading={stats.isFetching}
          columns={columns}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          pagination={false}
          footer={() => (
            <Typography.Text strong data-testid="tasklog-stats-total">
              {t('tasklogUi.totals', { count: totalCount, hours: totalHours })}
            </Typography.Text>
          )}
        />
      )}
    </Card>
  );
}
