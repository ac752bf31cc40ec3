import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Grid, Row, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ITEM_KINDS, type TItemKind } from '../../../../domain/register/kinds';
import { ErrorAlert } from '../../errors';
import { ExportButton } from '../../exports/ExportButton';
import { useI18n } from '../../i18n';
import { useCan } from '../../queries';
import { BaselineAddModal } from './BaselineAddModal';
import { BaselineEntries } from './BaselineEntries';
import { BaselineImportButtons, ImportRowErrors } from './BaselineImport';
import { useBaseline } from './baselineQueries';
import { BaselineReport } from './BaselineReport';
import { BASELINE_DECISION_FILTERS, type TBaselineDecisionFilter, type TImportRowError } from './baselineTypes';

/** Years a baseline may be taken from (five back) and compared with (one ahead, four back). */
function years(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_v, i) => to - i);
}

/**
 * 全面登记: the office's inventory of past demands on schools (entered or imported from Excel),
 * each marked keep / merge / cancel with a reason, and the reduction against it per kind next to
 * the target (≥ 50% for inspections, assessments, evaluations and supervisions together).
 */
export function BaselinePage() {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const can = useCan();
  const canManage = can('register.manage');
  const thisYear = new Date().getFullYear();
  const [baselineYear, setBaselineYear] = useState(thisYear - 1);
  const [year, setYear] = useState(thisYear);
  const [kind, setKind] = useState<TItemKind | undefined>();
  const [decision, setDecision] = useState<TBaselineDecisionFilter | undefined>();
  const [adding, setAdding] = useState(false);
  const [rowErrors, setRowErrors] = useState<TImportRowError[] | null>(null);
  const data = useBaseline(baselineYear, year);

  const entries = useMemo(
    () => (data.data?.entries ?? []).filter((e) => (!kind || e.kind === kind) && (!decision || (e.decision ?? 'undecided') === decision)),
    [data.data, kind, decision],
  );
  const d = data.data?.decisions;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="baseline-page">
      <Card title={t('nav.baseline')}>
        <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
          <Col xs={12} sm={12} lg={6}>
            <Select
              style={{ width: '100%' }}
              value={baselineYear}
              onChange={(y: number) => {
                setBaselineYear(y);
                setRowErrors(null);
              }}
              options={years(thisYear - 5, thisYear).map((y) => ({ value: y, label: t('common.year', { year: y }) }))}
              aria-label={t('baseline.baselineYear')}
              prefix={t('baseline.baselineYear')}
              data-testid="baseline-year"
            />
          </Col>
          <Col xs={12} sm={12} lg={6}>
            <Select
              style={{ width: '100%' }}
              value={year}
              onChange={setYear}
              options={years(thisYear - 4, thisYear + 1).map((y) => ({ value: y, label: t('common.year', { year: y }) }))}
              aria-label={t('baseline.year')}
              prefix={t('baseline.year')}
              data-testid="baseline-compare-year"
            />
          </Col>
          <Col xs={12} sm={12} lg={6}>
            <Select
              style={{ width: '100%' }}
              allowClear
              placeholder={t('baseline.filter.kind')}
              options={ITEM_KINDS.map((k) => ({ value: k, label: t(`itemKind.${k}`) }))}
              value={kind}
              onChange={(k?: TItemKind) => setKind(k)}
              data-testid="baseline-filter-kind"
            />
          </Col>
          <Col xs={12} sm={12} lg={6}>
            <Select
              style={{ width: '100%' }}
              allowClear
              placeholder={t('baseline.filter.decision')}
              options={BASELINE_DECISION_FILTERS.map((x) => ({ value: x, label: t(`baseline.decision.${x}`) }))}
              value={decision}
              onChange={(x?: TBaselineDecisionFilter) => setDecision(x)}
              data-testid="baseline-filter-decision"
            />
          </Col>
          <Col xs={24}>
            <Space wrap>
              <ExportButton path="/baseline/export.xlsx" query={{ baselineYear, year, kind, decision }} fallbackName="baseline.xlsx" testId="baseline-export" />
              {canManage && <BaselineImportButtons year={baselineYear} onRowErrors={setRowErrors} />}
              {canManage && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="baseline-add">
                  {t('baseline.add')}
                </Button>
              )}
            </Space>
          </Col>
        </Row>
        {rowErrors && <ImportRowErrors rows={rowErrors} onClose={() => setRowErrors(null)} />}
        {data.isError && <ErrorAlert error={data.error} testId="baseline-error" />}
        {data.isSuccess && data.data.entries.length === 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('baseline.empty', { year: baselineYear })} data-testid="baseline-empty" />}
        {d && data.data && data.data.entries.length > 0 && (
          <Typography.Paragraph type="secondary" data-testid="baseline-decisions">
            {t('baseline.total', { year: baselineYear, n: data.data.entries.length })}
            {t('common.colon')}
            {t('baseline.decisions', d)}
          </Typography.Paragraph>
        )}
        {!data.isError && <BaselineEntries entries={entries} loading={data.isFetching} narrow={!screens.sm} canManage={canManage} />}
      </Card>
      {data.data && <BaselineReport data={data.data} />}
      {adding && <BaselineAddModal year={baselineYear} onClose={() => setAdding(false)} />}
    </Space>
  );
}
