import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

/** A browser-like client over `app.inject`: keeps cookies and sends the CSRF header. */
export class TestClient {
  private cookies = new Map<string, string>();
  constructor(
    private readonly app: FastifyInstance,
    private readonly ip = '127.0.0.1',
  ) {}

  get csrf(): string | undefined {
    return this.cookies.get('jf_csrf');
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async request(method: InjectOptions['method'], url: string, body?: unknown, opts: { csrf?: string | null; headers?: Record<string, string> } = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = opts.csrf === undefined ? this.csrf : opts.csrf;
    if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
    const res = await this.app.inject({
      method,
      url,
      headers,
      remoteAddress: this.ip,
      ...(body === undefined ? {} : typeof body === 'string' ? { payload: body } : { payload: body as object }),
    });
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  patch(url: string, body: unknown) {
    return this.request('PATCH', url, body);
  }

  async login(username: string, password: string): Promise<LightMyRequestResponse> {
    if (!this.csrf) await this.get('/api/v1/auth/csrf');
    return this.post('/api/v1/auth/login', { username, password });
  }
}

/** Logs a client in and fails loudly when it can't. */
export async function loggedIn(app: FastifyInstance, username: string, password: string, ip?: string): Promise<TestClient> {
  const c = new TestClient(app, ip);
  const res = await c.login(username, password);
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return c;
}
