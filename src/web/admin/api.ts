/**
 * The one fetch wrapper of the admin app: same-origin cookies, CSRF header on writes,
 * the server's error shape parsed into ApiError, and auth events (401, forced password change).
 */
import type { TLang } from '../../domain/i18n';
import { label } from '../../domain/i18n';

export const API_BASE = '/api/v1';

export interface TFieldError {
  path: string;
  zh: string;
  en: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly requestId: string | undefined;
  readonly fields: TFieldError[];
  readonly lockedUntil: string | undefined;
  /** Every other key of the error object (e.g. `findings` of a RULE_VIOLATION). */
  readonly extra: Record<string, unknown>;

  constructor(o: { status: number; code: string; zh: string; en: string; requestId?: string; fields?: TFieldError[]; lockedUntil?: string; extra?: Record<string, unknown> }) {
    super(`${o.code}: ${o.en}`);
    this.name = 'ApiError';
    this.status = o.status;
    this.code = o.code;
    this.zh = o.zh;
    this.en = o.en;
    this.requestId = o.requestId;
    this.fields = o.fields ?? [];
    this.lockedUntil = o.lockedUntil;
    this.extra = o.extra ?? {};
  }

  text(lang: TLang): string {
    return lang === 'zh' ? this.zh : this.en;
  }
}

/** Message of any thrown value in the current language. */
export function errorText(err: unknown, lang: TLang): string {
  if (err instanceof ApiError) return err.text(lang);
  return label('error.network', lang);
}

type TAuthEvent = 'unauthenticated' | 'passwordChangeRequired';
const listeners = new Set<(e: TAuthEvent) => void>();

/** Subscribe to auth events (the router turns them into navigation). Returns the unsubscribe function. */
export function onAuthEvent(fn: (e: TAuthEvent) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

let csrfFetch: Promise<string> | undefined;

async function csrfToken(refresh = false): Promise<string> {
  const cookie = refresh ? undefined : readCookie('jf_csrf');
  if (cookie) return cookie;
  csrfFetch ??= fetch(`${API_BASE}/auth/csrf`, { credentials: 'same-origin', headers: { accept: 'application/json' } })
    .then(async (res) => {
      const body = (await res.json().catch(() => ({}))) as { csrfToken?: string };
      return readCookie('jf_csrf') ?? body.csrfToken ?? '';
    })
    .finally(() => {
      csrfFetch = undefined;
    });
  return csrfFetch;
}

async function toApiError(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => undefined)) as { error?: Record<string, unknown> } | undefined;
  const e = body?.error;
  if (e && typeof e.code === 'string') {
    return new ApiError({
      status: res.status,
      code: e.code,
      zh: String(e.zh ?? e.code),
      en: String(e.en ?? e.code),
      requestId: typeof e.requestId === 'string' ? e.requestId : undefined,
      fields: Array.isArray(e.fields) ? (e.fields as TFieldError[]) : [],
      lockedUntil: typeof e.lockedUntil === 'string' ? e.lockedUntil : undefined,
      extra: e,
    });
  }
  const vars = (lang: TLang) => label('error.http', lang).replace('{status}', String(res.status));
  return new ApiError({ status: res.status, code: `HTTP_${res.status}`, zh: vars('zh'), en: vars('en') });
}

function networkError(): ApiError {
  return new ApiError({ status: 0, code: 'NETWORK', zh: label('error.network', 'zh'), en: label('error.network', 'en') });
}

export interface TRequest {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  /** A file sent as the raw body (instead of `body` as JSON), with its content type. */
  raw?: Blob;
  contentType?: string;
}

export function withQuery(path: string, query?: TRequest['query']): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/** Raw response for a 2xx answer (JSON or a file); throws ApiError otherwise. */
export async function apiResponse(path: string, req: TRequest = {}, retried = false): Promise<Response> {
  const method = req.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (req.body !== undefined) headers['content-type'] = 'application/json';
  if (req.raw !== undefined) headers['content-type'] = req.contentType ?? (req.raw.type || 'application/octet-stream');
  if (method !== 'GET') headers['x-csrf-token'] = await csrfToken();
  let res: Response;
  try {
    res = await fetch(withQuery(`${API_BASE}${path}`, req.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: req.raw ?? (req.body === undefined ? undefined : JSON.stringify(req.body)),
    });
  } catch {
    throw networkError();
  }
  if (res.ok) return res;
  const err = await toApiError(res);
  if (err.code === 'CSRF_FAILED' && !retried) {
    await csrfToken(true);
    return apiResponse(path, req, true);
  }
  if (err.status === 401 && err.code === 'UNAUTHENTICATED') listeners.forEach((fn) => fn('unauthenticated'));
  if (err.status === 403 && err.code === 'PASSWORD_CHANGE_REQUIRED') listeners.forEach((fn) => fn('passwordChangeRequired'));
  throw err;
}

export async function api<T>(path: string, req: TRequest = {}): Promise<T> {
  const res = await apiResponse(path, req);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Download a file endpoint (e.g. Excel export) through the wrapper, so errors surface as ApiError. */
export async function download(path: string, query: TRequest['query'], fallbackName: string): Promise<void> {
  const res = await apiResponse(path, { query });
  const blob = await res.blob();
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(cd)?.[1];
  const name = star ? decodeURIComponent(star) : (plain ?? fallbackName);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
