import { Create, useForm } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { Form } from "antd";
import { useFormDraft } from "../../components/use-form-draft";
import { draftKey } from "../../providers/drafts";
import { UserFormFields } from "./form";

export function UserCreate() {
  const t = useTranslate();
  const { formProps, saveButtonProps, form } = useForm({ resource: "users", onMutationSuccess: () => draft.clear() });
  const draft = useFormDraft(draftKey("users", "create"), form);
  // the password is never written to the draft
  const onValuesChange = (c: unknown, all: Record<string, unknown>) => draft.onValuesChange(c, { ...all, password: undefined });
  return (
    <Create title={t("users.titles.create")} saveButtonProps={saveButtonProps}>
      <Form {...formProps} initialValues={{ ...formProps.initialValues, ...draft.initialValues }} layout="vertical" onValuesChange={onValuesChange}><UserFormFields create /></Form>
    </Create>
  );
}
