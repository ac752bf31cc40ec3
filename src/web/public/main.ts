import './style.css';
import { lang, setLang } from './i18n';
import { createRouter, type TRoute } from './router';
import { renderComplain } from './views/complain';
import { renderHome } from './views/home';
import { renderList } from './views/list';
import { renderNotFound } from './views/notFound';
import { renderShell } from './views/shell';
import { renderStats } from './views/stats';
import { renderTrack } from './views/track';
import { renderVerify } from './views/verify';

/** Public pages, no login. Add a route here for each new page. */
const routes: TRoute[] = [
  { pattern: /^\/$/, render: renderHome },
  { pattern: /^\/v(?:\/([^/]+))?$/, render: renderVerify },
  { pattern: /^\/list$/, render: renderList, wide: true },
  { pattern: /^\/complain$/, render: renderComplain },
  { pattern: /^\/track$/, render: renderTrack },
  { pattern: /^\/stats$/, render: renderStats },
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
