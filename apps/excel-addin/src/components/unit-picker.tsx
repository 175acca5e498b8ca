import { Button, Caption1, Select, Text } from "@fluentui/react-components";
import type { UnitRow, UnitSummary } from "@sohoa/contract";
import { row, shrink, stack } from "../layout";
import type { Tr } from "../tr";

export function UnitPicker({ tr, path, children, onPick, onUp }: { tr: Tr; path: UnitSummary[]; children: UnitRow[]; onPick: (u: UnitSummary) => void; onUp: () => void }) {
  const unit = path[path.length - 1]!;
  return (
    <section aria-label={tr("unit.label")} style={stack(4)}>
      <Caption1>{tr("unit.label")}</Caption1>
      <Text weight="semibold" data-testid="unit-name">{unit.fullName} ({unit.code})</Text>
      <div style={row}>
        {path.length > 1 && <Button size="small" data-testid="unit-up" onClick={onUp}>{tr("unit.up")}</Button>}
        {children.length > 0 && (
          <Select
            data-testid="unit-select"
            style={shrink}
            value=""
            onChange={(_, d) => {
              const u = children.find((c) => c.id === d.value);
              if (u) onPick(u);
            }}
          >
            <option value="">{tr("unit.choose")}</option>
            {children.map((c) => (
              <option key={c.id} value={c.id}>{c.fullName} ({c.code})</option>
            ))}
          </Select>
        )}
      </div>
    </section>
  );
}
