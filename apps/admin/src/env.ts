/**
 * The console's only configuration. It always talks to the API on its own origin under /api (the Vite dev
 * server and the e2e/bench servers proxy it; in production the Sohoa server serves dist/ itself).
 */
export const env = {
  apiBase: "/api",
} as const;
