/**
 * The outbox as the pane uses it: `submit` writes the body down and sends it; what could not be sent waits and
 * goes out again, under its first Idempotency-Key, when the network comes back ("online") or the pane opens.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { newIdempotencyKey, RequestFailed, type Client } from "./api";
import type { Receipt, SubmissionRequest } from "@sohoa/contract";
import { createOutbox, defaultStore, type Outbox, type QueuedSubmission } from "./queue";

export type SendOutcome =
  | { kind: "sent"; item: QueuedSubmission; body: SubmissionRequest; receipt: Receipt }
  /** no answer (or not signed in, or the server failing): it stays in the outbox */
  | { kind: "kept"; item: QueuedSubmission; body: SubmissionRequest; error: RequestFailed }
  /** the server answered with a refusal (422, 409…): nothing to resend, it leaves the outbox */
  | { kind: "refused"; item: QueuedSubmission; body: SubmissionRequest; error: unknown }
  | { kind: "busy"; item: QueuedSubmission };

/** Whether a failure leaves the report worth sending again as it is. */
function worthKeeping(e: unknown): e is RequestFailed {
  return e instanceof RequestFailed && (e.offline || e.status === 401 || e.status >= 500);
}

export function useOutbox(opts: { api: Client; token: string; username: string; now: () => Date; onOutcome: (o: SendOutcome, fromOutbox: boolean) => void; outbox?: Outbox }) {
  const { api, token, username, now } = opts;
  const outbox = useMemo(() => opts.outbox ?? createOutbox(defaultStore(), newIdempotencyKey), [opts.outbox]);
  const [items, setItems] = useState<QueuedSubmission[]>([]);
  // Keys being sent right now: the online event, the pane opening and a click never send one twice at once.
  const inFlight = useRef(new Set<string>());
  const onOutcome = useRef(opts.onOutcome);
  onOutcome.current = opts.onOutcome;

  const refresh = useCallback(async () => {
    const list = await outbox.list();
    setItems(list.filter((q) => q.username === username));
  }, [outbox, username]);

  const deliver = useCallback(
    async (item: QueuedSubmission): Promise<SendOutcome> => {
      if (inFlight.current.has(item.key)) return { kind: "busy", item };
      inFlight.current.add(item.key);
      const body = JSON.parse(item.body) as SubmissionRequest;
      try {
        const receipt = await api.submit(token, body, item.key);
        await outbox.remove(item.key);
        return { kind: "sent", item, body, receipt };
      } catch (e) {
        if (worthKeeping(e)) return { kind: "kept", item, body, error: e };
        await outbox.remove(item.key);
        return { kind: "refused", item, body, error: e };
      } finally {
        inFlight.current.delete(item.key);
        await refresh();
      }
    },
    [api, outbox, refresh, token],
  );

  const submit = useCallback(
    async (body: SubmissionRequest): Promise<SendOutcome> => {
      const item = await outbox.add(body, username, now());
      await refresh();
      return deliver(item);
    },
    [deliver, now, outbox, refresh, username],
  );

  /** Sends every waiting report of this official, oldest first; stops at the first that still cannot go. */
  const flush = useCallback(async () => {
    for (const item of (await outbox.list()).filter((q) => q.username === username)) {
      const o = await deliver(item);
      if (o.kind !== "busy") onOutcome.current(o, true);
      if (o.kind === "kept") break;
    }
  }, [deliver, outbox, username]);

  const discard = useCallback(async (key: string) => {
    await outbox.remove(key);
    await refresh();
  }, [outbox, refresh]);

  useEffect(() => {
    void flush().catch(() => refresh()); // the pane (re)opened: whatever waited goes out now
    const online = () => void flush();
    globalThis.addEventListener?.("online", online);
    return () => globalThis.removeEventListener?.("online", online);
  }, [flush, refresh]);

  return { items, submit, flush, discard };
}
