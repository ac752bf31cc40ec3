/**
 * `/v/<code>`: the page a teacher opens by scanning the QR code of an admission notice in
 * WeChat — a big status banner first, then what, who, where, until when, and "report this".
 * `/v`: type a code by hand. Kept tiny: no framework, one request.
 */
import { formatDate, type TLabelKey } from '../../../domain/i18n';
import { callJson, errorMessage } from '../api';
import { el, mount, type TChild } from '../dom';
import { lang, t, tf } from '../i18n';
import { go } from '../router';
import { renderReport } from './report';

type TStatus = 'valid' | 'not_yet_valid' | 'expired' | 'revoked' | 'unknown';

interface TVerify {
  status: TStatus;
  admissionNo?: string;
  kind?: string;
  title?: string;
  issuer?: string;
  validFrom?: string;
  validTo?: string;
  schools?: string[];
}

type TAnswer = { ok: true; v: TVerify } | { ok: false; status: 'rate_limited' | 'error'; body: unknown };

const ICON: Record<TStatus | 'rate_limited' | 'error', string> = { valid: '✓', not_yet_valid: '◷', expired: '⌛', revoked: '✕', unknown: '?', rate_limited: '!', error: '!' };
const SCHOOLS_SHOWN = 6;

/** One request per code and page load: a language switch re-renders from it. */
const answers = new Map<string, Promise<TAnswer>>();

function fetchAnswer(code: string): Promise<TAnswer> {
  let p = answers.get(code);
  if (!p) {
    p = callJson<TVerify>(`/verify/${encodeURIComponent(code)}`).then(
      ({ status, body }): TAnswer => {
        if (status === 200 && body) return { ok: true, v: body };
        if (status === 404) return { ok: true, v: { status: 'unknown' } };
        return { ok: false, status: status === 429 ? 'rate_limited' : 'error', body };
      },
      (): TAnswer => ({ ok: false, status: 'error', body: null }),
    );
    answers.set(code, p);
    // a failure may be retried by reloading or switching language
    void p.then((a) => !a.ok && answers.delete(code));
  }
  return p;
}

function banner(status: TStatus | 'rate_limited' | 'error', title: string, text: string): HTMLElement {
  return el(
    'section',
    { class: `status status-${status}`, 'data-testid': 'verify-status', 'data-status': status, role: 'status' },
    el('span', { class: 'status-icon', 'aria-hidden': 'true' }, ICON[status]),
    el('div', null, el('h1', null, title), el('p', null, text)),
  );
}

function row(name: string, value: TChild | TChild[], testId?: string): HTMLElement {
  return el('div', { class: 'row' }, el('dt', null, name), el('dd', { 'data-testid': testId }, value));
}

function schoolList(schools: string[]): TChild {
  if (schools.length === 0) return t('common.none');
  const sep = t('register.listSeparator');
  if (schools.length <= SCHOOLS_SHOWN) return schools.join(sep);
  return el(
    'details',
    null,
    el('summary', null, schools.slice(0, SCHOOLS_SHOWN).join(sep), ' ', el('span', { class: 'more' }, tf('public.verify.moreSchools', { n: schools.length }))),
    el('p', null, schools.join(sep)),
  );
}

function facts(code: string, v: TVerify): HTMLElement {
  const what = [v.kind ? el('span', { class: 'tag' }, t(`itemKind.${v.kind}` as TLabelKey)) : null, v.title ?? ''];
  const range = tf('common.range', { from: formatDate(v.validFrom, lang()), to: formatDate(v.validTo, lang()) });
  return el(
    'dl',
    { class: 'card facts' },
    v.status === 'unknown'
      ? row(t('public.verify.code'), el('code', null, code))
      : [
          row(t('public.verify.what'), what, 'verify-what'),
          row(t('public.verify.issuer'), v.issuer ?? t('common.none')),
          row(t('public.verify.schools'), schoolList(v.schools ?? [])),
          row(t('public.verify.window'), range, 'verify-window'),
          row(t('public.verify.admissionNo'), el('strong', { class: 'nowrap' }, v.admissionNo ?? t('common.none')), 'verify-admission-no'),
          row(t('public.verify.code'), el('code', null, code)),
        ],
  );
}

function renderAnswer(code: string, a: TAnswer): Node[] {
  const another = el('p', { class: 'center' }, el('a', { href: '/v', 'data-link': true }, t('public.verify.another')));
  if (!a.ok) {
    const msg = (a.status === 'rate_limited' && errorMessage(a.body, lang())) || t('verify.failed');
    return [banner(a.status, t('public.verify.title'), msg), another];
  }
  const s = a.v.status;
  return [banner(s, t(`verify.status.${s}`), t(`verify.text.${s}`)), facts(code, a.v), renderReport(code), another];
}

/** `/v` (no code): a box to type one. */
function renderEnter(): Node {
  const input = el('input', {
    id: 'verify-code',
    class: 'input big',
    name: 'code',
    required: true,
    maxlength: 40,
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    enterkeyhint: 'go',
    'data-testid': 'verify-input',
  });
  const form = el(
    'form',
    {
      class: 'card stack',
      onsubmit: (ev: Event) => {
        ev.preventDefault();
        const code = input.value.replace(/\s+/g, '').toUpperCase();
        if (code) go(`/v/${encodeURIComponent(code)}`);
      },
    },
    el('label', { for: 'verify-code' }, t('public.verify.enter')),
    input,
    el('button', { class: 'button', type: 'submit', 'data-testid': 'verify-go' }, t('public.verify.go')),
  );
  return el('div', null, el('section', { class: 'hero' }, el('h1', null, t('public.verify.title')), el('p', null, t('public.verify.enterHint'))), form);
}

export function renderVerify(params: string[]): Node {
  document.title = `${t('public.verify.title')} · ${t('app.name')}`;
  const code = (params[0] ?? '').trim();
  if (!code) return renderEnter();
  const root = el('div', { class: 'verify', 'aria-live': 'polite' }, el('p', { class: 'muted center' }, t('public.loading')));
  void fetchAnswer(code).then((a) => mount(root, renderAnswer(code, a)));
  return root;
}
