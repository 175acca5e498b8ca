/**
 * The signed-in session: token + user, in localStorage so a second tab stays signed in. A 401 anywhere
 * clears it (see api-client) and the auth provider then sends the person to sign-in with the page to return to.
 */
import type { User } from "@sohoa/contract";

const KEY = "sohoa.session";

export interface Session { token: string; expiresAt: string; user: User }

export function readSession(storage: Storage = localStorage): Session | null {
  const raw = storage.getItem(KEY);
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as Session;
    if (!s.token || !s.user) return null;
    return s;
  } catch {
    storage.removeItem(KEY);
    return null;
  }
}

export function writeSession(s: Session, storage: Storage = localStorage): void {
  storage.setItem(KEY, JSON.stringify(s));
}

export function clearSession(storage: Storage = localStorage): void {
  storage.removeItem(KEY);
}

/** True when the session's own expiry has passed (the server is still the judge: it may revoke earlier). */
export function isExpired(s: Session, now: Date): boolean {
  const t = Date.parse(s.expiresAt);
  return Number.isFinite(t) && t <= now.getTime();
}
