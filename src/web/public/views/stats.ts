/**
 * `/stats`: public complaint statistics, no personal data — monthly counts by category as a small
 * inline SVG stacked bar chart (no chart library on the public site), the share closed on time
 * and the median days to close.
 */
import type { TLabelKey } from '../../../domain/i18n';
import { CATEGORIES, fetchStats, type TCategory, type TStats } from '../complaints';
import { el, mount } from '../dom';
import { t, tf } from '../i18n';

const COLORS: Record<TCategory, string> = {
  unapproved_inspection: '#1d4e89',
  social_affair: '#2f6db5',
  forced_app: '#c0392b',
  trace_evidence: '#e67e22',
  repeated_forms: '#8e44ad',
  secondment: '#16a085',
  unrelated_training: '#27ae60',
  homework_overload: '#d35400',
  school_hours: '#7f8c8d',
  fees: '#b7950b',
  enterprise_arrears: '#5d6d7e',
  unlisted_fee: '#a04000',
  other: '#aab7b8',
};

const SVG_NS = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElement {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const c of children) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

const countOf = (m: TStats['months'][number], c: TCategory) => m.counts[c] ?? 0;
const totalOf = (m: TStats['months'][number]) => m.total ?? CATEGORIES.reduce((s, c) => s + countOf(m, c), 0);

/** Bars per month, stacked by category; a title on each segment for the exact figure. */
function chart(stats: TStats): Node {
  const months = stats.months;
  const W = 340;
  const H = 200;
  const pad = { l: 28, r: 6, t: 10, b: 24 };
  const max = Math.max(1, ...months.map(totalOf));
  const step = (W - pad.l - pad.r) / Math.max(1, months.length);
  const bar = Math.min(28, step * 0.7);
  const y = (v: number) => H - pad.b - (v / max) * (H - pad.t - pad.b);
  const parts: SVGElement[] = [];
  for (const tick of [0, Math.ceil(max / 2), max]) {
    parts.push(svg('line', { x1: pad.l, x2: W - pad.r, y1: y(tick), y2: y(tick), stroke: '#e4e7ec' }));
    parts.push(svg('text', { x: pad.l - 4, y: y(tick) + 4, 'text-anchor': 'end', class: 'axis' }, String(tick)));
  }
  months.forEach((m, i) => {
    const x = pad.l + i * step + (step - bar) / 2;
    let acc = 0;
    for (const c of CATEGORIES) {
      const n = countOf(m, c);
      if (!n) continue;
      parts.push(svg('rect', { x, y: y(acc + n), width: bar, height: y(acc) - y(acc + n), fill: COLORS[c] }, svg('title', {}, `${m.month} ${t(`caseCategory.${c}` as TLabelKey)}: ${n}`)));
      acc += n;
    }
    parts.push(svg('text', { x: x + bar / 2, y: H - 8, 'text-anchor': 'middle', class: 'axis' }, m.month.slice(5) || m.month));
  });
  const used = CATEGORIES.filter((c) => months.some((m) => countOf(m, c) > 0));
  return el(
    'figure',
    { class: 'card chart', 'data-testid': 'stats-chart' },
    el('figcaption', null, t('public.stats.monthly')),
    svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': t('public.stats.monthly'), width: '100%' }, ...parts),
    el(
      'ul',
      { class: 'legend' },
      used.map((c) => el('li', null, el('span', { class: 'swatch', style: `background:${COLORS[c]}` }), t(`caseCategory.${c}` as TLabelKey))),
    ),
  );
}

function table(stats: TStats): Node {
  const used = CATEGORIES.filter((c) => stats.months.some((m) => countOf(m, c) > 0));
  return el(
    'details',
    { class: 'card' },
    el('summary', null, t('public.stats.table')),
    el(
      'div',
      { class: 'table-wrap' },
      el(
        'table',
        { class: 'ptable small', 'data-testid': 'stats-table' },
        el('thead', null, el('tr', null, el('th', null, t('public.stats.month')), used.map((c) => el('th', null, t(`caseCategory.${c}` as TLabelKey))), el('th', null, t('public.stats.total')))),
        el('tbody', null, stats.months.map((m) => el('tr', null, el('td', null, m.month), used.map((c) => el('td', null, countOf(m, c))), el('td', null, totalOf(m))))),
      ),
    ),
  );
}

function figures(stats: TStats): Node {
  const share = stats.onTimeShare === null ? t('common.none') : `${Math.round(stats.onTimeShare * 1000) / 10}%`;
  const median = stats.medianDays === null ? t('common.none') : tf('public.stats.days', { n: Math.round(stats.medianDays * 10) / 10 });
  const total = stats.months.reduce((s, m) => s + totalOf(m), 0);
  const fig = (name: string, value: string, testId: string) => el('div', { class: 'card figure' }, el('strong', { 'data-testid': testId }, value), el('span', { class: 'muted' }, name));
  return el(
    'div',
    { class: 'figures' },
    fig(t('public.stats.received'), String(total), 'stats-total'),
    fig(t('public.stats.onTime'), share, 'stats-on-time'),
    fig(t('public.stats.median'), median, 'stats-median'),
  );
}

export function renderStats(): Node {
  document.title = `${t('public.stats.title')} · ${t('app.name')}`;
  const body = el('div', { 'aria-live': 'polite' }, el('p', { class: 'muted' }, t('public.loading')));
  fetchStats().then(
    ({ status, body: s }) => {
      if (status !== 200 || !s) return mount(body, el('p', { class: 'error', role: 'alert' }, t('public.loadFailed')));
      mount(body, figures(s), s.months.length ? [chart(s), table(s)] : el('p', { class: 'muted' }, t('public.stats.empty')));
    },
    () => mount(body, el('p', { class: 'error', role: 'alert' }, t('public.loadFailed'))),
  );
  return el('div', null, el('section', { class: 'hero' }, el('h1', null, t('public.stats.title')), el('p', null, t('public.stats.intro'))), body);
}
