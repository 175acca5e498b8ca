import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@sohoa/db";
import { safeXlsxFilename } from "../../lib/xlsx-write";
import { body, type Client, type DemoUser, setup, unitId } from "./test-kit";

let db: Database;
let as: Record<DemoUser, Client>;
beforeAll(async () => {
  ({ db, as } = await setup());
}, 300_000);
afterAll(async () => {
  await db?.close();
});

describe("submissions (read side)", () => {
  it("lists the inbox of the caller's scope with filters and a total", async () => {
    const za = await unitId(db, "20491");
    const res = await as.donggiang.get(`/api/submissions?unitId=${za}&status=ACCEPTED&_end=5`);
    expect(res.status).toBe(200);
    const rows = await body<any[]>(res);
    const total = Number(res.headers.get("x-total-count"));
    expect(total).toBe(await db.prisma.submission.count({ where: { unitId: za, status: "ACCEPTED" } }));
    expect(rows.length).toBe(Math.min(5, total));
    expect(rows.every((r) => r.unit.id === za && r.status === "ACCEPTED")).toBe(true);
    const day = await body<any[]>(await as.donggiang.get(`/api/submissions?reportDate=2025-02-18&_end=1000`));
    expect(day.every((r) => r.reportDate === "2025-02-18")).toBe(true);
    expect((await as.donggiang.get("/api/submissions?status=MAYBE")).status).toBe(400);
  });

  it("shows a submission with its issues, grid, snapshots and the other versions; streams the original file", async () => {
    const za = await unitId(db, "20491");
    const kind = await db.prisma.registerKind.findFirstOrThrow({ orderBy: { sortOrder: "asc" } });
    const phase = await db.prisma.bookPhase.findFirstOrThrow({ orderBy: { sortOrder: "asc" } });
    const zahung = await db.prisma.user.findFirstOrThrow({ where: { username: "zahung" } });
    const file = await db.prisma.storedFile.create({ data: { filename: "Báo cáo Zà Hung.xlsx", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", size: 4, sha256: "x", data: Buffer.from("PK\u0003\u0004") } });
    const reportDate = new Date("2025-02-19T00:00:00Z");
    const first = await db.prisma.submission.create({ data: { unitId: za, reportDate, source: "UPLOAD", status: "ACCEPTED", checksum: "a", submittedById: zahung.id, rowCount: 1, grid: { sheets: [] }, issues: [] } });
    const second = await db.prisma.submission.create({
      data: { unitId: za, reportDate, source: "UPLOAD", status: "ACCEPTED", checksum: "b", submittedById: zahung.id, rowCount: 1, isCorrection: true, correctionReason: "Sửa số khai sinh", fileId: file.id, grid: { sheets: [{ name: "Sheet1" }] }, issues: [{ code: "jump", severity: "warning", message: { vi: "Tăng đột biến", en: "Jump" }, sheet: "Sheet1", cell: "D5" }] },
    });
    await db.prisma.progressSnapshot.create({ data: { unitId: za, registerKindId: kind.id, phaseId: phase.id, reportDate, version: 99, submissionId: second.id, booksTotal: 10, booksDigitized: 1, entriesTotal: 1000, entriesDigitized: 120, entriesChecked: 0, entriesLoaded: 0, source: "UPLOAD", checksum: "b" } });

    const res = await as.donggiang.get(`/api/submissions/${second.id}`);
    expect(res.status).toBe(200);
    const s = await body(res);
    expect(s).toMatchObject({ id: second.id, isCorrection: true, correctionReason: "Sửa số khai sinh", hasFile: true, submittedBy: "zahung", grid: { sheets: [{ name: "Sheet1" }] } });
    expect(s.issues[0]).toMatchObject({ code: "jump", cell: "D5" });
    expect(s.figures).toEqual([expect.objectContaining({ version: 99, entriesDigitized: 120, registerKind: expect.objectContaining({ code: kind.code }) })]);
    expect(s.versions.map((v: any) => v.id)).toEqual([first.id, second.id]);

    const f = await as.zahung.get(`/api/submissions/${second.id}/file`);
    expect(f.status).toBe(200);
    expect(f.headers.get("content-disposition")).toContain(encodeURIComponent("Báo cáo Zà Hung.xlsx"));
    expect(Buffer.from(await f.arrayBuffer()).subarray(0, 2).toString()).toBe("PK");
    expect((await as.zahung.get(`/api/submissions/${first.id}/file`)).status).toBe(404); // no file stored

    // outside the scope: neither the submission nor its file
    const sibling = (await db.prisma.unit.findFirstOrThrow({ where: { parentId: await unitId(db, "505"), code: { not: "20491" } } })).id;
    const other = await db.prisma.submission.create({ data: { unitId: sibling, reportDate, source: "UPLOAD", status: "ACCEPTED", checksum: "c", fileId: (await db.prisma.storedFile.create({ data: { filename: "x.xlsx", contentType: "application/octet-stream", size: 1, sha256: "y", data: Buffer.from("x") } })).id } });
    expect((await as.zahung.get(`/api/submissions/${other.id}`)).status).toBe(404);
    expect((await as.zahung.get(`/api/submissions/${other.id}/file`)).status).toBe(404);
    expect((await as.donggiang.get(`/api/submissions/${other.id}/file`)).status).toBe(200);
  });

  it("serves a stored original as .xlsx under a sanitized name, whatever the client declared", async () => {
    const za = await unitId(db, "20491");
    const file = await db.prisma.storedFile.create({ data: { filename: "<img src=x onerror=alert(1)>.html", contentType: "text/html", size: 4, sha256: "h", data: Buffer.from("PK\u0003\u0004") } });
    const sub = await db.prisma.submission.create({ data: { unitId: za, reportDate: new Date("2025-02-17T00:00:00Z"), source: "UPLOAD", status: "ACCEPTED", checksum: "h", fileId: file.id } });
    const f = await as.zahung.get(`/api/submissions/${sub.id}/file`);
    expect(f.status).toBe(200);
    expect(f.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const disposition = f.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^attachment; filename="[A-Za-z0-9 ._()-]+\.xlsx"/);
    expect(disposition).not.toMatch(/[<>]|\.html/);
    expect(safeXlsxFilename("../../etc/passwd")).toBe("passwd.xlsx");
    expect(safeXlsxFilename("Báo cáo Zà Hung.xlsx")).toBe("Báo cáo Zà Hung.xlsx");
    expect(safeXlsxFilename('"\r\n')).toBe("sohoa.xlsx");
  });
});
