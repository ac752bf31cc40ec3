import './style.css';
import { lang, setLang } from './i18n';
import { createRouter, type TRoute } from './router';
import { renderHome } from './views/home';
import { renderList } from './views/list';
import { renderNotFound } from './views/notFound';
import { renderShell } from './views/shell';
import { renderVerify } from './views/verify';

/** Public pages, no login. Add a route here for each new page. */
const routes: TRoute[] = [
  { pattern: /^\/$/, render: renderHome },
  { pattern: /^\/v(?:\/([^/]+))?$/, render: renderVerify },
  { pattern: /^\/list$/, render: renderList, wide: true },
];

const app = document.getElementById('app')!;
let outlet: HTMLElement = app;

function renderAll(): void {
  const shell = renderShell(() => {
    setLang(lang() === 'zh' ? 'en' : 'zh');
    renderAll();
  });
  outlet = shell.outlet;
  app.replaceChildren(shell.root);
  router.render();
}

const router = createRouter({ routes, fallback: renderNotFound, outlet: () => outlet });
setLang(lang());
renderAll();
