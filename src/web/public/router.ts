/** A minimal client-side router on location.pathname. Each page adds a route in main.ts. */
export interface TRoute {
  /** Matched against the whole pathname; capture groups become params. */
  pattern: RegExp;
  render: (params: string[]) => Node;
  /** A wide page (tables): the outlet drops its reading width. */
  wide?: boolean;
}

export interface TRouter {
  /** Render the view for the current location. */
  render: () => void;
  navigate: (path: string) => void;
}

const NAVIGATE_EVENT = 'jf:navigate';

/** Navigate within the public entry (no reload). */
export function go(path: string): void {
  document.dispatchEvent(new CustomEvent(NAVIGATE_EVENT, { detail: path }));
}

export function createRouter(options: { routes: TRoute[]; fallback: () => Node; outlet: () => Element }): TRouter {
  const render = () => {
    const path = decodeURI(location.pathname).replace(/\/+$/, '') || '/';
    const outlet = options.outlet();
    for (const route of options.routes) {
      const match = route.pattern.exec(path);
      if (match) {
        outlet.classList.toggle('wide', !!route.wide);
        outlet.replaceChildren(route.render(match.slice(1)));
        return;
      }
    }
    outlet.classList.remove('wide');
    outlet.replaceChildren(options.fallback());
  };
  const navigate = (path: string) => {
    history.pushState(null, '', path);
    render();
    window.scrollTo(0, 0);
  };
  window.addEventListener('popstate', render);
  // views ask for navigation with go(path) without importing the router instance
  document.addEventListener(NAVIGATE_EVENT, (ev) => navigate((ev as CustomEvent<string>).detail));
  // same-entry links marked data-link navigate without a reload
  document.addEventListener('click', (ev) => {
    const a = (ev.target as Element | null)?.closest?.('a[data-link]');
    if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
    ev.preventDefault();
    navigate(a.getAttribute('href') ?? '/');
  });
  return { render, navigate };
}
