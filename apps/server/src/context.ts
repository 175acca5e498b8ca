import type { Database } from "@sohoa/db";

export interface AppConfig {
  corsOrigins: string[];
  sessionTtlHours: number;
  log: "json" | "pretty" | "silent";
}

export interface Deps {
  db: Database;
  config: AppConfig;
  /** Injected clock: tests and the demo can pin "now". */
  clock: () => Date;
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    requestId: string;
  };
}
