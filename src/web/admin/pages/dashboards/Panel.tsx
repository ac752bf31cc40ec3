import { DownloadOutlined, FileImageOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Empty, Segmented, Space, Table, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import type { TCell, TPanelTable } from '../../../../domain/dashboards/tables';
import type { TPanelKey } from '../../../../domain/dashboards/types';
import { EChart, type TChartOption, type TEChartHandle } from '../../charts/EChart';
import { useShowError } from '../../errors';
import { useI18n } from '../../i18n';

function formatCell(v: TCell, type: TPanelTable['columns'][number]['type']): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  switch (type) {
    case 'percent':
      return `${(v * 100).toFixed(1)}%`;
    case 'hours':
      return v.toLocaleString('zh-CN', { maximumFractionDigits: 1 });
    case 'int':
      return v.toLocaleString('zh-CN');
    case 'text':
    case 'month':
      return String(v);
  }
}

function savePng(dataUrl: string, name: string) {
  const a = document.createElement('a');
  a.href = dataUrl;
  a.download = `${name}.png`;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/**
 * One dashboard panel: its chart (or its figures), a chart/table toggle whose table is the
 * panel's export, an Excel export of that table, and a PNG of the chart as drawn.
 */
export function Panel(props: { panelKey: TPanelKey; title: string; option: TChartOption | null; table: TPanelTable | null; figures?: ReactNode; empty?: string; height?: number; onExport: () => Promise<void> }) {
  const { t } = useI18n();
  const showError = useShowError();
  const [view, setView] = useState<'chart' | 'table'>(props.option ? 'chart' : 'table');
  const chart = useRef<TEChartHandle>(null);
  const exportXlsx = useMutation({ mutationFn: props.onExport, onError: showError });
  const k = props.panelKey;
  const columns: TableColumnsType<Record<string, TCell>> = (props.table?.columns ?? []).map((c) => ({
    key: c.key,
    dataIndex: c.key,
    title: t(c.label),
    align: c.type === 'text' || c.type === 'month' ? 'left' : 'right',
    render: (v: TCell) => formatCell(v, c.type),
  }));
  return (
    <Card
      title={props.title}
      size="small"
      data-testid={`dash-panel-${k}`}
      extra={
        <Space size={4} wrap>
          {props.option && (
            <Segmented<'chart' | 'table'>
              size="small"
              data-testid={`dash-toggle-${k}`}
              value={view}
              onChange={setView}
              options={[
                { value: 'chart', label: t('dash.chartView') },
                { value: 'table', label: t('dash.tableView') },
              ]}
            />
          )}
          {props.table && (
            <Tooltip title={t('dash.exportXlsx')}>
              <Button size="small" icon={<DownloadOutlined />} loading={exportXlsx.isPending} onClick={() => exportXlsx.mutate()} data-testid={`dash-export-${k}`} aria-label={t('dash.exportXlsx')} />
            </Tooltip>
          )}
          {props.option && view === 'chart' && (
            <Tooltip title={t('dash.exportPng')}>
              <Button
                size="small"
                icon={<FileImageOutlined />}
                data-testid={`dash-png-${k}`}
                aria-label={t('dash.exportPng')}
                onClick={() => {
                  const url = chart.current?.toPng();
                  if (url) savePng(url, props.title);
                }}
              />
            </Tooltip>
          )}
        </Space>
      }
    >
      {props.figures}
      {props.empty ? (
        <Empty description={props.empty} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : !props.option && props.figures ? null : view === 'chart' && props.option ? (
        <EChart ref={chart} option={props.option} height={props.height ?? 300} ariaLabel={t('dash.chartAria', { title: props.title })} testId={`dash-chart-${k}`} />
      ) : (
        <Table<Record<string, TCell>>
          size="small"
          data-testid={`dash-table-${k}`}
          rowKey={(_r, i) => String(i)}
          columns={columns}
          dataSource={props.table?.rows ?? []}
          pagination={(props.table?.rows.length ?? 0) > 15 ? { pageSize: 15, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
        />
      )}
    </Card>
  );
}
