/** "/login?to=<where the person was>" so signing in again returns them to their page (and its draft). */
export function loginPath(current: { pathname: string; search: string }): string {
  if (current.pathname.startsWith("/login")) return current.pathname + current.search;
  const to = current.pathname + current.search;
  return to === "/" ? "/login?expired=1" : `/login?expired=1&to=${encodeURIComponent(to)}`;
}
