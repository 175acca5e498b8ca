import { searchText } from "@sohoa/core";

/** Diacritics-insensitive matching for searches ("za hung" finds "Xã Zà Hung"): core's one folding. */
export const foldVietnamese = searchText;

/** True when every word of the query appears in the text, ignoring case, accents and spacing. */
export function matchesQuery(text: string, query: string): boolean {
  const q = foldVietnamese(query);
  if (!q) return true;
  const t = foldVietnamese(text);
  return q.split(" ").every((w) => t.includes(w));
}
