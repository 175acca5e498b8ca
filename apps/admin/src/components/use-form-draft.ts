/**
 * Keeps a form's values in sessionStorage while the person types (see providers/drafts.ts) and restores
 * them when the page is opened again — typically after a 401 sent them to sign-in and back.
 */
import { useEffect, useRef } from "react";
import { useTranslate } from "@refinedev/core";
import { App, type FormInstance } from "antd";
import { clearDraft, loadDraft, saveDraft } from "../providers/drafts";

export function useFormDraft<T extends object>(key: string, form: FormInstance<T>, ready = true) {
  const t = useTranslate();
  const { message } = App.useApp();
  const restored = useRef(false);
  useEffect(() => {
    if (!ready || restored.current) return;
    restored.current = true;
    const draft = loadDraft<Partial<T>>(key);
    if (draft && Object.keys(draft).length > 0) {
      form.setFieldsValue(draft as never);
      void message.info(t("app.draftRestored"));
    }
  }, [ready, key, form, message, t]);
  return {
    onValuesChange: (_changed: unknown, all: T) => saveDraft(key, all),
    clear: () => clearDraft(key),
  };
}
