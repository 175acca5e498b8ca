/** Lower-case, diacritics-free, single-spaced text for diacritics-insensitive search ("Xã Zà Hung" → "xa za hung"). */
export function searchText(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function dateOnly(iso: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`not a yyyy-mm-dd date: ${iso}`);
  return new Date(`${iso}T00:00:00Z`);
}
