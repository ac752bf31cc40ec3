/** "举报 / report this" on the check page: opens the complaint form with the code filled in (and checked there). */
import { el } from '../dom';
import { t } from '../i18n';

export function renderReport(code: string): HTMLElement {
  return el(
    'section',
    { class: 'report' },
    el('a', { class: 'button danger wide center', href: `/complain?code=${encodeURIComponent(code)}`, 'data-link': true, 'data-testid': 'verify-report' }, t('public.verify.report')),
  );
}
