/** Loads the task pane on the in-memory Excel double (?api=1.1 by default: Excel 2016 perpetual). */
import { ExcelDouble } from "../../src/testing/excel-double";

const api = new URLSearchParams(location.search).get("api") ?? "1.1";
const host = new ExcelDouble({ apiVersion: api });
host.install(window as unknown as Record<string, unknown>);
(window as unknown as { __host: ExcelDouble }).__host = host;
await import("../../src/main");
