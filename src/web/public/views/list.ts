/**
 * `/list`: the published list (清单/白名单) of a region and year — a table on wide screens,
 * cards on phones (CSS), the Excel download, and a check link for each entry.
 */
import { formatDate, type TLabelKey } from '../../../domain/i18n';
import { callJson, getJson } from '../api';
import { el, mount } from '../dom';
import { lang, t, tf } from '../i18n';

interface TRegion {
  code: string;
  name: string;
}

interface TListItem {
  code: string;
  admissionNo: string;
  kind: string;
  title: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  frequencyCap: number | null;
}

let regions: Promise<TRegion[]> | undefined;

/** A county first (codes not ending in 00), else the first region. */
function defaultRegion(list: TRegion[]): string {
  return (list.find((r) => !r.code.endsWith('00')) ?? list[0])?.code ?? '';
}

function renderTable(items: TListItem[]): Node {
  if (!items.length) return el('p', { class: 'muted', 'data-testid': 'list-empty' }, t('public.list.empty'));
  const head = ['item.admissionNo', 'item.kind', 'item.title', 'item.issuer', 'item.validity', 'item.frequencyCap', 'public.verify.code'] as const;
  const grow: readonly string[] = ['item.kind', 'item.title', 'item.issuer'];
  const cell = (key: (typeof head)[number], child: Node | string) => el('td', { 'data-label': t(key), class: grow.includes(key) ? 'grow' : null }, child);
  const rows = items.map((i) =>
    el(
      'tr',
      { 'data-testid': 'list-row' },
      cell('item.admissionNo', el('strong', { class: 'nowrap' }, i.admissionNo)),
      cell('item.kind', t(`itemKind.${i.kind}` as TLabelKey)),
      cell('item.title', i.title),
      cell('item.issuer', i.issuer),
      cell('item.validity', tf('common.range', { from: formatDate(i.validFrom, lang()), to: formatDate(i.validTo, lang()) })),
      cell('item.frequencyCap', i.frequencyCap === null ? t('item.capUnlimited') : `${i.frequencyCap} ${t('unit.capPerSchool')}`),
      cell('public.verify.code', el('a', { href: `/v/${encodeURIComponent(i.code)}`, 'data-link': true }, i.code)),
    ),
  );
  const table = el(
    'table',
    { class: 'ptable', 'data-testid': 'list-table' },
    el('thead', null, el('tr', null, head.map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', null, rows),
  );
  return el('div', null, el('p', { class: 'muted' }, tf('public.list.count', { n: items.length })), el('div', { class: 'table-wrap' }, table));
}

export function renderList(): Node {
  document.title = `${t('public.list.title')} · ${t('app.name')}`;
  const params = new URLSearchParams(location.search);
  const thisYear = new Date().getFullYear();
  const state = { region: params.get('region') ?? '', year: Number(params.get('year')) || thisYear };

  const regionSelect = el('select', { id: 'list-region', class: 'input', 'data-testid': 'list-region' });
  const yearSelect = el(
    'select',
    { id: 'list-year', class: 'input', 'data-testid': 'list-year' },
    [thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => el('option', { value: y, selected: y === state.year }, tf('common.year', { year: y }))),
  );
  const download = el('a', { class: 'button ghost', 'data-testid': 'list-download', download: true }, t('public.list.download'));
  const results = el('div', { 'aria-live': 'polite' }, el('p', { class: 'muted' }, t('public.loading')));

  const load = () => {
    const qs = `region=${encodeURIComponent(state.region)}&year=${state.year}`;
    history.replaceState(null, '', `/list?${qs}`);
    download.setAttribute('href', `/api/v1/public/list.xlsx?${qs}`);
    mount(results, el('p', { class: 'muted' }, t('public.loading')));
    callJson<{ items: TListItem[] }>(`/list?${qs}`).then(
      ({ status, body }) => mount(results, status === 200 && body ? renderTable(body.items) : el('p', { class: 'error', role: 'alert' }, t('public.loadFailed'))),
      () => mount(results, el('p', { class: 'error', role: 'alert' }, t('public.loadFailed'))),
    );
  };
  regionSelect.addEventListener('change', () => {
    state.region = regionSelect.value;
    load();
  });
  yearSelect.addEventListener('change', () => {
    state.year = Number(yearSelect.value);
    load();
  });

  regions ??= getJson<TRegion[]>('/regions');
  regions.then(
    (list) => {
      if (!list.some((r) => r.code === state.region)) state.region = defaultRegion(list);
      mount(regionSelect, list.map((r) => el('option', { value: r.code, selected: r.code === state.region }, r.name)));
      load();
    },
    () => {
      regions = undefined;
      mount(results, el('p', { class: 'error', role: 'alert' }, t('public.loadFailed')));
    },
  );

  return el(
    'div',
    null,
    el('section', { class: 'hero' }, el('h1', null, t('public.list.title')), el('p', null, t('public.list.intro'))),
    el(
      'div',
      { class: 'card controls' },
      el('label', null, t('public.list.region'), regionSelect),
      el('label', null, t('public.list.year'), yearSelect),
      download,
    ),
    results,
  );
}
