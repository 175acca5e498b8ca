/** The only place the server reads process.env. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isIP } from "node:net";
import { z } from "zod";

/** Default embedded database: <repository>/data/pglite, wherever the process was started from. */
export const DEFAULT_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../data/pglite");

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: z.string().optional(),
  SOHOA_DATA_DIR: z.string().default(DEFAULT_DATA_DIR),
  /** Comma-separated origins allowed by CORS (console, add-in). */
  SOHOA_CORS_ORIGINS: z.string().default("http://localhost:5173,https://localhost:3001,http://localhost:4173"),
  /** Load the Quảng Nam demo when the database is empty. */
  SOHOA_DEMO: z.enum(["auto", "off"]).default("auto"),
  SOHOA_SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  SOHOA_LOG: z.enum(["json", "pretty", "silent"]).default("pretty"),
  SOHOA_SMTP_URL: z.string().optional(),
  SOHOA_WEBHOOK_URL: z.string().optional(),
  /** Sender of reminder emails (with SOHOA_SMTP_URL). */
  SOHOA_MAIL_FROM: z.string().default("Sohoa <sohoa@localhost>"),
  /**
   * Server processes sharing the port (PostgreSQL only: PGlite is embedded in one process). "auto" = one per CPU.
   * Receiving sheets is CPU-bound in the server; a second process uses the second core.
   */
  SOHOA_WORKERS: z.union([z.literal("auto"), z.coerce.number().int().min(1).max(64)]).default(1),
  /**
   * Comma-separated addresses of the reverse proxies in front of the server: only their X-Forwarded-For is
   * believed (client address for sign-in limits and the audit trail). Empty: the socket's address is used.
   */
  SOHOA_TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((s) => s.split(",").map((a) => a.trim()).filter(Boolean))
    .refine((list) => list.every((a) => isIP(a) !== 0), { message: "SOHOA_TRUSTED_PROXIES: địa chỉ IP cách nhau bởi dấu phẩy / comma-separated IP addresses" }),
  /** The in-process scheduler (reports at each cut-off, reminders before it). */
  SOHOA_SCHEDULER: z.enum(["on", "off"]).default("on"),
});

export type Env = z.infer<typeof schema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  return schema.parse(source);
}
