/** The Sohoa API as the task pane uses it (same origin in dev through Vite's proxy). */
import type { ApiError, BookPhase, LoginResult, ProgressView, Receipt, RegisterKind, SubmissionRequest, UnitRow, User } from "@sohoa/contract";

export class RequestFailed extends Error {
  constructor(readonly status: number, readonly error: ApiError) {
    super(error.message.en);
  }
  /** the network failed (no answer): nothing was recorded, retrying is safe */
  get offline(): boolean {
    return this.status === 0;
  }
}

const NETWORK: ApiError = { code: "network", message: { vi: "Không kết nối được máy chủ Sohoa. Kiểm tra mạng rồi thử lại.", en: "Cannot reach the Sohoa server. Check the network and retry." } };

export type Client = ReturnType<typeof createClient>;

export function createClient(base = "", fetchImpl: typeof fetch = (...a) => fetch(...a)) {
  async function call<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
    let res: Response;
    const { token, ...rest } = init;
    try {
      res = await fetchImpl(`${base}${path}`, {
        ...rest,
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...(rest.headers ?? {}) },
      });
    } catch {
      throw new RequestFailed(0, NETWORK);
    }
    if (res.status === 204) return null as T;
    const body = (await res.json().catch(() => null)) as ({ error?: ApiError } & T) | null;
    if (!res.ok) throw new RequestFailed(res.status, body?.error ?? { code: "http", message: { vi: `Lỗi máy chủ (${res.status}).`, en: `Server error (${res.status}).` } });
    return body as T;
  }
  const q = (o: Record<string, string | number | undefined>) => new URLSearchParams(Object.entries(o).filter((e): e is [string, string | number] => e[1] !== undefined).map(([k, v]) => [k, String(v)])).toString();
  return {
    login: (username: string, password: string) => call<LoginResult>("/api/auth/login", { method: "POST", body: JSON.stringify({ username, password }) }),
    me: (token: string) => call<{ user: User }>("/api/auth/me", { token }),
    logout: (token: string) => call<null>("/api/auth/logout", { method: "POST", token }),
    progress: (token: string, code: string, date?: string) => call<ProgressView>(`/api/units/${encodeURIComponent(code)}/progress${date ? `?${q({ date })}` : ""}`, { token }),
    units: (token: string, parentId: string) => call<UnitRow[]>(`/api/units?${q({ parentId, _start: 0, _end: 5000, _sort: "code", _order: "asc" })}`, { token }),
    registerKinds: (token: string) => call<RegisterKind[]>(`/api/register-kinds?${q({ active: "true", _start: 0, _end: 200 })}`, { token }),
    phases: (token: string) => call<BookPhase[]>("/api/book-phases", { token }),
    /** POST /api/submissions; the same key for a retry of the same body, so a lost answer never submits twice */
    submit: (token: string, body: SubmissionRequest, idempotencyKey: string) =>
      call<Receipt>("/api/submissions", { method: "POST", token, body: JSON.stringify(body), headers: { "idempotency-key": idempotencyKey } }),
  };
}

/** A random key for Idempotency-Key (crypto.randomUUID where the page is a secure context). */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === "function") return c.randomUUID();
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  return [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
}
