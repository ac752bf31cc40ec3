/** A minimal client-side router on location.pathname. Later pages (/v/<code>, complaints, …) add a route here. */
export interface TRoute {
  /** Matched against the whole pathname; capture groups become params. */
  pattern: RegExp;
  render: (params: string[]) => Node;
}

export interface TRouter {
  /** Render the view for the current location. */
  render: () => void;
  navigate: (path: string) => void;
}

export function createRouter(options: { routes: TRoute[]; fallback: () => Node; outlet: () => Element }): TRouter {
  const render = () => {
    const path = decodeURI(location.pathname).replace(/\/+$/, '') || '/';
    const outlet = options.outlet();
    for (const route of options.routes) {
      const match = route.pattern.exec(path);
      if (match) {
        outlet.replaceChildren(route.render(match.slice(1)));
        return;
      }
    }
    outlet.replaceChildren(options.fallback());
  };
  const navigate = (path: string) => {
    history.pushState(null, '', path);
    render();
    window.scrollTo(0, 0);
  };
  window.addEventListener('popstate', render);
  // same-entry links marked data-link navigate without a reload
  document.addEventListener('click', (ev) => {
    const a = (ev.target as Element | null)?.closest?.('a[data-link]');
    if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
    ev.preventDefault();
    navigate(a.getAttribute('href') ?? '/');
  });
  return { render, navigate };
}
