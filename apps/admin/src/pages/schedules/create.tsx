import { Create, useForm } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { Form } from "antd";
import { useFormDraft } from "../../components/use-form-draft";
import { draftKey } from "../../providers/drafts";
import { ScheduleFormFields } from "./form";

export function ScheduleCreate() {
  const t = useTranslate();
  const { formProps, saveButtonProps, form } = useForm({ resource: "schedules", onMutationSuccess: () => draft.clear() });
  const draft = useFormDraft(draftKey("schedules", "create"), form);
  const initial = { level: "COMMUNE", cadence: "DAILY", cutoffMinutes: 17 * 60, daysOff: [], timezone: "Asia/Ho_Chi_Minh" };
  return (
    <Create title={t("reporting.schedules.titles.create")} saveButtonProps={saveButtonProps}>
      <Form {...formProps} initialValues={{ ...initial, ...formProps.initialValues, ...draft.initialValues }} layout="vertical" onValuesChange={draft.onValuesChange} style={{ maxWidth: 720 }} data-testid="schedule-form">
        <ScheduleFormFields />
      </Form>
    </Create>
  );
}
