import fs from 'node:fs';
import path from 'node:path';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { ABILITIES, abilitiesOf, type TAbility } from '../../domain/abilities';
import { label } from '../../domain/i18n';
import type { TRole } from '../../domain/roles';
import { I18nProvider } from './i18n';
import { NAV_ENTRIES } from './layout/nav';
import { ME_KEY } from './queries';
import { RequireAbility } from './RequireAbility';

/** Server-renders `<RequireAbility>` around a marker for a signed-in user of `role`. */
function render(role: TRole, ability: TAbility | TAbility[]): string {
  const client = new QueryClient();
  client.setQueryData(ME_KEY, { user: { id: 1, username: 'u', displayName: 'U', role, org: { id: 1, name: 'O', kind: 'region', code: null } }, abilities: [...abilitiesOf(role)], mustChangePassword: false, idleTimeoutSeconds: 1800 });
  const page = h('div', { id: 'the-page' }, 'PAGE');
  return renderToString(h(QueryClientProvider, { client }, h(I18nProvider, null, h(MemoryRouter, null, h(RequireAbility, { ability, children: page })))));
}

describe('RequireAbility', () => {
  const saved = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
  afterEach(() => {
    if (saved) Object.defineProperty(globalThis, 'localStorage', saved);
    else delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it('shows the page to a role with the ability (or one of a list), and a zh "no permission" result instead of it to others', () => {
    expect(render('auditadmin', 'audit.read')).toContain('PAGE');
    expect(render('school_admin', ['register.read', 'register.school'])).toContain('PAGE');
    const refused = render('auditadmin', 'register.read');
    expect(refused).not.toContain('PAGE');
    expect(refused).toContain('data-testid="no-permission"');
    expect(refused).toContain(label('noPermission.title', 'zh'));
    expect(refused).toContain(label('noPermission.text', 'zh'));
  });

  it('speaks English when the user chose it', () => {
    Object.defineProperty(globalThis, 'localStorage', { configurable: true, value: { getItem: () => 'en', setItem: () => undefined } });
    const refused = render('sysadmin', 'case.read');
    expect(refused).toContain(label('noPermission.title', 'en'));
    expect(refused).not.toContain('PAGE');
  });
});

describe('the admin routes', () => {
  const source = fs.readFileSync(path.join(import.meta.dirname, 'App.tsx'), 'utf8');
  const inLayout = source.slice(source.indexOf('<Route element={<AppLayout />}>'), source.indexOf('<Route path="*"'));
  const routes = [...inLayout.matchAll(/<Route (?:index|path="([^"]+)") element=\{(.*)\} \/>/g)].map((m) => ({ path: m[1] ?? '/', element: m[2]! }));

  it('wraps every page of the signed-in frame in RequireAbility with a known ability', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(inLayout.match(/<Route /g)?.length).toBe(routes.length + 1); // + the layout route itself
    for (const r of routes) {
      const m = /^<RequireAbility ability="([a-z.]+)">.*<\/RequireAbility>$/.exec(r.element);
      expect(m, r.path).not.toBeNull();
      expect(ABILITIES, r.path).toContain(m![1]);
    }
  });

  it('asks for the same ability as the side menu entry of that page', () => {
    for (const entry of NAV_ENTRIES) {
      const p = entry.path.replace(/^\/admin/, '');
      const route = routes.find((r) => r.path === p || (p !== '/' && r.path.startsWith(`${p}/:`) && r.path.endsWith('?')));
      expect(route, entry.path).toBeDefined();
      expect(route!.element, entry.path).toContain(`ability="${entry.ability}"`);
    }
  });
});
