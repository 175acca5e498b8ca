import { Edit, useForm } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { Form } from "antd";
import { useParams } from "react-router";
import { useFormDraft } from "../../components/use-form-draft";
import { draftKey } from "../../providers/drafts";
import { ScheduleFormFields } from "./form";

/** Unit and campaign are fixed once created (the API takes neither on PATCH); the rule, level and days off change. */
export function ScheduleEdit() {
  const t = useTranslate();
  const { id } = useParams();
  const { formProps, saveButtonProps, form, query } = useForm({ resource: "schedules", action: "edit", id, onMutationSuccess: () => draft.clear() });
  const draft = useFormDraft(draftKey("schedules", "edit", id), form, Boolean(query?.data));
  const onFinish = (v: Record<string, unknown>) => {
    const { unitId: _u, campaignId: _c, ...rest } = v;
    return formProps.onFinish?.(rest);
  };
  return (
    <Edit title={t("reporting.schedules.titles.edit")} saveButtonProps={saveButtonProps} isLoading={query?.isLoading}>
      <Form {...formProps} onFinish={onFinish} layout="vertical" onValuesChange={draft.onValuesChange} style={{ maxWidth: 720 }}>
        <ScheduleFormFields editing />
      </Form>
    </Edit>
  );
}
