/**
 * Keeps a form's values in sessionStorage while the person types (see providers/drafts.ts) and restores
 * them when the page is opened again — typically after a 401 sent them to sign-in and back.
 * Create forms take the draft as initialValues (read once, when the Form mounts); edit forms get it applied
 * over the record once the record has loaded (`ready`).
 */
import { useEffect, useRef, useState } from "react";
import { useTranslate } from "@refinedev/core";
import { App, type FormInstance } from "antd";
import { clearDraft, loadDraft, saveDraft } from "../providers/drafts";

export function useFormDraft<T extends object>(key: string, form: FormInstance<T>, ready = true) {
  const t = useTranslate();
  const { message } = App.useApp();
  const [initial] = useState(() => loadDraft<Partial<T>>(key));
  const restored = useRef(false);
  useEffect(() => {
    if (!ready || restored.current || !initial || Object.keys(initial).length === 0) return;
    // after the current commit: Refine fills edit forms from the record in its own effects. Marked done only
    // when it ran: a re-render (new `t`, `message`) cancels and reschedules it.
    const id = setTimeout(() => {
      restored.current = true;
      form.setFieldsValue(initial as never);
      void message.info({ content: t("app.draftRestored"), key: "draft-restored" });
    }, 0);
    return () => clearTimeout(id);
  }, [ready, initial, form, message, t]);
  return {
    initialValues: (initial ?? undefined) as Partial<T> | undefined,
    onValuesChange: (_changed: unknown, all: T) => saveDraft(key, all),
    clear: () => clearDraft(key),
  };
}
