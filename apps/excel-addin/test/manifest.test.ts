import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parseStringPromise } from "xml2js";
import { config, jsonManifest, taskpaneUrl } from "../manifest.config";
import { writeManifests } from "../scripts/manifest";

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const cli = path.join(path.dirname(require.resolve("office-addin-manifest/package.json")), "cli.js");
const out = mkdtempSync(path.join(tmpdir(), "sohoa-manifest-"));
const files = writeManifests(out);

describe("manifests from one configuration", () => {
  for (const target of ["dev", "prod"] as const) {
    it(`the ${target} JSON (unified) manifest passes office-addin-manifest validate, offline`, async () => {
      const file = path.join(out, target, "manifest.json");
      const { stderr } = await run(process.execPath, [cli, "validate", file], { timeout: 120_000 });
      expect(stderr).not.toMatch(/error/i);
      const m = JSON.parse(readFileSync(file, "utf8")) as ReturnType<typeof jsonManifest> & { extensions: { runtimes: { code: { page: string } }[] }[] };
      expect(m.extensions[0]!.runtimes[0]!.code.page).toBe(taskpaneUrl(target));
    }, 180_000);
  }

  it("the validator does catch a broken JSON manifest (so the check above can fail)", async () => {
    const bad = { ...jsonManifest("dev"), version: 12 };
    const file = path.join(out, "bad.json");
    writeFileSync(file, JSON.stringify(bad));
    await expect(run(process.execPath, [cli, "validate", file], { timeout: 120_000 })).rejects.toBeTruthy();
  }, 180_000);

  for (const target of ["dev", "prod"] as const) {
    it(`the ${target} XML manifest has the required elements and a ribbon button that opens the task pane`, async () => {
      const xml = readFileSync(path.join(out, target, "manifest.xml"), "utf8");
      const doc = (await parseStringPromise(xml)) as { OfficeApp: Record<string, any> };
      const app = doc.OfficeApp;
      expect(app.$["xsi:type"]).toBe("TaskPaneApp");
      expect(app.Id[0]).toBe(config.id);
      expect(app.Version[0]).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(app.ProviderName[0]).toBe("Sohoa");
      expect(app.DefaultLocale[0]).toBe("vi-VN");
      expect(app.DisplayName[0].$.DefaultValue).toBe(config.name.vi);
      expect(app.Hosts[0].Host[0].$.Name).toBe("Workbook");
      expect(app.DefaultSettings[0].SourceLocation[0].$.DefaultValue).toBe(taskpaneUrl(target));
      expect(app.Permissions[0]).toBe("ReadWriteDocument");
      expect(app.Requirements[0].Sets[0].Set[0].$).toEqual({ Name: "ExcelApi", MinVersion: "1.1" });
      // element order matters to the XML schema
      expect(Object.keys(app).filter((k) => k !== "$")).toEqual(["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides"]);
      const vo = app.VersionOverrides[0];
      expect(vo.$["xsi:type"]).toBe("VersionOverridesV1_0");
      const host = vo.Hosts[0].Host[0];
      expect(host.$["xsi:type"]).toBe("Workbook");
      const ext = host.DesktopFormFactor[0].ExtensionPoint[0];
      expect(ext.$["xsi:type"]).toBe("PrimaryCommandSurface");
      const control = ext.OfficeTab[0].Group[0].Control[0];
      expect(control.$["xsi:type"]).toBe("Button");
      const action = control.Action[0];
      expect(action.$["xsi:type"]).toBe("ShowTaskpane");
      const resid = action.SourceLocation[0].$.resid;
      const urls = vo.Resources[0]["bt:Urls"][0]["bt:Url"] as { $: { id: string; DefaultValue: string } }[];
      expect(urls.find((u) => u.$.id === resid)?.$.DefaultValue).toBe(taskpaneUrl(target));
      // every resid used is defined
      const defined = new Set<string>();
      for (const kind of ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"]) for (const group of vo.Resources[0][kind]) for (const item of Object.values(group).flat() as { $: { id: string } }[]) defined.add(item.$.id);
      for (const m of xml.matchAll(/resid="([^"]+)"/g)) expect(defined.has(m[1]!), m[1]).toBe(true);
    });
  }

  it("writes both targets", () => {
    expect(files.map((f) => path.relative(out, f))).toEqual(["dev/manifest.xml", "dev/manifest.json", "prod/manifest.xml", "prod/manifest.json"]);
  });
});
