import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { formatDate } from "@sohoa/core";
import type { Receipt } from "@sohoa/contract";
import type { Tr } from "../tr";

export function ReceiptCard({ receipt, tr }: { receipt: Receipt; tr: Tr }) {
  return (
    <MessageBar layout="multiline" intent="success" data-testid="receipt">
      <MessageBarBody>
        <MessageBarTitle>{tr("receipt.title")}</MessageBarTitle>
        {tr("receipt.body", { id: receipt.id, date: formatDate(receipt.reportDate), rows: receipt.accepted.rows, units: receipt.accepted.units, at: new Date(receipt.submittedAt).toLocaleString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh" }) })}
        {receipt.replayed ? ` ${tr("receipt.replayed")}` : ""}
      </MessageBarBody>
    </MessageBar>
  );
}
