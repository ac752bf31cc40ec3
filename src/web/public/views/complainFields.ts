/**
 * The parts of the complaint form that talk to the server or hold files: the category picker,
 * the searchable target organisation, the admission code checked as it is typed, the image
 * picker with thumbnails. Each returns its element and a way to read its value.
 */
import { CASE_LIMITS } from '../../../domain/cases/limits';
import type { TLabelKey } from '../../../domain/i18n';
import { callJson } from '../api';
import { CATEGORIES, type TCategory, type TPublicOrg } from '../complaints';
import { el, mount } from '../dom';
import { checkImage, MAX_IMAGE_BYTES, MAX_IMAGES, type TImageType } from '../images';
import { t, tf } from '../i18n';

function debounce(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

/** 13 categories as a grid of radio chips (one tap each on a phone). */
export function categoryPicker(initial?: TCategory): { node: HTMLElement; value: () => TCategory | null } {
  const chips = CATEGORIES.map((c) =>
    el(
      'label',
      { class: 'chip' },
      el('input', { type: 'radio', name: 'category', value: c, checked: c === initial, 'data-testid': `complain-category-${c}` }),
      el('span', null, t(`caseCategory.${c}` as TLabelKey)),
    ),
  );
  const node = el('fieldset', { class: 'chips', 'data-testid': 'complain-category' }, el('legend', null, t('public.complain.category')), chips);
  return {
    node,
    value: () => (node.querySelector<HTMLInputElement>('input[name=category]:checked')?.value as TCategory | undefined) ?? null,
  };
}

/** Type part of a name, pick from the organisations the server finds (schools, bureaus, departments). */
export function orgSearch(): { node: HTMLElement; value: () => TPublicOrg | null } {
  let picked: TPublicOrg | null = null;
  let seq = 0;
  const input = el('input', { id: 'complain-org', class: 'input', type: 'search', maxlength: CASE_LIMITS.orgSearch, autocomplete: 'off', placeholder: t('public.complain.orgHint'), 'data-testid': 'complain-org-search' });
  const results = el('ul', { class: 'picks', role: 'listbox', 'aria-live': 'polite', 'data-testid': 'complain-org-results' });
  const chosen = el('p', { class: 'picked', 'data-testid': 'complain-org-picked' });
  const show = () => {
    chosen.hidden = !picked;
    input.hidden = !!picked;
    if (picked) {
      mount(
        chosen,
        el('strong', null, picked.name),
        ' ',
        el('button', { type: 'button', class: 'linkish', 'data-testid': 'complain-org-change', onclick: () => {
              picked = null;
              show();
              input.focus();
            },
          }, t('public.complain.orgChange')),
      );
      mount(results);
    }
  };
  const search = debounce(() => {
    const q = input.value.trim();
    const mine = ++seq;
    if (!q) return mount(results);
    callJson<TPublicOrg[] | { items: TPublicOrg[] }>(`/orgs?q=${encodeURIComponent(q)}`).then(
      ({ status, body }) => {
        if (mine !== seq) return;
        const list = status === 200 && body ? (Array.isArray(body) ? body : body.items) : [];
        if (!list.length) return mount(results, el('li', { class: 'muted' }, t('public.complain.orgNone')));
        mount(
          results,
          list.slice(0, 8).map((o) =>
            el(
              'li',
              null,
              el('button', { type: 'button', role: 'option', 'data-testid': 'complain-org-option', 'data-org-id': o.id, onclick: () => {
                    picked = o;
                    show();
                  },
                }, o.name, o.parentName ? el('span', { class: 'muted' }, ` · ${o.parentName}`) : null),
            ),
          ),
        );
      },
      () => mine === seq && mount(results, el('li', { class: 'error' }, t('public.loadFailed'))),
    );
  }, 250);
  input.addEventListener('input', search);
  show();
  return { node: el('div', null, el('label', { for: 'complain-org' }, t('public.complain.org')), input, chosen, results), value: () => picked };
}

type TCodeStatus = 'valid' | 'not_yet_valid' | 'expired' | 'revoked' | 'unknown';

/**
 * The optional admission code, checked against /public/verify as it is typed (in its canonical
 * form) and sent as typed: the server keeps a code it does not know exactly as the reporter wrote it.
 */
export function codeField(initial: string): { node: HTMLElement; value: () => string } {
  let seq = 0;
  const input = el('input', { id: 'complain-code', class: 'input', maxlength: CASE_LIMITS.code, autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', value: initial, 'data-testid': 'complain-code' });
  const status = el('p', { class: 'code-status', 'aria-live': 'polite', 'data-testid': 'complain-code-status' });
  const check = () => {
    const code = input.value.replace(/\s+/g, '').toUpperCase();
    const mine = ++seq;
    status.removeAttribute('data-status');
    if (!code) return mount(status);
    mount(status, el('span', { class: 'muted' }, t('public.complain.codeChecking')));
    callJson<{ status: TCodeStatus; title?: string }>(`/verify/${encodeURIComponent(code)}`).then(
      ({ status: http, body }) => {
        if (mine !== seq) return;
        const s: TCodeStatus | null = http === 404 ? 'unknown' : http === 200 && body ? body.status : null;
        if (!s) return mount(status, el('span', { class: 'muted' }, t('verify.failed')));
        status.setAttribute('data-status', s);
        mount(status, el('strong', { class: `code-${s}` }, t(`verify.status.${s}`)), ' ', body?.title ?? '', s === 'unknown' ? el('span', { class: 'muted' }, ` ${t('public.complain.codeUnknown')}`) : null);
      },
      () => mine === seq && mount(status, el('span', { class: 'muted' }, t('verify.failed'))),
    );
  };
  input.addEventListener('input', debounce(check, 400));
  if (initial) check();
  return {
    node: el('div', null, el('label', { for: 'complain-code' }, t('public.complain.code')), el('p', { class: 'hint' }, t('public.complain.codeHint')), input, status),
    value: () => input.value.trim(),
  };
}

export interface TPickedImage {
  file: File;
  type: TImageType;
}

/** Up to 5 images (jpg/png/webp, ≤ 5 MB each) checked by their content; thumbnails with a remove button. */
export function imagePicker(): { node: HTMLElement; value: () => TPickedImage[] } {
  const picked: { image: TPickedImage; url: string }[] = [];
  const input = el('input', { id: 'complain-images', class: 'file', type: 'file', accept: 'image/jpeg,image/png,image/webp', multiple: true, 'data-testid': 'complain-images' });
  const thumbs = el('ul', { class: 'thumbs', 'data-testid': 'complain-thumbs' });
  const error = el('p', { class: 'error', role: 'alert', 'data-testid': 'complain-images-error' });
  const redraw = () => {
    mount(
      thumbs,
      picked.map((p, i) =>
        el(
          'li',
          { 'data-testid': 'complain-thumb' },
          el('img', { src: p.url, alt: p.image.file.name, width: 72, height: 72 }),
          el(
            'button',
            {
              type: 'button',
              class: 'remove',
              'aria-label': t('public.complain.imageRemove'),
              'data-testid': 'complain-thumb-remove',
              onclick: () => {
                URL.revokeObjectURL(p.url);
                picked.splice(i, 1);
                redraw();
              },
            },
            '×',
          ),
        ),
      ),
    );
    input.disabled = picked.length >= MAX_IMAGES;
  };
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    error.textContent = '';
    void (async () => {
      const problems: string[] = [];
      for (const file of files) {
        if (picked.length >= MAX_IMAGES) {
          problems.push(tf('public.complain.imageTooMany', { n: MAX_IMAGES }));
          break;
        }
        const c = await checkImage(file);
        if (c.ok) picked.push({ image: { file, type: c.type }, url: URL.createObjectURL(file) });
        else problems.push(tf(c.reason === 'size' ? 'public.complain.imageTooBig' : 'public.complain.imageBadType', { name: file.name, mb: MAX_IMAGE_BYTES / 1024 / 1024 }));
      }
      error.textContent = problems.join(' ');
      redraw();
    })();
  });
  return {
    node: el(
      'div',
      null,
      el('label', { for: 'complain-images' }, t('public.complain.images')),
      el('p', { class: 'hint' }, tf('public.complain.imagesHint', { n: MAX_IMAGES, mb: MAX_IMAGE_BYTES / 1024 / 1024 })),
      input,
      thumbs,
      error,
    ),
    value: () => picked.map((p) => p.image),
  };
}
