/**
 * Diacritics-insensitive matching for searches: "za hung" finds "Xã Zà Hung", "dong giang" finds "Đông Giang".
 * đ/Đ do not decompose under NFD, so they are mapped by hand.
 */
export function foldVietnamese(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** True when every word of the query appears in the text, ignoring case, accents and spacing. */
export function matchesQuery(text: string, query: string): boolean {
  const q = foldVietnamese(query);
  if (!q) return true;
  const t = foldVietnamese(text);
  return q.split(" ").every((w) => t.includes(w));
}
