// A small router over the History API: /cases/:id style patterns, links that stay in the page, the back button,
// one screen at a time (the previous one is disposed), and focus moved to the new screen's heading.

export function createRouter({ routes, outlet, notFound, guard, afterRender }) {
  const compiled = routes.map((route) => ({ ...route, regex: compile(route.path) }));
  let current = null;
  let generation = 0;

  function match(pathname) {
    for (const route of compiled) {
      const found = route.regex.exec(pathname);
      if (found) return { route, params: found.groups ?? {} };
    }
    return { route: { screen: notFound, path: '*' }, params: {} };
  }

  async function render() {
    const mine = ++generation;
    const url = new URL(window.location.href);
    const { route, params } = match(url.pathname);
    const redirect = guard?.(route, url);
    if (redirect) {
      navigate(redirect, { replace: true });
      return;
    }
    dispose();
    outlet.setAttribute('aria-busy', 'true');
    const context = { outlet, params, query: url.searchParams, navigate, isCurrent: () => mine === generation };
    try {
      const screen = (await route.screen.render(context)) ?? {};
      if (mine !== generation) {
        screen.dispose?.();
        return;
      }
      current = screen;
    } finally {
      if (mine === generation) outlet.removeAttribute('aria-busy');
    }
    afterRender?.(route, current);
  }

  function dispose() {
    try {
      current?.dispose?.();
    } finally {
      current = null;
    }
  }

  function navigate(path, { replace = false } = {}) {
    const target = new URL(path, window.location.origin);
    if (replace) window.history.replaceState({}, '', target);
    else window.history.pushState({}, '', target);
    return render();
  }

  function onClick(event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target.closest?.('a[href]');
    if (!link || link.target || link.hasAttribute('download') || link.dataset.external !== undefined) return;
    const url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/auth/')) return;
    if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  }

  document.addEventListener('click', onClick);
  window.addEventListener('popstate', () => render());

  return {
    start: render,
    navigate,
    refresh: render,
    current: () => current,
  };
}

/** '/cases/:id' → /^\/cases\/(?<id>[^/]+)$/ */
function compile(path) {
  const source = path
    .split('/')
    .map((part) => (part.startsWith(':') ? `(?<${part.slice(1)}>[^/]+)` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('\\/');
  return new RegExp(`^${source}$`);
}
