import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { api, ApiError } from '../../api';
import { useShowError } from '../../errors';
import { useI18n } from '../../i18n';
import type { TFinding, TItem, TRuleSetResponse, TSimilarItem } from './types';

export const itemKey = (id: number) => ['items', 'one', id] as const;

export function useItem(id: number | undefined) {
  return useQuery({ queryKey: itemKey(id ?? 0), queryFn: () => api<TItem>(`/items/${id}`), enabled: id !== undefined && id > 0 });
}

export function useSimilar(id: number, enabled: boolean) {
  return useQuery({ queryKey: ['items', 'similar', id], queryFn: () => api<TSimilarItem[]>(`/items/${id}/similar`), enabled });
}

export function useRuleSet(year: number, enabled = true) {
  return useQuery({ queryKey: ['rulesets', year], queryFn: () => api<TRuleSetResponse>('/rulesets', { query: { year } }), enabled, staleTime: 60_000 });
}

/** The findings a 422 RULE_VIOLATION carries, or null for any other error. */
export function violationFindings(err: unknown): TFinding[] | null {
  if (!(err instanceof ApiError) || err.code !== 'RULE_VIOLATION') return null;
  const f = err.extra.findings;
  return Array.isArray(f) ? (f as TFinding[]) : [];
}

export interface TActionCall {
  /** Path under /items/:id/, e.g. `review`. */
  path: string;
  body?: unknown;
}

/**
 * A workflow action on one item (`POST /items/:id/<path>`): the answer replaces the cached item,
 * lists are refreshed. A RULE_VIOLATION is left to the caller (`onViolation`), other errors are shown.
 */
export function useItemAction(id: number, opts: { onDone?: () => void; onViolation?: (f: TFinding[]) => void } = {}) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const { t } = useI18n();
  const showError = useShowError();
  return useMutation({
    mutationFn: (call: TActionCall) => api<TItem>(`/items/${id}/${call.path}`, { method: 'POST', body: call.body ?? {} }),
    onSuccess: async (item) => {
      if (item && typeof item === 'object' && 'id' in item) client.setQueryData(itemKey(id), item);
      void message.success(t('action.done'));
      opts.onDone?.();
      await client.invalidateQueries({ queryKey: ['items'] });
      await client.invalidateQueries({ queryKey: ['plans'] });
    },
    onError: (err) => {
      const findings = violationFindings(err);
      if (findings && opts.onViolation) opts.onViolation(findings);
      else showError(err);
    },
  });
}
