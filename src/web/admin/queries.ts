import { useQuery } from '@tanstack/react-query';
import type { TAbility } from '../../domain/abilities';
import { api } from './api';
import type { TId, TMe, TOrgNode } from './types';

export const ME_KEY = ['auth', 'me'] as const;

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: () => api<TMe>('/auth/me'), staleTime: 60_000, retry: false });
}

/** Whether the signed-in actor has an ability (false while unknown). */
export function useCan(): (ability: TAbility) => boolean {
  const { data } = useMe();
  return (ability) => !!data?.abilities.includes(ability);
}

export function useOrgTree(enabled = true) {
  return useQuery({ queryKey: ['orgs', 'tree'], queryFn: () => api<TOrgNode[]>('/orgs/tree'), enabled, staleTime: 30_000 });
}

/** id (as string) → node, for every node of the tree. */
export function indexTree(roots: readonly TOrgNode[] | undefined): Map<string, TOrgNode> {
  const map = new Map<string, TOrgNode>();
  const walk = (nodes: readonly TOrgNode[]) => {
    for (const n of nodes) {
      map.set(String(n.id), n);
      walk(n.children ?? []);
    }
  };
  walk(roots ?? []);
  return map;
}

export function sameId(a: TId | null | undefined, b: TId | null | undefined): boolean {
  return a !== null && a !== undefined && b !== null && b !== undefined && String(a) === String(b);
}
