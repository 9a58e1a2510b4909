import type { ApiErrorCode, ErrorBody } from '../../api-schemas';
import { LABELS } from './labels';

/** An API answer that was not 2xx: the status, the server's code, and its (English) message for the console. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
    readonly hint: string | undefined,
  ) {
    super(message);
  }
}

export type ApiClientOptions = {
  /** The bearer token, read on each call (sign-in may change it). */
  token: () => string | null;
  /** A 401 on an authenticated call: the session is over. */
  onUnauthorized: () => void;
};

/**
 * JSON over fetch to the portal's own origin (the CSP's connect-src 'self'). Answers are typed with the
 * server's response schemas (api-schemas.ts, type imports only): the server checks at compile time that
 * it sends those shapes, so the portal does not parse them again.
 */
export class ApiClient {
  constructor(private readonly options: ApiClientOptions) {}

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  /** A text download (CSV) with the same token and the same errors as the JSON calls. */
  async text(path: string): Promise<string> {
    const token = this.options.token();
    const response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    if (response.ok) return response.text();
    return this.refused(response, await response.json().catch(() => null), token);
  }

  post<T>(path: string, body: Record<string, unknown> = {}): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  async request<T>(method: 'GET' | 'POST', path: string, body?: Record<string, unknown>): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = this.options.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json: unknown = await response.json().catch(() => null);
    if (response.ok) return json as T;
    return this.refused(response, json, token);
  }

  /** A refused call, JSON or text alike: the server's code and French message, or the status. */
  private refused(response: Response, json: unknown, token: string | null): never {
    const error = (json as Partial<ErrorBody> | null)?.error;
    if (response.status === 401 && token) this.options.onUnauthorized();
    throw new ApiError(
      response.status,
      error?.code ?? null,
      error?.message ?? `HTTP ${response.status}`,
      error?.hint,
    );
  }
}

/** What to tell the agent, in French: the labels table by error code (the server's detail goes to the console). */
export function explain(error: unknown): string {
  if (!(error instanceof ApiError)) {
    console.warn('portal error', error);
    return 'Erreur inattendue dans la page : rechargez-la ; si elle persiste, prévenez l’astreinte.';
  }
  console.info(
    `API ${error.status} ${error.code ?? ''}: ${error.message}${error.hint ? ` (${error.hint})` : ''}`,
  );
  // The code comes from the server: typed, but checked against the table in case the server is newer.
  const code = error.code as ApiErrorCode | null;
  if (code && code in LABELS.error) return LABELS.error[code];
  if (error.status >= 500) return LABELS.error.INTERNAL;
  return `Erreur ${error.status} : la demande n’a pas abouti.`;
}
