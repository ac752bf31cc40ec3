import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { api, apiResponse, type TRequest } from '../../api';
import { useShowError } from '../../errors';
import { useI18n } from '../../i18n';
import type { TPage } from '../../types';
import type { TCase, TCaseSummary, TTasklogMine, TTasklogStats } from './types';

export const caseKey = (id: number) => ['cases', 'one', id] as const;

export interface TCaseFilter {
  status?: string;
  category?: string;
  source?: string;
  overdue?: boolean;
  orgId?: number;
  /** One duplicate group (the id of its first case). */
  groupId?: number;
  q?: string;
}

/** The list's filters as the API takes them (the list and its Excel export send the same). */
export function caseQuery(filter: TCaseFilter): TRequest['query'] {
  return { ...filter, overdue: filter.overdue ? 'true' : undefined };
}

export function useCases(filter: TCaseFilter, paging: { page: number; pageSize: number }) {
  const query: TRequest['query'] = { ...caseQuery(filter), ...paging };
  return useQuery({ queryKey: ['cases', 'list', query], queryFn: () => api<TPage<TCaseSummary>>('/cases', { query }), placeholderData: keepPreviousData });
}

export function useCase(id: number) {
  return useQuery({ queryKey: caseKey(id), queryFn: () => api<TCase>(`/cases/${id}`), enabled: id > 0 });
}

export interface TCaseCall {
  /** Path under /cases/:id/, e.g. `assign`. */
  path: string;
  body?: unknown;
}

/** A workflow step on one case (`POST /cases/:id/<path>`): the answer replaces the cached case, lists refresh. */
export function useCaseAction(id: number, onDone?: () => void) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const { t } = useI18n();
  const showError = useShowError();
  return useMutation({
    mutationFn: (call: TCaseCall) => api<TCase>(`/cases/${id}/${call.path}`, { method: 'POST', body: call.body ?? {} }),
    onSuccess: async (c) => {
      if (c && typeof c === 'object' && 'id' in c) client.setQueryData(caseKey(id), c);
      void message.success(t('action.done'));
      onDone?.();
      await client.invalidateQueries({ queryKey: ['cases'] });
    },
    onError: showError,
  });
}

/** Evidence attached by an official: the file as the raw body, its type as content-type. */
export async function uploadEvidence(id: number, file: File): Promise<void> {
  await apiResponse(`/cases/${id}/attachments`, { method: 'POST', raw: file, contentType: file.type || 'application/octet-stream' });
}

export function useTasklogMine(paging: { page: number; pageSize: number }) {
  return useQuery({ queryKey: ['tasklog', 'mine', paging], queryFn: () => api<TTasklogMine>('/tasklog', { query: paging }), placeholderData: keepPreviousData });
}

export function useTasklogStats(query: { from?: string; to?: string }) {
  return useQuery({ queryKey: ['tasklog', 'stats', query], queryFn: () => api<TTasklogStats>('/tasklog/stats', { query }) });
}
