import { useList, useTranslate } from "@refinedev/core";
import { useSelect } from "@refinedev/antd";
import { Select, type SelectProps } from "antd";
import type { UnitSummary } from "@sohoa/contract";

/**
 * A unit picker whose value is the unit's code (what report and compliance URLs carry), searching the units
 * valid on `date` (a report's date may lie before the 2025 reorganization). The chosen unit's name is shown
 * even when it is not among the options loaded so far.
 */
export function UnitCodeSelect({ value, onChange, date, ...rest }: { value?: string; onChange?: (code: string | undefined) => void; date?: string } & Omit<SelectProps, "options" | "value" | "onChange">) {
  const t = useTranslate();
  const dateFilter = date ? [{ field: "date", operator: "eq" as const, value: date }] : [];
  const { selectProps } = useSelect<UnitSummary>({
    resource: "units",
    optionLabel: (u) => `${u.name} (${u.code})`,
    optionValue: "code",
    onSearch: (v) => [{ field: "q", operator: "contains", value: v }],
    filters: dateFilter,
    pagination: { pageSize: 30 },
    debounce: 300,
  });
  const current = useList<UnitSummary>({ resource: "units", filters: [{ field: "code", operator: "eq", value }, ...dateFilter], pagination: { pageSize: 1 }, queryOptions: { enabled: Boolean(value) }, errorNotification: false });
  const cur = current.result.data?.find((u) => u.code === value);
  const options = [...(selectProps.options ?? [])];
  if (cur && !options.some((o) => o.value === cur.code)) options.unshift({ label: `${cur.name} (${cur.code})`, value: cur.code });
  // a code that names no unit (closed by the reform, out of scope) is said so, not shown as a bare "VN" / "49"
  else if (value && !cur && !current.query.isLoading && !options.some((o) => o.value === value)) options.unshift({ label: t("app.unitNotFound", { code: value }), value });
  return <Select {...selectProps} options={options} {...rest} value={value} onChange={(v) => onChange?.(v as unknown as string | undefined)} showSearch filterOption={false} />;
}
