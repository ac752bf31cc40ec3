import './style.css';
import { lang, setLang } from './i18n';
import { createRouter, type TRoute } from './router';
import { renderHome } from './views/home';
import { renderNotFound } from './views/notFound';
import { renderShell } from './views/shell';

/** Public pages, no login. Add a route here for each new page (e.g. /v/<code>). */
const routes: TRoute[] = [{ pattern: /^\/$/, render: renderHome }];

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
