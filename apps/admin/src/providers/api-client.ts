/**
 * One fetch wrapper for every call: adds the Bearer token, turns the API's error shape into an ApiError
 * (with both languages kept, so the UI can show the person's language), and reports 401s to whoever
 * registered (the auth flow), after clearing the dead session.
 */
import type { HttpError } from "@refinedev/core";
import { env } from "../env";
import type { ErrorBody, Message, ValidationIssue } from "@sohoa/contract";
import { clearSession, readSession } from "./session";

export class ApiError extends Error implements HttpError {
  readonly statusCode: number;
  readonly code: string;
  readonly msg: Message;
  readonly issues: ValidationIssue[];
  readonly field: string | undefined;
  constructor(statusCode: number, code: string, msg: Message, extra: { issues?: ValidationIssue[]; field?: string } = {}) {
    // no message argument: Error would make it an own property, hiding the language-aware getter below
    super();
    this.statusCode = statusCode;
    this.code = code;
    this.msg = msg;
    this.issues = extra.issues ?? [];
    this.field = extra.field;
  }
}

export type Lang = "vi" | "en";
let currentLang: () => Lang = () => "vi";
/** The i18n provider tells the client the current language so errors carry the right message. */
export function setLanguageSource(fn: () => Lang): void {
  currentLang = fn;
}

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();
export function onUnauthorized(fn: Listener): () => void {
  unauthorizedListeners.add(fn);
  return () => unauthorizedListeners.delete(fn);
}

const NETWORK_MSG: Message = {
  vi: "Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại; dữ liệu bạn nhập vẫn được giữ.",
  en: "Cannot reach the server. Check the network and retry; what you typed is kept.",
};

export interface RequestOptions {
  method?: string;
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
  headers?: Record<string, string>;
  /** skip the Authorization header (login) */
  anonymous?: boolean;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: RequestOptions["query"]): string {
  const base = path.startsWith("/api/") || path === "/api" ? path : `${env.apiBase}${path.startsWith("/") ? "" : "/"}${path}`;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === "") continue;
    qs.append(k, String(v));
  }
  const s = qs.toString();
  return s ? `${base}?${s}` : base;
}

export interface ApiResponse<T> { data: T; headers: Headers; status: number }

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { accept: "application/json", ...opts.headers };
  const isForm = typeof FormData !== "undefined" && opts.body instanceof FormData;
  if (opts.body !== undefined && !isForm) headers["content-type"] = "application/json";
  const sent = opts.anonymous ? null : readSession();
  if (sent) headers.authorization = `Bearer ${sent.token}`;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method: opts.method ?? "GET",
      headers,
      body: opts.body === undefined ? undefined : isForm ? (opts.body as FormData) : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError(0, "network", NETWORK_MSG);
  }
  // Only a 401 for the current token ends the session: a late answer to a request sent with an older token
  // (before the person signed in again) must not sign them out a second time.
  if (res.status === 401 && !opts.anonymous && readSession()?.token === sent?.token) {
    clearSession();
    for (const fn of unauthorizedListeners) fn();
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return { data: undefined as T, headers: res.headers, status: res.status };
  const type = res.headers.get("content-type") ?? "";
  const data = (type.includes("json") ? await res.json() : await res.text()) as T;
  return { data, headers: res.headers, status: res.status };
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: Partial<ErrorBody> | null;
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    body = null;
  }
  const e = body?.error;
  if (e?.message && typeof e.message === "object") {
    return new ApiError(res.status, e.code, e.message, { issues: e.issues, field: e.field });
  }
  return new ApiError(res.status, "http_" + res.status, {
    vi: `Máy chủ trả lỗi ${res.status}.`,
    en: `The server answered ${res.status}.`,
  });
}

/** The message of any error in the current language. */
export function errorText(e: unknown, lang: Lang = currentLang()): string {
  if (e instanceof ApiError) return e.msg[lang];
  if (e && typeof e === "object" && "msg" in e && (e as { msg?: Message }).msg) return (e as { msg: Message }).msg[lang];
  if (e instanceof Error) return e.message;
  return String(e);
}

export function getLanguage(): Lang {
  return currentLang();
}

// Refine shows HttpError.message in notifications: make it follow the language at the time it is read.
Object.defineProperty(ApiError.prototype, "message", {
  get(this: ApiError) {
    return this.msg ? this.msg[currentLang()] : "";
  },
  set() {},
  configurable: true,
});
