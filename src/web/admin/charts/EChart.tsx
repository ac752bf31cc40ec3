/**
 * Our one wrapper around ECharts: only the charts and components the dashboards use are
 * registered (tree-shaken through `echarts/core`), drawn on canvas, in the admin theme. It owns
 * the instance: init on mount, setOption on change, resize with its box, dispose on unmount.
 * The container is an image for assistive technology, labelled by `ariaLabel`; the figures
 * themselves are in each panel's table view.
 */
import { BarChart, FunnelChart, GaugeChart, LineChart } from 'echarts/charts';
import type { BarSeriesOption, FunnelSeriesOption, GaugeSeriesOption, LineSeriesOption } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import type { AriaComponentOption, GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption, ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';

echarts.use([BarChart, LineChart, GaugeChart, FunnelChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, AriaComponent, CanvasRenderer]);

export type TChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GaugeSeriesOption | FunnelSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | MarkLineComponentOption | AriaComponentOption
>;

const THEME = 'jianfu';
/** The admin palette: the antd primary first, then distinguishable, print-safe colours. */
echarts.registerTheme(THEME, {
  color: ['#1d4e89', '#f08a24', '#2f9e44', '#c92a2a', '#6741d9', '#0b7285', '#e8590c', '#5c940d'],
  backgroundColor: '#ffffff',
  textStyle: { fontFamily: '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif' },
});

export interface TEChartHandle {
  /** A PNG data URL of the chart as drawn (white background, 2× pixels). */
  toPng: () => string | null;
}

export function EChart({ option, height = 300, ariaLabel, testId, ref }: { option: TChartOption; height?: number; ariaLabel: string; testId?: string; ref?: Ref<TEChartHandle> }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, THEME, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true, label: { description: ariaLabel } }, ...option }, { notMerge: true });
  }, [option, ariaLabel]);

  useImperativeHandle(ref, () => ({ toPng: () => chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }) ?? null }), []);

  return <div ref={box} role="img" aria-label={ariaLabel} data-testid={testId} className="jf-echart" style={{ width: '100%', height }} />;
}
