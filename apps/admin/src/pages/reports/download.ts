/**
 * Downloads a file from the API (a report as .xlsx / PDF) with the session's token and saves it under the
 * name the server gives in Content-Disposition. Errors become the API's own (bilingual) errors; a 401 goes
 * through `request` so the session ends the usual way.
 */
import { ApiError, buildUrl, request, type RequestOptions } from "../../providers/api-client";
import { readSession } from "../../providers/session";

export async function downloadFile(path: string, query: RequestOptions["query"], fallbackName: string): Promise<string> {
  const token = readSession()?.token;
  const res = await fetch(buildUrl(path, query), { headers: token ? { authorization: `Bearer ${token}` } : {} }).catch(() => null);
  if (!res || !res.ok) {
    // Let the shared client produce the error (and handle a 401) from the same request.
    await request(path, { query });
    throw new ApiError(res?.status ?? 0, "download", { vi: "Không tải được tệp.", en: "The file could not be downloaded." });
  }
  const name = /filename="?([^";]+)"?/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
