import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import type { QueuedSubmission } from "../queue";
import { stack } from "../layout";
import type { Tr } from "../tr";

const at = (iso: string) => new Date(iso).toLocaleString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh" });

/** "Chưa gửi (n)": the reports waiting for the network, each with when it was first sent. */
export function OutboxList({ items, tr, busy, onResend, onDiscard }: { items: QueuedSubmission[]; tr: Tr; busy: boolean; onResend: () => void; onDiscard: (key: string) => void }) {
  if (!items.length) return null;
  return (
    <MessageBar layout="multiline" intent="warning" data-testid="outbox">
      <MessageBarBody>
        <MessageBarTitle data-testid="outbox-title">{tr("outbox.title", { n: items.length })}</MessageBarTitle>
        <div style={stack(2)}>
          <Text size={200}>{tr("outbox.note")}</Text>
          {items.map((q) => (
            <div key={q.key} data-testid="outbox-item" style={{ display: "flex", gap: 6, alignItems: "center", flexWrap: "wrap" }}>
              <Text size={200}>{tr("outbox.item", { unit: q.unitCode, at: at(q.queuedAt) })}</Text>
              <Button size="small" appearance="transparent" data-testid="outbox-discard" disabled={busy} onClick={() => window.confirm(tr("outbox.discardConfirm")) && onDiscard(q.key)}>{tr("outbox.discard")}</Button>
            </div>
          ))}
        </div>
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" data-testid="retry" disabled={busy} onClick={onResend}>{tr("submit.retry")}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
