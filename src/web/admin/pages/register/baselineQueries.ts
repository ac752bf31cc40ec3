import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api';
import type { TBaselineDecision, TBaselineInput, TBaselineResponse, TImportRowError, TRegisterSummary, TSecondment, TSecondmentState } from './baselineTypes';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function useBaseline(baselineYear: number, year: number) {
  return useQuery({ queryKey: ['baseline', baselineYear, year], queryFn: () => api<TBaselineResponse>('/baseline', { query: { baselineYear, year } }) });
}

/** After any baseline write: the inventory and the dashboards' figures are stale. */
function useRefreshBaseline() {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: ['baseline'] });
    await client.invalidateQueries({ queryKey: ['dashboards'] });
  };
}

export function useDecideBaseline() {
  const refresh = useRefreshBaseline();
  return useMutation({
    mutationFn: (v: { id: number; decision: TBaselineDecision; reason?: string }) =>
      api<undefined>(`/baseline/${v.id}`, { method: 'PATCH', body: { decision: v.decision, ...(v.reason ? { reason: v.reason } : {}) } }),
    onSuccess: refresh,
  });
}

export function useAddBaseline() {
  const refresh = useRefreshBaseline();
  return useMutation({
    mutationFn: (entries: TBaselineInput[]) => api<{ ids: number[] }>('/baseline', { method: 'POST', body: { entries } }),
    onSuccess: refresh,
  });
}

/** Sends the workbook as the raw body: all rows are saved, or none (422 IMPORT_ROWS_INVALID). */
export function useImportBaseline(year: number) {
  const refresh = useRefreshBaseline();
  return useMutation({
    mutationFn: (file: File) => api<{ ids: number[] }>('/baseline/import', { method: 'POST', query: { year }, raw: file, contentType: XLSX_TYPE }),
    onSuccess: refresh,
  });
}

/** The rows a refused import names, or null for any other error. */
export function importRowErrors(err: unknown): TImportRowError[] | null {
  if (!(err instanceof ApiError) || err.code !== 'IMPORT_ROWS_INVALID') return null;
  const rows = err.extra.rows;
  return Array.isArray(rows) ? (rows as TImportRowError[]) : [];
}

export function useSecondments(state: TSecondmentState | undefined) {
  return useQuery({ queryKey: ['secondments', state ?? 'all'], queryFn: () => api<TSecondment[]>('/secondments', { query: { state } }) });
}

export function useRegisterSummary(year: number) {
  return useQuery({ queryKey: ['register', 'summary', year], queryFn: () => api<TRegisterSummary>('/register/summary', { query: { year } }) });
}

export function useReturnTeacher() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; returnedAt: string }) => api<unknown>(`/items/${v.id}/return-teacher`, { method: 'POST', body: { returnedAt: v.returnedAt } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['secondments'] });
      await client.invalidateQueries({ queryKey: ['register', 'summary'] });
      await client.invalidateQueries({ queryKey: ['items'] });
    },
  });
}
