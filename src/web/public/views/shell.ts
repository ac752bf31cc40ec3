import { el } from '../dom';
import { lang, t } from '../i18n';

/** The page frame: top bar with the language switch, the outlet, the footer. */
export function renderShell(onLangToggle: () => void): { root: HTMLElement; outlet: HTMLElement } {
  const outlet = el('main', { class: 'main', id: 'main' });
  const root = el(
    'div',
    { class: 'page' },
    el(
      'header',
      { class: 'topbar' },
      el('a', { class: 'brand', href: '/', 'data-link': true }, el('span', { class: 'brand-mark', 'aria-hidden': 'true' }, t('app.short')), t('app.name')),
      el('button', { class: 'lang', type: 'button', title: t('lang.switchTitle'), lang: lang() === 'zh' ? 'en' : 'zh-CN', onclick: onLangToggle }, t('lang.other')),
    ),
    outlet,
    el('footer', { class: 'footer' }, el('p', null, t('public.footer')), el('a', { href: '/admin/login', 'data-testid': 'staff-login-footer' }, t('public.staffLogin'))),
  );
  return { root, outlet };
}
