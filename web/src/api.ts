/**
 * Talking to the huicun API (docs/api.md): JSON requests with the bearer token, uploads with real
 * progress (XMLHttpRequest: fetch reports no upload progress), and downloads through one-time
 * links. The token lives in sessionStorage and never in a URL.
 * @module
 */
import type { Role, Session, User } from './types.js';
import type { FieldIssue } from '../../src/input/index.js';

const SESSION_KEY = 'huicun.session';

/** One bad field of an error answer (`error.issues`, docs/web.md): the server's own type. */
export type { FieldIssue };

/** What an error answer says besides its code and message. */
export interface ErrorFacts {
  /** The bad fields, each with its own code and problem. */
  readonly issues?: readonly FieldIssue[];
  /** FIELD_TOO_LONG: the limit in characters. */
  readonly limit?: number;
  /** Seconds to wait (`Retry-After`). */
  readonly retryAfter?: number;
}

/** An error answer of the API, `{"error":{"code","message"}}`, or a network failure. */
export class ApiError extends Error {
  readonly issues: readonly FieldIssue[];
  readonly limit: number | undefined;
  readonly retryAfter: number | undefined;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    facts: ErrorFacts = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.issues = facts.issues ?? [];
    this.limit = facts.limit;
    this.retryAfter = facts.retryAfter;
  }
}

interface ErrorBody {
  readonly error?: {
    readonly code?: string;
    readonly message?: string;
    readonly limit?: unknown;
    readonly issues?: unknown;
  };
}

/** The facts of an error body and `Retry-After` header, each checked (the body is the server's). */
function factsOf(body: ErrorBody | null | undefined, retryAfter: string | null): ErrorFacts {
  const e = body?.error;
  const issues = Array.isArray(e?.issues)
    ? (e.issues as unknown[]).filter(
        (i): i is FieldIssue =>
          typeof (i as FieldIssue | null)?.field === 'string' &&
          typeof (i as FieldIssue).code === 'string',
      )
    : [];
  const seconds = retryAfter !== null && /^\d{1,6}$/.test(retryAfter) ? Number(retryAfter) : NaN;
  return {
    issues,
    ...(typeof e?.limit === 'number' ? { limit: e.limit } : {}),
    ...(Number.isFinite(seconds) ? { retryAfter: seconds } : {}),
  };
}

let session: Session | undefined = readSession();
const listeners = new Set<() => void>();

function readSession(): Session | undefined {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    if (raw === null) return undefined;
    const s = JSON.parse(raw) as Session;
    if (typeof s.token !== 'string' || typeof s.user?.role !== 'string') return undefined;
    if (s.expiresAt !== undefined && Date.parse(s.expiresAt) <= Date.now()) return undefined;
    return s;
  } catch {
    return undefined;
  }
}

/** The signed-in session, if any (expired sessions count as none). */
export function currentSession(): Session | undefined {
  if (session?.expiresAt !== undefined && Date.parse(session.expiresAt) <= Date.now()) {
    setSession(undefined);
  }
  return session;
}

/** The signed-in user's role, if any. */
export function currentRole(): Role | undefined {
  return currentSession()?.user.role;
}

/** Stores (or with `undefined` clears) the session and tells the listeners. */
export function setSession(next: Session | undefined): void {
  session = next;
  try {
    if (next) sessionStorage.setItem(SESSION_KEY, JSON.stringify(next));
    else sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // storage unavailable: the session lasts for this page only
  }
  for (const l of listeners) l();
}

/** Calls `listener` when the session changes (sign-in, sign-out, expiry). */
export function onSessionChange(listener: () => void): void {
  listeners.add(listener);
}

function authHeaders(anonymous = false): Record<string, string> {
  const s = anonymous ? undefined : currentSession();
  return s ? { Authorization: `Bearer ${s.token}` } : {};
}

async function errorOf(res: Response): Promise<ApiError> {
  let code = `HTTP_${res.status}`;
  let message = res.statusText || 'request failed';
  let body: ErrorBody | undefined;
  try {
    body = (await res.json()) as ErrorBody;
    if (body.error?.code) code = body.error.code;
    if (body.error?.message) message = body.error.message;
  } catch {
    // not JSON
  }
  if (res.status === 401 && session) setSession(undefined);
  return new ApiError(res.status, code, message, factsOf(body, res.headers.get('Retry-After')));
}

export interface RequestOptions {
  /** Send no token even when signed in (the public verification page). */
  readonly anonymous?: boolean;
  readonly accept?: string;
  readonly signal?: AbortSignal;
}

/** Sends a request; resolves with the raw Response when it is 2xx, else throws {@link ApiError}. */
export async function request(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: options.accept ?? 'application/json',
    ...authHeaders(options.anonymous),
  };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      ...(payload !== undefined ? { body: payload } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', err instanceof Error ? err.message : String(err));
  }
  if (!res.ok) throw await errorOf(res);
  return res;
}

/** A JSON request; resolves with the parsed body (`undefined` for 204). */
export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const res = await request(method, path, body, options);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Progress of an upload: bytes sent of the total. */
export type UploadProgress = (sent: number, total: number) => void;

/**
 * POSTs a multipart form with upload progress (XMLHttpRequest `upload.onprogress`).
 * @throws {ApiError} on an error answer or a network failure; `ABORTED` when `signal` aborts.
 */
export function upload<T>(
  path: string,
  form: FormData,
  onProgress: UploadProgress,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.responseType = 'json';
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded, e.total);
    };
    xhr.onload = () => {
      const body = xhr.response as ErrorBody | null;
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
        return;
      }
      if (xhr.status === 401 && session) setSession(undefined);
      reject(
        new ApiError(
          xhr.status,
          body?.error?.code ?? `HTTP_${xhr.status}`,
          body?.error?.message ?? xhr.statusText,
          factsOf(body, xhr.getResponseHeader('Retry-After')),
        ),
      );
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'the connection failed'));
    xhr.onabort = () => reject(new ApiError(0, 'ABORTED', 'cancelled'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/** The file name of a Content-Disposition header (RFC 6266 `filename*` preferred). */
export function dispositionName(header: string | null): string | undefined {
  if (!header) return undefined;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the ASCII name
    }
  }
  return /filename="([^"]*)"/i.exec(header)?.[1];
}

function clickLink(href: string, name?: string): void {
  const a = document.createElement('a');
  a.href = href;
  if (name !== undefined) a.download = name;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Saves bytes the page already holds (a Blob) under `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  clickLink(url, name);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Downloads a protected resource the way docs/api.md asks: `POST <path>/link` gives a one-time
 * `/dl/…` URL that the browser opens itself (no token in any URL). Where the server does not
 * offer a link for the resource yet, the bytes are fetched with the token and saved as a Blob.
 */
export async function download(path: string, fallbackName: string): Promise<void> {
  const [pathname, search = ''] = path.split('?');
  const linkPath = `${pathname}/link${search ? `?${search}` : ''}`;
  try {
    const { url } = await api<{ url: string; expiresAt: string }>('POST', linkPath, {});
    clickLink(url, fallbackName);
    return;
  } catch (err) {
    if (!(err instanceof ApiError) || (err.code !== 'ROUTE_NOT_FOUND' && err.status !== 405)) {
      throw err;
    }
  }
  const res = await request('GET', path, undefined, { accept: '*/*' });
  const name = dispositionName(res.headers.get('Content-Disposition')) ?? fallbackName;
  saveBlob(await res.blob(), name);
}

/** Signs in and stores the session. */
export async function login(username: string, password: string): Promise<User> {
  const s = await api<Session>('POST', '/api/v1/auth/login', { username, password });
  setSession({ token: s.token, user: s.user, ...(s.expiresAt ? { expiresAt: s.expiresAt } : {}) });
  return s.user;
}
