/**
 * Where the credentials live, and for how long. A session token (from signing in) stays in sessionStorage,
 * i.e. for this task pane's lifetime, and is dropped once past its expiry; a pasted API token is long-lived,
 * so it is kept in memory only and never written anywhere.
 */
import type { LoginResult } from "@sohoa/contract";

const KEY = "sohoa.session";

/** A sign-in's answer, or a pasted personal token (whose expiry the pane does not know). */
export interface Session extends Omit<LoginResult, "expiresAt"> {
  expiresAt: string | null;
  kind: "session" | "token";
}

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

export function loadSession(now: Date): Session | null {
  const raw = storage()?.getItem(KEY);
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as Session;
    if (!s.token || (s.expiresAt && Date.parse(s.expiresAt) <= now.getTime())) {
      storage()?.removeItem(KEY);
      return null;
    }
    return { ...s, kind: "session" };
  } catch {
    storage()?.removeItem(KEY);
    return null;
  }
}

export function saveSession(s: Session): void {
  if (s.kind === "session") storage()?.setItem(KEY, JSON.stringify({ token: s.token, expiresAt: s.expiresAt, user: s.user }));
  else storage()?.removeItem(KEY);
}

export function forgetSession(): void {
  storage()?.removeItem(KEY);
}
