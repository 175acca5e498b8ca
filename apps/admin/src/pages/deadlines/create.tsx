import { Create, useForm } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { Form } from "antd";
import { useFormDraft } from "../../components/use-form-draft";
import { draftKey } from "../../providers/drafts";
import { DeadlineFormFields } from "./form";

export function DeadlineCreate() {
  const t = useTranslate();
  const { formProps, saveButtonProps, form } = useForm({ resource: "deadlines", onMutationSuccess: () => draft.clear() });
  const draft = useFormDraft(draftKey("deadlines", "create"), form);
  return (
    <Create title={t("deadlines.titles.create")} saveButtonProps={saveButtonProps}>
      <Form {...formProps} initialValues={{ ...formProps.initialValues, ...draft.initialValues }} layout="vertical" onValuesChange={draft.onValuesChange}><DeadlineFormFields /></Form>
    </Create>
  );
}
