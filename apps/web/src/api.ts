import type { LoginResult } from '@app/identity';
import type { GateUnmet } from '@app/rulebook';

/** What a server type looks like after JSON: dates become ISO strings. */
export type Json<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Json<U>[]
    : T extends readonly (infer U)[]
      ? readonly Json<U>[]
      : T extends object
        ? { [K in keyof T]: Json<T[K]> }
        : T;

export interface FieldError {
  field: string;
  message: string;
}

/** The API's error shape (architecture.md): `{statusCode, code, message, ...extra}`. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: FieldError[];
  unmet?: Json<GateUnmet>[];
  [extra: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
  }
  get status() {
    return this.body.statusCode;
  }
  get code() {
    return this.body.code;
  }
}

const TOKEN_KEY = 'kaocha.session';

export type Session = Json<LoginResult>;

export const session = {
  get(): Session | null {
    const raw = sessionStorage.getItem(TOKEN_KEY);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as Session;
    } catch {
      return null;
    }
  },
  set(s: Session | null) {
    if (s) sessionStorage.setItem(TOKEN_KEY, JSON.stringify(s));
    else sessionStorage.removeItem(TOKEN_KEY);
  },
};

let onUnauthorized: () => void = () => undefined;
export const setUnauthorizedHandler = (fn: () => void) => {
  onUnauthorized = fn;
};

async function toError(res: Response): Promise<ApiError> {
  let body: Partial<ApiErrorBody> = {};
  try {
    body = (await res.json()) as ApiErrorBody;
  } catch {
    // not JSON (a proxy's page): keep the status
  }
  return new ApiError({
    ...body,
    statusCode: body.statusCode ?? res.status,
    code: body.code ?? `HTTP_${res.status}`,
    message: body.message ?? (res.status >= 500 ? '服务暂时不可用，请稍后重试' : `请求失败（${res.status}）`),
  });
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const s = session.get();
  return { ...(s ? { Authorization: `Bearer ${s.accessToken}` } : {}), ...extra };
}

export async function request<T>(method: string, path: string, body?: unknown, init: { form?: FormData } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: headers(body === undefined || init.form ? {} : { 'Content-Type': 'application/json' }),
      body: init.form ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
  } catch {
    throw new ApiError({ statusCode: 0, code: 'NETWORK', message: '无法连接服务器，请检查网络' });
  }
  if (res.status === 401 && !path.startsWith('/api/auth/')) onUnauthorized();
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, string | number | undefined | null>) => {
    const qs = query
      ? Object.entries(query)
          .filter(([, v]) => v !== undefined && v !== null && v !== '')
          .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
          .join('&')
      : '';
    return request<T>('GET', qs ? `${path}?${qs}` : path);
  },
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  postForm: <T>(path: string, form: FormData) => request<T>('POST', path, undefined, { form }),
};

/** Bytes behind the bearer token (a PDF), as an object URL the caller revokes. */
export async function blobUrl(path: string): Promise<{ url: string; sha256: string | null }> {
  const res = await fetch(path, { headers: headers() });
  if (!res.ok) throw await toError(res);
  const blob = await res.blob();
  return { url: URL.createObjectURL(blob), sha256: res.headers.get('x-content-sha256') };
}

/** `filename*=UTF-8''…` of a Content-Disposition header (the API sends Chinese file names that way). */
function filenameOf(disposition: string | null): string | null {
  const star = disposition?.match(/filename\*=UTF-8''([^;]+)/i);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // a malformed name: fall back to the plain one
    }
  }
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? null;
}

export interface Download {
  url: string;
  filename: string | null;
  headers: Headers;
}

/**
 * A file behind the bearer token (a PDF the API renders in the request), as an object URL with
 * the response headers (copy number, verification code…). The caller revokes the URL.
 */
export async function fetchFile(path: string): Promise<Download> {
  let res: Response;
  try {
    res = await fetch(path, { headers: headers() });
  } catch {
    throw new ApiError({ statusCode: 0, code: 'NETWORK', message: '无法连接服务器，请检查网络' });
  }
  if (res.status === 401) onUnauthorized();
  if (!res.ok) throw await toError(res);
  const blob = await res.blob();
  return { url: URL.createObjectURL(blob), filename: filenameOf(res.headers.get('content-disposition')), headers: res.headers };
}

/** Saves an object URL under a file name (the browser's download). */
export function saveAs(url: string, filename: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
