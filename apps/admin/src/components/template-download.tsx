/** "Tải mẫu": the unit's commune or roll-up template as .xlsx, pre-filled with its rows and last figures. */
import { useState } from "react";
import { useCan, useGetLocale, useTranslate } from "@refinedev/core";
import { App, Button, Space, Typography } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import { downloadFile } from "../pages/reports/download";
import { errorText } from "../providers/api-client";

export function TemplateDownload({ unitCode, level, date, label = true }: { unitCode: string | undefined; level?: string | undefined; date?: string | undefined; label?: boolean }) {
  const t = useTranslate();
  const locale = useGetLocale()() === "en" ? "en" : "vi";
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  // a template is for those who send reports (a viewer has no use for it)
  const { data: canUpload } = useCan({ resource: "upload", action: "list" });
  // a commune reports its register kinds × phases; a unit above it rolls up its units (or its own rows)
  const kinds: ("commune" | "rollup")[] = level === "COMMUNE" || level === "AGENCY" ? ["commune"] : ["rollup", "commune"];
  const get = async (kind: "commune" | "rollup") => {
    if (!unitCode) return;
    setBusy(kind);
    try {
      await downloadFile(`/units/${encodeURIComponent(unitCode)}/template.xlsx`, { kind, date, locale }, `sohoa-mau-${unitCode}.xlsx`);
    } catch (e) {
      void message.error(t("uploadHelp.templateFailed", { message: errorText(e) }));
    } finally {
      setBusy(null);
    }
  };
  if (!canUpload?.can) return null;
  return (
    <Space wrap size={6} data-testid="template-download">
      {label && <Typography.Text type="secondary">{t("uploadHelp.noTemplate")}</Typography.Text>}
      {kinds.map((k) => (
        <Button key={k} size="small" icon={<DownloadOutlined />} disabled={!unitCode} loading={busy === k} onClick={() => void get(k)} data-testid={`template-${k}`}>{t(`uploadHelp.${k}`)}</Button>
      ))}
    </Space>
  );
}
