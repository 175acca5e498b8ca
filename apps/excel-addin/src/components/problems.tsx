import { useMemo } from "react";
import { Badge, Link, Text } from "@fluentui/react-components";
import type { Locale, ValidationIssue } from "@sohoa/core";
import { translate } from "../i18n";
import { stack } from "../layout";
import type { Tr } from "../tr";

export function Problems({ issues, locale, tr, onGo }: { issues: { sheet: string; list: ValidationIssue[] }; locale: Locale; tr: Tr; onGo: (sheet: string, cell: string) => void }) {
  const groups = useMemo(() => (["error", "warning"] as const).map((sev) => ({ sev, list: issues.list.filter((i) => i.severity === sev) })).filter((g) => g.list.length), [issues]);
  const errors = issues.list.filter((i) => i.severity === "error").length;
  return (
    <section aria-label="problems" data-testid="problems" style={stack(6)}>
      <Text weight="semibold" data-testid="problem-summary">{translate("validation.summary", locale, { errors, warnings: issues.list.length - errors })}</Text>
      {groups.map((g) => (
        <div key={g.sev} data-testid={`problems-${g.sev}`} style={stack(4)}>
          <Badge appearance="filled" color={g.sev === "error" ? "danger" : "warning"}>{translate(`severity.${g.sev}`, locale)} ({g.list.length})</Badge>
          <ul style={{ margin: 0, paddingLeft: 16, maxHeight: 320, overflowY: "auto" }}>
            {g.list.slice(0, 500).map((i, n) => (
              <li key={n} style={{ marginBottom: 4 }}>
                {i.cell ? (
                  <Link as="button" data-testid="problem-link" data-cell={i.cell} title={translate("validation.goTo", locale, { cell: i.cell })} onClick={() => onGo(i.sheet || issues.sheet, i.cell!)}>{i.cell}</Link>
                ) : (
                  <Text size={200}>{tr("validate.sheetLevel")}</Text>
                )}{" "}
                <Text size={200}>{i.message[locale]}</Text>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
