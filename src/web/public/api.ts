/** GET a public JSON endpoint (no login, no CSRF). Throws on a non-2xx answer. */
export async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(`/api/v1/public${path}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** Any answer of a public endpoint, with its status and parsed body (null when not JSON). Throws only on a network failure. */
export async function callJson<T>(path: string, init?: { method?: 'GET' | 'POST'; body?: unknown }): Promise<{ status: number; body: T | null }> {
  const res = await fetch(`/api/v1/public${path}`, {
    method: init?.method ?? 'GET',
    headers: init?.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const body = (await res.json().catch(() => null)) as T | null;
  return { status: res.status, body };
}

/** The zh/en message of an error body (`{error: {zh, en}}`), if any. */
export function errorMessage(body: unknown, lang: 'zh' | 'en'): string | null {
  const e = (body as { error?: { zh?: unknown; en?: unknown } } | null)?.error;
  const text = e?.[lang];
  return typeof text === 'string' ? text : null;
}

/** POST a file as the raw request body (content-type = the file's type). Throws only on a network failure. */
export async function postFile<T>(path: string, file: Blob, type: string): Promise<{ status: number; body: T | null }> {
  const res = await fetch(`/api/v1/public${path}`, { method: 'POST', headers: { accept: 'application/json', 'content-type': type }, credentials: 'same-origin', body: file });
  const body = (await res.json().catch(() => null)) as T | null;
  return { status: res.status, body };
}
