/** GET a public JSON endpoint (no login, no CSRF). Throws on a non-2xx answer. */
export async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(`/api/v1/public${path}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as T;
}
