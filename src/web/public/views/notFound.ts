import { el } from '../dom';
import { t } from '../i18n';

export function renderNotFound(): Node {
  document.title = `${t('public.notFound.title')} · ${t('app.name')}`;
  return el(
    'section',
    { class: 'card center', 'data-testid': 'public-not-found' },
    el('p', { class: 'big', 'aria-hidden': 'true' }, '404'),
    el('h1', null, t('public.notFound.title')),
    el('p', { class: 'muted' }, t('public.notFound.text')),
    el('a', { class: 'button', href: '/', 'data-link': true }, t('public.home')),
  );
}
