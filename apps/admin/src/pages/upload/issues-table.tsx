/** The upload's problems as a list; a row with a cell brings that cell into view in the preview. */
import { useTranslate } from "@refinedev/core";
import { Table, Tag } from "antd";
import type { ValidationIssue } from "@sohoa/contract";

export function IssuesTable({ issues, lang, onPick }: { issues: ValidationIssue[]; lang: "vi" | "en"; onPick: (i: ValidationIssue) => void }) {
  const t = useTranslate();
  return (
    <Table<ValidationIssue>
      size="small" rowKey={(i) => `${i.code}:${i.sheet ?? ""}:${i.cell ?? ""}:${issues.indexOf(i)}`} dataSource={issues} pagination={{ pageSize: 8, size: "small" }} data-testid="issues-table"
      onRow={(i) => (i.cell ? { onClick: () => onPick(i), style: { cursor: "pointer" } } : {})}
      columns={[
        { title: t("upload.severity"), dataIndex: "severity", width: 100, render: (v: string) => <Tag color={v === "error" ? "red" : "gold"}>{t(`upload.${v}`)}</Tag> },
        { title: t("upload.sheet"), dataIndex: "sheet", width: 140 },
        { title: t("upload.cell"), dataIndex: "cell", width: 70 },
        { title: t("upload.message"), key: "m", render: (_: unknown, i) => i.message[lang] },
      ]}
    />
  );
}
