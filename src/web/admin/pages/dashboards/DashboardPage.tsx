import { ArrowUpOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Select, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { panelTable } from '../../../../domain/dashboards/tables';
import type { TDashboard, TDashboardPanels, TPanelKey } from '../../../../domain/dashboards/types';
import { formatDateTime } from '../../../../domain/i18n';
import { api, download } from '../../api';
import { ErrorAlert } from '../../errors';
import { useI18n } from '../../i18n';
import { useMe } from '../../queries';
import { chartOption } from './chartOptions';
import { Panel } from './Panel';
import { initialPeriod, PeriodSelector } from './PeriodSelector';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** The panels in page order, with their width on a wide screen (of 24). */
const LAYOUT: { key: TPanelKey; span: number }[] = [
  { key: 'itemsByKind', span: 16 },
  { key: 'reduction', span: 8 },
  { key: 'hoursTrend', span: 12 },
  { key: 'secondments', span: 12 },
  { key: 'whitelist', span: 12 },
  { key: 'cases', span: 12 },
  { key: 'collections', span: 12 },
  { key: 'counties', span: 24 },
];

function Figures({ items }: { items: [string, ReactNode][] }) {
  return (
    <Row gutter={16} style={{ marginBottom: 8 }}>
      {items.map(([title, value]) => (
        <Col key={title} flex="1 1 120px">
          <Statistic title={title} value={typeof value === 'number' || typeof value === 'string' ? value : undefined} formatter={typeof value === 'object' ? () => value : undefined} valueStyle={{ fontSize: 20 }} />
        </Col>
      ))}
    </Row>
  );
}

function useFigures(p: TDashboardPanels): Partial<Record<TPanelKey, ReactNode>> {
  const { t } = useI18n();
  const yesNo = (b: boolean) => <Tag color={b ? 'green' : 'red'}>{t(b ? 'common.yes' : 'common.no')}</Tag>;
  return {
    reduction: p.reduction && (
      <Figures
        items={[
          [t('dash.m.baselineCount'), p.reduction.baselineCount],
          [t('dash.m.currentCount'), p.reduction.currentCount],
          [t('dash.m.countReduction'), pct(p.reduction.countReduction)],
          [t('dash.m.meetsTarget'), yesNo(p.reduction.meetsTarget)],
        ]}
      />
    ),
    secondments: p.secondments && (
      <Figures
        items={[
          [t('dash.m.out'), p.secondments.out],
          [t('dash.m.returned'), p.secondments.returned],
          [t('dash.m.stillOut'), p.secondments.stillOut],
          [t('dash.m.overdue'), p.secondments.overdue],
        ]}
      />
    ),
    whitelist: p.whitelist && (
      <Figures
        items={[
          [t('dash.m.schoolYear'), `${p.whitelist.schoolYear}—${p.whitelist.schoolYear + 1}`],
          [t('dash.m.schools'), p.whitelist.schools],
          [t('dash.col.cap'), p.whitelist.cap],
          [t('dash.m.overCap'), p.whitelist.overCap],
        ]}
      />
    ),
    cases: p.cases && <Figures items={[[t('dash.m.overdueCases'), p.cases.overdue]]} />,
    collections: p.collections && (
      <Figures
        items={[
          [t('dash.m.collections'), p.collections.collections],
          [t('dash.m.cellsPrefilled'), p.collections.cellsPrefilled],
          [t('dash.m.hoursSaved'), p.collections.hoursSaved],
        ]}
      />
    ),
  };
}

function Panels({ d }: { d: TDashboard }) {
  const { t, lang } = useI18n();
  const figures = useFigures(d.panels);
  const p = d.panels;
  return (
    <Row gutter={[16, 16]}>
      {LAYOUT.filter(({ key }) => p[key] !== null).map(({ key, span }) => (
        <Col key={key} xs={24} xl={key === 'itemsByKind' && p.reduction === null ? 24 : span}>
          <Panel
            panelKey={key}
            title={t(`dash.panel.${key}`)}
            option={chartOption(key, p, t)}
            table={panelTable(key, p, lang)}
            figures={figures[key]}
            empty={key === 'reduction' && p.reduction?.countReduction === null ? t('dash.noBaseline') : undefined}
            height={key === 'counties' ? 360 : key === 'reduction' ? 240 : 300}
            onExport={() => download(`/dashboards/${d.org.id}/export.xlsx`, { panel: key, from: d.period.from, to: d.period.to }, `${key}.xlsx`)}
          />
        </Col>
      ))}
    </Row>
  );
}

/**
 * The dashboard of an org for a period: a county bureau (its county), a region above counties
 * (its counties together, side by side) or a school. Without an org in the address it opens the
 * actor's own org. Lazy-loaded: ECharts is not part of the login bundle.
 */
export default function DashboardPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const params = useParams();
  const [choice, setChoice] = useState(initialPeriod);
  const orgId = params.orgId ? Number(params.orgId) : me.data?.user.org.id;
  const q = useQuery({
    queryKey: ['dashboard', orgId, choice.period.from, choice.period.to],
    queryFn: () => api<TDashboard>(`/dashboards/${orgId}`, { query: { from: choice.period.from, to: choice.period.to } }),
    enabled: !!orgId,
    placeholderData: keepPreviousData,
  });
  const d = q.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="dashboard">
      <Card size="small">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space direction="vertical" size={0}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="dash-title">
              {d ? t('dash.title', { name: d.org.name }) : t('nav.dashboards')} {d && <Tag color="blue">{t(`dash.level.${d.org.level}`)}</Tag>}
            </Typography.Title>
            {d && (
              <Typography.Text type="secondary">
                {t('dash.regionOf', { name: d.region.name })} · {t('dash.generatedAt', { at: formatDateTime(d.generatedAt, lang) })}
              </Typography.Text>
            )}
          </Space>
          <Space wrap>
            {d?.drill.parent && (
              <Button icon={<ArrowUpOutlined />} data-testid="dash-up" onClick={() => void navigate(`/dashboards/${d.drill.parent!.id}`)}>
                {t('dash.up')}（{d.drill.parent.name}）
              </Button>
            )}
            {!!d?.drill.children.length && (
              <Select
                showSearch
                optionFilterProp="label"
                style={{ minWidth: 220 }}
                placeholder={t('dash.drillPlaceholder')}
                aria-label={t('dash.drill')}
                data-testid="dash-drill"
                value={null}
                options={d.drill.children.map((c) => ({ value: c.id, label: c.name }))}
                onChange={(id: number) => void navigate(`/dashboards/${id}`)}
              />
            )}
            <PeriodSelector value={choice} onChange={setChoice} />
          </Space>
        </Space>
      </Card>
      {q.isError ? <ErrorAlert error={q.error} testId="dash-error" /> : !d ? <Spin /> : <Spin spinning={q.isFetching}><Panels d={d} /></Spin>}
    </Space>
  );
}
