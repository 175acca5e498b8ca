/**
 * The OpenAPI document as clients need it: every operation with a stable operationId (generated clients name
 * their methods by it), its security said even when none (`security: []`), the servers and the licence. Derived
 * from the routes in one place, so a new route cannot forget them.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context";

const METHODS = ["get", "put", "post", "delete", "patch"] as const;

/** "get /api/units/{code}/progress" → "getUnitsByCodeProgress". */
export function operationIdOf(method: string, path: string): string {
  const parts = path.replace(/^\/api\//, "").split("/").filter(Boolean);
  const words = parts.map((p) => {
    const param = /^\{(.+)\}$/.exec(p);
    const w = (param ? `by-${param[1]}` : p).replace(/\.(\w+)$/, "-$1");
    return w.split(/[^A-Za-z0-9]+/).filter(Boolean).map((x) => x[0]!.toUpperCase() + x.slice(1)).join("");
  });
  return method + words.join("");
}

type Operation = { operationId?: string; security?: unknown[] };

export function openApiDocument(app: OpenAPIHono<AppEnv>, version: string) {
  const doc = app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Sohoa API", version,
      description: "Số hóa sổ hộ tịch — theo dõi tiến độ / Civil-status register digitization progress",
      license: { name: "Proprietary — Sohoa", url: "https://sohoa.vn/license" },
    },
    servers: [{ url: "/", description: "this server" }],
  });
  const seen = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const m of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[m];
      if (!op) continue;
      let id = op.operationId ?? operationIdOf(m, path);
      while (seen.has(id)) id += "Again";
      seen.add(id);
      op.operationId = id;
      op.security ??= []; // a route without a bearer requirement is public: say so
    }
  }
  return doc;
}
