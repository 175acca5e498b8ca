/**
 * Drafts of forms in sessionStorage: whatever a person types survives a 401 (the session expired, they sign
 * in again and come back) or a reload. Cleared when the form is saved.
 */
const PREFIX = "sohoa.draft.";

export function draftKey(...parts: (string | number | undefined)[]): string {
  return PREFIX + parts.filter((p) => p !== undefined && p !== "").join(":");
}

export function saveDraft(key: string, values: unknown, storage: Storage = sessionStorage): void {
  try {
    storage.setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), values }));
  } catch {
    // Storage full or disabled: the form still works, only the draft safety net is lost. Nothing to show.
  }
}

export function loadDraft<T>(key: string, storage: Storage = sessionStorage): T | null {
  const raw = storage.getItem(key);
  if (!raw) return null;
  try {
    return (JSON.parse(raw) as { values: T }).values ?? null;
  } catch {
    storage.removeItem(key);
    return null;
  }
}

export function clearDraft(key: string, storage: Storage = sessionStorage): void {
  storage.removeItem(key);
}
