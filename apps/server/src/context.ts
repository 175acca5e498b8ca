import type { Database } from "@sohoa/db";
import type { Role, TokenScope } from "@sohoa/core";
import type { UnitSummary } from "@sohoa/contract";
import type { ThrottleLimits } from "./lib/throttle";

export interface AppConfig {
  corsOrigins: string[];
  sessionTtlHours: number;
  log: "json" | "pretty" | "silent";
  /** Max JSON body (bytes) and max upload (bytes). */
  maxJsonBytes: number;
  /** Any other request body (JSON forms of the console). */
  maxBodyBytes: number;
  maxUploadBytes: number;
  /** Max uncompressed xlsx size and grid dimensions (zip bombs). */
  maxXlsxUncompressedBytes: number;
  maxRows: number;
  maxColumns: number;
  /** Addresses of reverse proxies whose X-Forwarded-For is believed; nobody else's is. */
  trustedProxies: string[];
}

export interface Deps {
  db: Database;
  config: AppConfig;
  /** Injected clock: tests and the demo can pin "now". */
  clock: () => Date;
  /** Sign-in limits (tests shorten them). */
  throttle: ThrottleLimits;
}

// The unions come from core and the unit's shape from the contract, the one place each is written.
export type { Role, TokenScope, UnitLevel as Level } from "@sohoa/core";
export type { UnitSummary } from "@sohoa/contract";

export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  locale: string;
  unitId: string;
  unit: UnitSummary;
  via: "session" | "token";
  credentialId: string;
  /** A personal API token's scope; null for a session. */
  tokenScope: TokenScope | null;
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    requestId: string;
    user: AuthUser;
  };
}
