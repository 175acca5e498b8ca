import { useSelect } from "@refinedev/antd";
import { Select, type SelectProps } from "antd";
import type { UnitSummary } from "@sohoa/contract";

/** Unit picker searching the server (`q` is diacritics-insensitive there). Value = unit id. */
export function UnitSelect({ filters, value, onChange, valueField = "id", ...rest }: { filters?: { field: string; operator: "eq"; value: string }[]; valueField?: "id" | "code" } & Omit<SelectProps, "options">) {
  const { selectProps } = useSelect<UnitSummary>({
    resource: "units",
    optionLabel: (u) => `${u.name} (${u.code})`,
    optionValue: valueField,
    onSearch: (v) => [{ field: "q", operator: "contains", value: v }],
    filters,
    defaultValue: typeof value === "string" ? value : undefined,
    pagination: { pageSize: 30 },
    debounce: 300,
  });
  return <Select {...selectProps} {...rest} value={value} onChange={onChange} showSearch filterOption={false} allowClear />;
}
