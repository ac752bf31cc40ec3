/**
 * `/track`: follow a complaint with its tracking number and key (typed, or `/track?no=..&key=..`
 * from the confirmation) — its status, the steps taken and the reply. A wrong key and an unknown
 * number look the same (404).
 */
import { formatDate, formatDateTime, type TLabelKey } from '../../../domain/i18n';
import { errorMessage } from '../api';
import { trackComplaint, type TTracked } from '../complaints';
import { el, mount } from '../dom';
import { lang, t } from '../i18n';

/** A label that may not exist yet (a status or event added later): the raw value then. */
function labelOr(key: string, fallback: string): string {
  const text = t(key as TLabelKey);
  return text === key ? fallback : text;
}

function renderTracked(c: TTracked): HTMLElement {
  const events = [...c.events].sort((a, b) => a.at.localeCompare(b.at));
  return el(
    'div',
    { 'data-testid': 'track-result' },
    el(
      'section',
      { class: `status status-case status-case-${c.status}`, role: 'status', 'data-testid': 'track-status', 'data-status': c.status },
      el('div', null, el('p', null, t('public.track.statusLabel')), el('h1', null, labelOr(`caseStatus.${c.status}`, c.status))),
    ),
    c.dueOn ? el('p', { class: 'muted' }, `${t('public.track.due')}${t('common.colon')}${formatDate(c.dueOn, lang())}`) : null,
    el(
      'section',
      { class: 'card reply', 'data-testid': 'track-reply' },
      el('h2', null, t('public.track.reply')),
      c.reply
        ? [c.repliedAt ? el('p', { class: 'muted' }, formatDateTime(c.repliedAt, lang())) : null, el('p', { class: 'pre', 'data-testid': 'track-reply-text' }, c.reply)]
        : el('p', { class: 'muted' }, t('public.track.noReply')),
    ),
    el('h2', null, t('public.track.events')),
    el(
      'ol',
      { class: 'timeline', 'data-testid': 'track-events' },
      events.map((e) =>
        el(
          'li',
          { 'data-testid': 'track-event', 'data-action': e.type },
          el('time', { datetime: e.at }, formatDateTime(e.at, lang())),
          el('strong', null, e.label ? e.label[lang()] : labelOr(`caseEvent.${e.type}`, e.type)),
        ),
      ),
    ),
  );
}

export function renderTrack(): Node {
  document.title = `${t('public.track.title')} · ${t('app.name')}`;
  const params = new URLSearchParams(location.search);
  const no = el('input', { id: 'track-no', class: 'input', maxlength: 40, autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', value: params.get('no') ?? '', 'data-testid': 'track-no' });
  const key = el('input', { id: 'track-key', class: 'input', maxlength: 64, autocomplete: 'off', spellcheck: 'false', value: params.get('key') ?? '', 'data-testid': 'track-key' });
  const result = el('div', { 'aria-live': 'polite' });
  const go = el('button', { class: 'button', type: 'submit', 'data-testid': 'track-go' }, t('public.track.go'));

  const load = () => {
    const n = no.value.trim().toUpperCase();
    const k = key.value.trim();
    if (!n || !k) return mount(result, el('p', { class: 'error', role: 'alert' }, t('public.track.needBoth')));
    history.replaceState(null, '', `/track?no=${encodeURIComponent(n)}&key=${encodeURIComponent(k)}`);
    go.disabled = true;
    mount(result, el('p', { class: 'muted' }, t('public.loading')));
    const show = (node: Node) => {
      go.disabled = false;
      mount(result, node);
    };
    trackComplaint(n, k).then(
      ({ status, body }) => {
        if (status === 200 && body) return show(renderTracked(body));
        if (status === 404) return show(el('p', { class: 'error', role: 'alert', 'data-testid': 'track-not-found' }, t('public.track.notFound')));
        show(el('p', { class: 'error', role: 'alert' }, errorMessage(body, lang()) ?? t('public.loadFailed')));
      },
      () => show(el('p', { class: 'error', role: 'alert' }, t('public.loadFailed'))),
    );
  };

  const form = el(
    'form',
    {
      class: 'card stack',
      'data-testid': 'track-form',
      onsubmit: (ev: Event) => {
        ev.preventDefault();
        load();
      },
    },
    el('label', { for: 'track-no' }, t('public.track.no')),
    no,
    el('label', { for: 'track-key' }, t('public.track.key')),
    key,
    go,
  );
  if (no.value && key.value) load();
  return el(
    'div',
    null,
    el('section', { class: 'hero' }, el('h1', null, t('public.track.title')), el('p', null, t('public.track.intro'))),
    form,
    result,
    el('p', { class: 'center' }, el('a', { href: '/complain', 'data-link': true }, t('public.complain.link'))),
  );
}
