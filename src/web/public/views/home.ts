import { getJson } from '../api';
import { el, mount } from '../dom';
import { t } from '../i18n';
import { splitMailbox, telHref } from '../../shared/contact';

interface TRegion {
  code: string;
  name: string;
  hotline: string | null;
  mailbox: string | null;
}

/** Fetched once per page load; a language switch re-renders from it. */
let regions: Promise<TRegion[]> | undefined;

function mailbox(text: string): Node {
  const { before, email, after } = splitMailbox(text);
  return el('span', null, before, email && el('a', { href: `mailto:${email}` }, email), after);
}

function renderRegion(r: TRegion): Node {
  const row = (name: string, value: Node) => el('div', { class: 'row' }, el('dt', null, name), el('dd', null, value));
  const none = () => el('span', { class: 'muted' }, t('public.notPublished'));
  return el(
    'li',
    { class: 'card region', 'data-testid': 'region' },
    el('h3', null, r.name),
    el(
      'dl',
      null,
      row(t('public.hotline'), r.hotline ? el('a', { class: 'tel', href: telHref(r.hotline) }, r.hotline) : none()),
      row(t('public.mailbox'), r.mailbox ? mailbox(r.mailbox) : none()),
    ),
  );
}

export function renderHome(): Node {
  document.title = `${t('public.title')} · ${t('app.name')}`;
  const list = el('div', { class: 'regions', 'aria-live': 'polite' }, el('p', { class: 'muted' }, t('public.loading')));
  regions ??= getJson<TRegion[]>('/regions');
  regions.then(
    (items) => mount(list, items.length ? el('ul', { class: 'list' }, items.map(renderRegion)) : el('p', { class: 'muted' }, t('public.noRegions'))),
    () => {
      regions = undefined;
      mount(list, el('p', { class: 'error', role: 'alert' }, t('public.loadFailed')));
    },
  );
  return el(
    'div',
    null,
    el(
      'section',
      { class: 'hero' },
      el('h1', null, t('public.title')),
      el('p', null, t('public.intro')),
    ),
    el(
      'nav',
      { class: 'links' },
      el('a', { class: 'card link', href: '/v', 'data-link': true, 'data-testid': 'home-verify' }, el('strong', null, t('public.verify.link')), el('span', { class: 'muted' }, t('public.verify.enterHint'))),
      el('a', { class: 'card link', href: '/list', 'data-link': true, 'data-testid': 'home-list' }, el('strong', null, t('public.list.link')), el('span', { class: 'muted' }, t('public.list.intro'))),
      el('a', { class: 'card link', href: '/complain', 'data-link': true, 'data-testid': 'home-complain' }, el('strong', null, t('public.complain.link')), el('span', { class: 'muted' }, t('public.complain.linkHint'))),
      el('a', { class: 'card link', href: '/track', 'data-link': true, 'data-testid': 'home-track' }, el('strong', null, t('public.track.link')), el('span', { class: 'muted' }, t('public.track.intro'))),
      el('a', { class: 'card link', href: '/stats', 'data-link': true, 'data-testid': 'home-stats' }, el('strong', null, t('public.stats.link')), el('span', { class: 'muted' }, t('public.stats.intro'))),
    ),
    el('section', null, el('h2', null, t('public.regions')), list),
    el('p', { class: 'center' }, el('a', { class: 'button ghost', href: '/admin/login', 'data-testid': 'staff-login' }, t('public.staffLogin'))),
  );
}
