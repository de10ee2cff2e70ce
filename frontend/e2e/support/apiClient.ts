/**
 * Arranges a journey's own data through the REST API, as the signed-in user would, so the
 * browser test does not depend on what the demo seed happens to contain.
 */
export interface ApiSession {
  /** The signed-in user, as the login answered. */
  user: { id: string; name: string };
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
}

async function readJson(response: Response, what: string): Promise<unknown> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

export async function apiLogin(baseUrl: string, email: string, password: string): Promise<ApiSession> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const { token, user } = (await readJson(login, 'POST /api/v1/auth/login')) as {
    token: string;
    user: ApiSession['user'];
  };
  return {
    user,
    async get<T>(path: string): Promise<T> {
      const response = await fetch(`${baseUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
      return (await readJson(response, `GET ${path}`)) as T;
    },
    async post<T>(path: string, body: unknown): Promise<T> {
      const response = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      return (await readJson(response, `POST ${path}`)) as T;
    },
  };
}
