import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Radio, Space, TreeSelect, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { REPORT_TYPES, type TReportType } from '../../../../domain/reports/period';
import { download, errorText } from '../../api';
import { ErrorAlert } from '../../errors';
import { useI18n } from '../../i18n';
import { useOrgTree } from '../../queries';
import type { TOrgNode } from '../../types';

/** Which orgs each report can be made for (the server checks the same and answers REPORT_ORG_INVALID). */
const SELECTABLE: Record<TReportType, readonly TOrgNode['kind'][]> = {
  'county-stage': ['region', 'agency'],
  'school-plan': ['school'],
};

interface TTreeOption {
  value: string;
  title: string;
  selectable: boolean;
  children: TTreeOption[];
}

function toOptions(nodes: readonly TOrgNode[], type: TReportType): TTreeOption[] {
  return nodes
    .filter((n) => n.kind !== 'enterprise' && n.kind !== 'section')
    .map((n) => ({ value: String(n.id), title: n.name, selectable: SELECTABLE[type].includes(n.kind), children: toOptions(n.children ?? [], type) }));
}

function firstSelectable(opts: readonly TTreeOption[]): string | undefined {
  for (const o of opts) {
    if (o.selectable) return o.value;
    const inner = firstSelectable(o.children);
    if (inner) return inner;
  }
  return undefined;
}

/** Pick a report, an organisation and a period; the server writes the .docx from live data. */
export function ReportsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const tree = useOrgTree();
  const [type, setType] = useState<TReportType>('county-stage');
  const [org, setOrg] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const options = useMemo(() => toOptions(tree.data ?? [], type), [tree.data, type]);
  const orgId = org ?? firstSelectable(options);
  const run = useMutation({
    mutationFn: () => download(`/reports/${type}.docx`, { org: orgId, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') }, `${type}.docx`),
    onSuccess: () => void message.success(t('reports.downloaded')),
  });
  if (tree.isError) return <ErrorAlert error={tree.error} />;
  return (
    <Card title={t('reports.title')} data-testid="reports-page">
      <Form layout="vertical" style={{ maxWidth: 640 }} onFinish={() => run.mutate()}>
        <Form.Item label={t('reports.type')}>
          <Radio.Group
            value={type}
            onChange={(e) => {
              setType(e.target.value as TReportType);
              setOrg(undefined);
            }}
            data-testid="reports-type"
          >
            <Space orientation="vertical">
              {REPORT_TYPES.map((x) => (
                <Radio key={x} value={x} data-testid={`reports-type-${x}`}>
                  {t(`reports.type.${x}`)}
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t(`reports.type.${x}.hint`)}
                  </Typography.Text>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('reports.org')} required>
          <TreeSelect
            value={orgId}
            onChange={(v: string) => setOrg(v)}
            treeData={options}
            treeDefaultExpandAll
            showSearch
            treeNodeFilterProp="title"
            loading={tree.isPending}
            data-testid="reports-org"
          />
        </Form.Item>
        <Form.Item label={t('reports.period')} required>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(v) => {
              if (v?.[0] && v[1]) setRange([v[0], v[1]]);
            }}
            data-testid="reports-range"
          />
        </Form.Item>
        {run.error && <Alert type="error" showIcon title={errorText(run.error, lang)} style={{ marginBottom: 16 }} data-testid="reports-error" />}
        <Button type="primary" htmlType="submit" icon={<DownloadOutlined />} loading={run.isPending} disabled={!orgId} data-testid="reports-download">
          {t('reports.download')}
        </Button>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          {t('reports.note')}
        </Typography.Paragraph>
      </Form>
    </Card>
  );
}
