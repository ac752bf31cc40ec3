/** "举报 / report this" on the check page: a button that opens a small form → POST /public/leads → thanks. */
import { callJson, errorMessage } from '../api';
import { el, mount } from '../dom';
import { lang, t } from '../i18n';

export function renderReport(code: string): HTMLElement {
  const box = el('section', { class: 'report' });
  const open = () => {
    const text = el('textarea', { id: 'report-text', class: 'input', rows: 4, maxlength: 2000, required: true, placeholder: t('public.verify.reportTextHint'), 'data-testid': 'verify-report-text' });
    const school = el('input', { id: 'report-school', class: 'input', maxlength: 100, autocomplete: 'organization', 'data-testid': 'verify-report-school' });
    const error = el('p', { class: 'error', role: 'alert' });
    const submit = el('button', { class: 'button', type: 'submit', 'data-testid': 'verify-report-submit' }, t('public.verify.reportSubmit'));
    const form = el(
      'form',
      {
        class: 'card stack',
        onsubmit: (ev: Event) => {
          ev.preventDefault();
          const body = { code, text: text.value.trim(), ...(school.value.trim() ? { schoolName: school.value.trim() } : {}) };
          if (body.text.length < 5) {
            error.textContent = t('public.verify.reportTooShort');
            text.focus();
            return;
          }
          submit.disabled = true;
          error.textContent = '';
          callJson('/leads', { method: 'POST', body }).then(
            ({ status, body: res }) => {
              if (status === 201) {
                mount(box, el('p', { class: 'card thanks', role: 'status', 'data-testid': 'verify-report-thanks' }, t('public.verify.reportThanks')));
                return;
              }
              submit.disabled = false;
              error.textContent = errorMessage(res, lang()) ?? t('public.loadFailed');
            },
            () => {
              submit.disabled = false;
              error.textContent = t('public.loadFailed');
            },
          );
        },
      },
      el('h2', null, t('public.verify.reportTitle')),
      el('label', { for: 'report-text' }, t('public.verify.reportText')),
      text,
      el('label', { for: 'report-school' }, t('public.verify.reportSchool')),
      school,
      error,
      submit,
    );
    mount(box, form);
    text.focus();
  };
  mount(box, el('button', { class: 'button danger wide', type: 'button', onclick: open, 'data-testid': 'verify-report' }, t('public.verify.report')));
  return box;
}
