/** The Sohoa API as the task pane uses it (same origin in dev through Vite's proxy). */
import type { Forecast, ProgressCounts } from "@sohoa/core";

export interface ApiError { code: string; message: { vi: string; en: string } }
export class RequestFailed extends Error {
  constructor(readonly status: number, readonly error: ApiError) {
    super(error.message.en);
  }
}

export interface SignedIn { token: string; expiresAt: string; user: { username: string; displayName: string; role: string; unit: { code: string; fullName: string } } }
export interface UnitProgress {
  code: string; fullName: string; counts: ProgressCounts; completion: number | null; rank: number | null; siblings: number;
  deadline: string | null; forecast: Forecast; target: { entriesTarget: number; achieved: number; percent: number | null } | null;
}

export function createClient(base = "", fetchImpl: typeof fetch = (...a) => fetch(...a)) {
  async function call<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
    let res: Response;
    try {
      res = await fetchImpl(`${base}${path}`, {
        ...init,
        headers: { "content-type": "application/json", ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...(init.headers ?? {}) },
      });
    } catch {
      throw new RequestFailed(0, { code: "network", message: { vi: "Không kết nối được máy chủ Sohoa. Kiểm tra mạng rồi thử lại.", en: "Cannot reach the Sohoa server. Check the network and retry." } });
    }
    const body = (await res.json().catch(() => null)) as ({ error?: ApiError } & T) | null;
    if (!res.ok) throw new RequestFailed(res.status, body?.error ?? { code: "http", message: { vi: `Lỗi máy chủ (${res.status}).`, en: `Server error (${res.status}).` } });
    return body as T;
  }
  return {
    login: (username: string, password: string) => call<SignedIn>("/api/auth/login", { method: "POST", body: JSON.stringify({ username, password }) }),
    me: (token: string) => call<{ user: SignedIn["user"] }>("/api/auth/me", { token }),
    logout: (token: string) => call<null>("/api/auth/logout", { method: "POST", token }).catch(() => null),
    progress: async (token: string, code: string) => (await call<{ unit: UnitProgress; date: string }>(`/api/units/${encodeURIComponent(code)}/progress`, { token })),
  };
}
