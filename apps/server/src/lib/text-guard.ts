/**
 * Text PostgreSQL cannot store is refused at the door with a 400 naming the field: NUL (error 22021 in a text
 * column), lone UTF-16 surrogates (22P05 in jsonb) and a JSON body that is not valid UTF-8 (which would otherwise be
 * read with replacement characters). One middleware covers the path, the query, JSON bodies and form fields of
 * every route, so no handler has to remember it.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../context";
import { ApiError } from "./errors";

// Without the u flag a pattern sees UTF-16 code units, so an unpaired surrogate can be matched.
// eslint-disable-next-line no-control-regex -- NUL is exactly what this refuses
const BAD = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** NUL or a lone surrogate in `s`. */
export const hasBadText = (s: string): boolean => BAD.test(s);

/** Dotted path of the first string (key or value) in `v` that has NUL or a lone surrogate; null when there is none. */
export function badTextPath(v: unknown, path: string[] = []): string | null {
  if (typeof v === "string") return hasBadText(v) ? path.join(".") : null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = badTextPath(v[i], [...path, String(i)]);
      if (p !== null) return p;
    }
    return null;
  }
  if (v && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) {
      if (hasBadText(k)) return [...path, k].join(".");
      const p = badTextPath(x, [...path, k]);
      if (p !== null) return p;
    }
  }
  return null;
}

export const badText = (field: string) =>
  new ApiError(400, "bad_request", {
    vi: `Trường "${field}" chứa ký tự không hợp lệ (ký tự NUL hoặc mã Unicode bị hỏng). Hãy xóa ký tự đó rồi gửi lại.`,
    en: `Field "${field}" contains a character that cannot be stored (NUL or a broken Unicode code point). Remove it and send again.`,
  }, { field });

export const badUtf8 = () =>
  new ApiError(400, "bad_request", {
    vi: "Dữ liệu gửi lên không phải văn bản UTF-8 hợp lệ. Hãy lưu lại với bảng mã UTF-8 rồi gửi lại.",
    en: "The request body is not valid UTF-8 text. Save it as UTF-8 and send again.",
  }, { field: "body" });

/** Bytes as UTF-8 text, refusing invalid sequences rather than replacing them (a leading BOM is dropped). */
export function strictUtf8(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw badUtf8();
  }
}

// The body validator turns any error of c.req.json() into "malformed JSON": the real one is kept here for onError.
const refused = new WeakMap<object, ApiError>();

/** The error a body check raised inside a validator for this request, if any. */
export function refusedBody(c: Context): ApiError | undefined {
  return refused.get(c.req);
}

const ESCAPES = /\\u(0000|d[89a-f])/i;

type Req = { bodyCache: { text?: Promise<string> }; arrayBuffer(): Promise<ArrayBuffer> };

export function textGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let path = c.req.path;
    try {
      path = decodeURIComponent(path);
    } catch {
      // not decodable: checked as it is
    }
    if (hasBadText(path)) throw badText("path");
    for (const [k, values] of Object.entries(c.req.queries())) {
      if (hasBadText(k) || values.some(hasBadText)) throw badText(k);
    }
    const req = c.req;
    const raw = c.req as unknown as Req;
    const fail = (err: ApiError) => {
      refused.set(c.req, err);
      return err;
    };
    req.json = async <T>() => {
      let text: string;
      try {
        text = raw.bodyCache.text ? await raw.bodyCache.text : strictUtf8(await raw.arrayBuffer());
      } catch (err) {
        throw err instanceof ApiError ? fail(err) : err;
      }
      raw.bodyCache.text = Promise.resolve(text);
      const value = JSON.parse(text) as T;
      // Valid UTF-8 holds no lone surrogate and JSON no raw NUL in a string: only \u escapes can make them.
      const field = ESCAPES.test(text) ? badTextPath(value) : null;
      if (field !== null) throw fail(badText(field));
      return value;
    };
    const parseBody = req.parseBody.bind(req);
    req.parseBody = (async (opts?: Parameters<typeof parseBody>[0]) => {
      const form = await parseBody(opts);
      for (const [k, v] of Object.entries(form)) {
        for (const x of Array.isArray(v) ? v : [v]) if (hasBadText(k) || (typeof x === "string" ? hasBadText(x) : x instanceof File && hasBadText(x.name))) throw badText(k);
      }
      return form;
    }) as typeof req.parseBody;
    await next();
  };
}
