/** The pane's wording helpers shared by its components. */
import type { Locale } from "@sohoa/core";
import { RequestFailed } from "./api";
import type { Key } from "./i18n";

export type Tr = (k: Key, p?: Record<string, string | number>) => string;

export function messageOf(e: unknown, locale: Locale, tr: Tr): string {
  if (e instanceof RequestFailed) return e.error.message[locale];
  return tr("error.generic", { message: e instanceof Error ? e.message : String(e) });
}
