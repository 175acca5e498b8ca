/** Refine auth provider over /api/auth/*. Refine's login/logout hooks follow the redirectTo we return. */
import type { AuthProvider } from "@refinedev/core";
import type { LoginResult, User } from "@sohoa/contract";
import { ApiError, request } from "./api-client";
import { clearSession, isExpired, readSession, writeSession } from "./session";
import { loginPath } from "./login-path";

export function createAuthProvider(clock: () => Date = () => new Date()): AuthProvider {
  return {
    login: async ({ username, password }: { username: string; password: string }) => {
      try {
        const { data } = await request<LoginResult>("/auth/login", { method: "POST", body: { username, password }, anonymous: true });
        writeSession({ token: data.token, expiresAt: data.expiresAt, user: data.user });
        // Refine reads `to` from the URL itself when redirectTo is absent; "/" otherwise.
        return { success: true };
      } catch (e) {
        return { success: false, error: e instanceof ApiError ? e : new Error(String(e)) };
      }
    },
    logout: async () => {
      if (readSession()) {
        // A failed logout call must not keep the person signed in locally.
        await request("/auth/logout", { method: "POST" }).catch(() => undefined);
      }
      clearSession();
      return { success: true, redirectTo: "/login" };
    },
    check: async () => {
      const s = readSession();
      if (!s || isExpired(s, clock())) {
        clearSession();
        return { authenticated: false, redirectTo: "/login", logout: true };
      }
      return { authenticated: true };
    },
    onError: async (error: unknown) => {
      const status = (error as { statusCode?: number } | null)?.statusCode;
      // The session is already cleared by the api client; no logout call (it would lose `to`).
      // A session present now means the 401 answered an older token and the person has signed in again since.
      if (status === 401 && !readSession()) return { redirectTo: loginPath(globalThis.location ?? { pathname: "/", search: "" }) };
      return {};
    },
    getIdentity: async (): Promise<User | null> => readSession()?.user ?? null,
    getPermissions: async () => readSession()?.user.role ?? null,
  };
}
