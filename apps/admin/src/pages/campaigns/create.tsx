import { Create, useForm } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { Form } from "antd";
import { useFormDraft } from "../../components/use-form-draft";
import { draftKey } from "../../providers/drafts";
import { CampaignFormFields } from "./form";

export function CampaignCreate() {
  const t = useTranslate();
  const { formProps, saveButtonProps, form } = useForm({ resource: "campaigns", onMutationSuccess: () => draft.clear() });
  const draft = useFormDraft(draftKey("campaigns", "create"), form);
  return (
    <Create title={t("campaigns.titles.create")} saveButtonProps={saveButtonProps}>
      <Form {...formProps} initialValues={{ ...formProps.initialValues, ...draft.initialValues }} layout="vertical" onValuesChange={draft.onValuesChange}><CampaignFormFields /></Form>
    </Create>
  );
}
