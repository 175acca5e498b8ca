import { Create, useForm } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { Form } from "antd";
import { useFormDraft } from "../../components/use-form-draft";
import { draftKey } from "../../providers/drafts";
import { TargetFormFields } from "./form";

export function TargetCreate() {
  const t = useTranslate();
  const { formProps, saveButtonProps, form } = useForm({ resource: "targets", onMutationSuccess: () => draft.clear() });
  const draft = useFormDraft(draftKey("targets", "create"), form);
  return (
    <Create title={t("targets.titles.create")} saveButtonProps={saveButtonProps}>
      <Form {...formProps} initialValues={{ ...formProps.initialValues, ...draft.initialValues }} layout="vertical" onValuesChange={draft.onValuesChange}><TargetFormFields /></Form>
    </Create>
  );
}
