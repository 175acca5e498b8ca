import { Create, useForm } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { Form } from "antd";
import { useFormDraft } from "../../components/use-form-draft";
import { draftKey } from "../../providers/drafts";
import { UnitFormFields } from "./form";

export function UnitCreate() {
  const t = useTranslate();
  const { formProps, saveButtonProps, form } = useForm({ resource: "units", onMutationSuccess: () => draft.clear() });
  const draft = useFormDraft(draftKey("units", "create"), form);
  return (
    <Create title={t("units.titles.create")} saveButtonProps={saveButtonProps}>
      <Form {...formProps} initialValues={{ ...formProps.initialValues, ...draft.initialValues }} layout="vertical" onValuesChange={draft.onValuesChange}><UnitFormFields /></Form>
    </Create>
  );
}
