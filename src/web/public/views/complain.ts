/**
 * `/complain` (also `/complain?code=<code>` from the check page's "report this"): a public
 * complaint on a phone — category, target organisation, what happened and when, an optional
 * admission code checked as it is typed, up to 5 images, anonymous or named. The browser solves
 * a small challenge, creates the complaint, uploads the images, then shows the tracking number
 * and key to keep.
 */
import { CASE_LIMITS } from '../../../domain/cases/limits';
import { errorMessage } from '../api';
import { CATEGORIES, createComplaint, proveWork, uploadImage, type TCategory, type TComplaintInput, type TCreated } from '../complaints';
import { el, mount } from '../dom';
import { lang, t, tf } from '../i18n';
import { categoryPicker, codeField, imagePicker, orgSearch, type TPickedImage } from './complainFields';

// the server's limits (src/domain/cases/limits.ts): the form never lets through what it refuses
const TEXT_MIN = CASE_LIMITS.complaintText.min;
const TEXT_MAX = CASE_LIMITS.complaintText.max;

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A copy button: to the clipboard, or where the clipboard is closed, the text selected for a long press. */
function copyButton(value: string, label: string, testId: string, select: Node): HTMLElement {
  const button = el('button', { type: 'button', class: 'button ghost small', 'data-testid': testId }, label);
  button.addEventListener('click', () => {
    const done = () => (button.textContent = t('common.copied'));
    const selectText = () => {
      const range = document.createRange();
      range.selectNodeContents(select);
      const sel = window.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
    };
    if (navigator.clipboard) navigator.clipboard.writeText(value).then(done, selectText);
    else selectText();
  });
  return button;
}

function copyable(value: string, testId: string): HTMLElement {
  const text = el('code', { class: 'secret', 'data-testid': testId }, value);
  return el('div', { class: 'copyable' }, text, copyButton(value, t('public.complain.copy'), `${testId}-copy`, text));
}

function renderDone(created: TCreated, failedImages: number): HTMLElement {
  const both = `${t('public.track.no')}${t('common.colon')}${created.trackingNo}\n${t('public.track.key')}${t('common.colon')}${created.key}`;
  const keep = el('dl', { class: 'keep' }, el('dt', null, t('public.track.no')), el('dd', null, copyable(created.trackingNo, 'complain-tracking-no')), el('dt', null, t('public.track.key')), el('dd', null, copyable(created.key, 'complain-key')));
  const trackHref = `/track?no=${encodeURIComponent(created.trackingNo)}&key=${encodeURIComponent(created.key)}`;
  return el(
    'section',
    { class: 'card done', role: 'status', 'data-testid': 'complain-done' },
    el('h1', null, t('public.complain.doneTitle')),
    el('p', null, t('public.complain.doneText')),
    keep,
    el('p', { class: 'warn', 'data-testid': 'complain-keep-note' }, t('public.complain.keepNote')),
    failedImages ? el('p', { class: 'error', role: 'alert', 'data-testid': 'complain-upload-failed' }, tf('public.complain.uploadFailed', { n: failedImages })) : null,
    copyButton(both, t('public.complain.copyBoth'), 'complain-copy-both', keep),
    el('a', { class: 'button wide', href: trackHref, 'data-link': true, 'data-testid': 'complain-track' }, t('public.complain.trackNow')),
  );
}

async function uploadAll(created: TCreated, images: TPickedImage[], progress: (n: number) => void): Promise<number> {
  let failed = 0;
  for (const [i, img] of images.entries()) {
    progress(i + 1);
    const res = await uploadImage(created, img.file, img.type).catch(() => ({ status: 0, body: null }));
    if (res.status !== 201 && res.status !== 200) failed++;
  }
  return failed;
}

export function renderComplain(): Node {
  document.title = `${t('public.complain.title')} · ${t('app.name')}`;
  const params = new URLSearchParams(location.search);
  const initialCategory = CATEGORIES.find((c) => c === params.get('category')) as TCategory | undefined;
  const root = el('div', { class: 'complain' });

  const category = categoryPicker(initialCategory);
  const org = orgSearch();
  const text = el('textarea', { id: 'complain-text', class: 'input', rows: 6, maxlength: TEXT_MAX, placeholder: t('public.complain.textHint'), 'aria-describedby': 'complain-text-count', 'data-testid': 'complain-text' });
  const count = el('p', { id: 'complain-text-count', class: 'hint counter', 'data-testid': 'complain-text-count' }, `0 / ${TEXT_MAX}`);
  text.addEventListener('input', () => (count.textContent = `${text.value.length} / ${TEXT_MAX}`));
  const when = el('input', { id: 'complain-when', class: 'input', type: 'date', max: today(), value: today(), 'data-testid': 'complain-when' });
  const code = codeField((params.get('code') ?? '').trim().toUpperCase());
  const images = imagePicker();
  const anonymous = el('input', { type: 'radio', name: 'identity', value: 'anonymous', checked: true, 'data-testid': 'complain-anonymous' });
  const named = el('input', { type: 'radio', name: 'identity', value: 'named', 'data-testid': 'complain-named' });
  const name = el('input', { id: 'complain-name', class: 'input', maxlength: CASE_LIMITS.reporterName, autocomplete: 'name', 'data-testid': 'complain-name' });
  const phone = el('input', { id: 'complain-phone', class: 'input', type: 'tel', inputmode: 'tel', maxlength: CASE_LIMITS.reporterPhone, autocomplete: 'tel', 'data-testid': 'complain-phone' });
  const namedBox = el('div', { class: 'stack named', hidden: true }, el('label', { for: 'complain-name' }, t('public.complain.name')), name, el('label', { for: 'complain-phone' }, t('public.complain.phone')), phone, el('p', { class: 'hint' }, t('public.complain.namedHint')));
  const toggle = () => (namedBox.hidden = !named.checked);
  anonymous.addEventListener('change', toggle);
  named.addEventListener('change', toggle);
  const error = el('p', { class: 'error', role: 'alert', 'data-testid': 'complain-error' });
  const progress = el('p', { class: 'muted', 'aria-live': 'polite', 'data-testid': 'complain-progress' });
  const submit = el('button', { class: 'button wide', type: 'submit', 'data-testid': 'complain-submit' }, t('public.complain.submit'));

  const fail = (message: string, focus?: HTMLElement | null): null => {
    error.textContent = message;
    focus?.focus();
    submit.disabled = false;
    progress.textContent = '';
    return null;
  };

  /** The form's values, or the first problem to fix. */
  const read = (): TComplaintInput | null => {
    const c = category.value();
    if (!c) return fail(t('public.complain.needCategory'), category.node.querySelector('input'));
    const target = org.value();
    if (!target) return fail(t('public.complain.needOrg'), org.node.querySelector('input'));
    const body = text.value.trim();
    if (body.length < TEXT_MIN) return fail(tf('public.complain.needText', { n: TEXT_MIN }), text);
    if (!when.value) return fail(t('public.complain.needWhen'), when);
    const input: TComplaintInput = { category: c, targetOrgId: target.id, text: body, occurredOn: when.value, anonymous: !named.checked };
    if (code.value()) input.code = code.value();
    if (named.checked) {
      if (!name.value.trim()) return fail(t('public.complain.needName'), name);
      if (!/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/.test(phone.value.replace(/\s+/g, ''))) return fail(t('public.complain.needPhone'), phone);
      input.reporterName = name.value.trim();
      input.reporterPhone = phone.value.replace(/\s+/g, '');
    }
    return input;
  };

  const send = async () => {
    const input = read();
    if (!input) return;
    progress.textContent = t('public.complain.solving');
    const proof = await proveWork();
    if ('status' in proof) return fail(errorMessage(proof.body, lang()) ?? t('public.loadFailed'));
    progress.textContent = t('public.complain.sending');
    const res = await createComplaint(input, proof);
    if (res.status !== 201 || !res.body) return fail(errorMessage(res.body, lang()) ?? t('public.loadFailed'));
    const created = res.body;
    const files = images.value();
    const failed = await uploadAll(created, files, (n) => (progress.textContent = tf('public.complain.uploading', { n, total: files.length })));
    mount(root, renderDone(created, failed));
    window.scrollTo(0, 0);
  };

  const form = el(
    'form',
    {
      class: 'card stack',
      novalidate: true,
      'data-testid': 'complain-form',
      onsubmit: (ev: Event) => {
        ev.preventDefault();
        if (submit.disabled) return;
        submit.disabled = true;
        error.textContent = '';
        send().catch(() => fail(t('public.loadFailed')));
      },
    },
    category.node,
    org.node,
    el('label', { for: 'complain-text' }, t('public.complain.text')),
    text,
    count,
    el('label', { for: 'complain-when' }, t('public.complain.when')),
    when,
    code.node,
    images.node,
    el(
      'fieldset',
      { class: 'identity' },
      el('legend', null, t('public.complain.identity')),
      el('label', { class: 'radio' }, anonymous, t('public.complain.anonymous')),
      el('label', { class: 'radio' }, named, t('public.complain.named')),
    ),
    namedBox,
    error,
    progress,
    submit,
  );
  mount(
    root,
    el('section', { class: 'hero' }, el('h1', null, t('public.complain.title')), el('p', null, t('public.complain.intro'))),
    form,
    el('p', { class: 'center' }, el('a', { href: '/track', 'data-link': true, 'data-testid': 'complain-to-track' }, t('public.track.link'))),
  );
  return root;
}
