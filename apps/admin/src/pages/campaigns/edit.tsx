import { Edit, useForm } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { Form } from "antd";
import { useParams } from "react-router";
import { useFormDraft } from "../../components/use-form-draft";
import { draftKey } from "../../providers/drafts";
import { CampaignFormFields } from "./form";

export function CampaignEdit() {
  const t = useTranslate();
  const { id } = useParams();
  const { formProps, saveButtonProps, form, query } = useForm({ resource: "campaigns", action: "edit", id, onMutationSuccess: () => draft.clear() });
  const draft = useFormDraft(draftKey("campaigns", "edit", id), form, Boolean(query?.data));
  return (
    <Edit title={t("campaigns.titles.edit")} saveButtonProps={saveButtonProps} isLoading={query?.isLoading}>
      <Form {...formProps} layout="vertical" onValuesChange={draft.onValuesChange}><CampaignFormFields editing /></Form>
    </Edit>
  );
}
