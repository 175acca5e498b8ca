/**
 * The fields of a reporting schedule. The deadline time is edited as HH:mm (stored as minutes after local
 * midnight), days off as weekdays plus specific dates (stored together as [6, 7, "2025-04-30"]); everything is
 * in Asia/Ho_Chi_Minh, shown explicitly.
 */
import { useTranslate } from "@refinedev/core";
import { useSelect } from "@refinedev/antd";
import { Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Space, TimePicker, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { UnitSelect } from "../../components/unit-select";
import { DATE_FORMAT } from "../../components/form-items";

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
const LEVELS = ["PROVINCE", "DISTRICT", "COMMUNE", "AGENCY"] as const;

/** minutes after midnight ↔ dayjs for the TimePicker */
export const timeItemProps = {
  getValueProps: (v: unknown) => ({ value: typeof v === "number" ? dayjs().startOf("day").add(v, "minute") : undefined }),
  normalize: (v: Dayjs | null | undefined) => (v ? v.hour() * 60 + v.minute() : null),
};

type DayOff = number | string;
function DaysOffInput({ value, onChange }: { value?: DayOff[]; onChange?: (v: DayOff[]) => void }) {
  const t = useTranslate();
  const v = value ?? [];
  const weekdays = v.filter((d): d is number => typeof d === "number");
  const dates = v.filter((d): d is string => typeof d === "string").sort();
  return (
    <Space direction="vertical" size={4} style={{ width: "100%" }}>
      <Checkbox.Group
        value={weekdays}
        onChange={(w) => onChange?.([...(w as number[]).sort(), ...dates])}
        options={WEEKDAYS.map((d) => ({ value: d, label: t(`reporting.schedules.weekdays.${d}`) }))}
        data-testid="days-off-weekdays"
      />
      <DatePicker
        multiple
        format={DATE_FORMAT}
        placeholder={t("reporting.schedules.offDates")}
        value={dates.map((d) => dayjs(d))}
        onChange={(ds) => onChange?.([...weekdays, ...((ds as Dayjs[] | null) ?? []).map((d) => d.format("YYYY-MM-DD")).sort()])}
        style={{ minWidth: 320 }}
      />
    </Space>
  );
}

export function ScheduleFormFields({ editing = false }: { editing?: boolean }) {
  const t = useTranslate();
  const { selectProps: campaigns } = useSelect({ resource: "campaigns", optionLabel: "name", optionValue: "id" });
  const cadence = Form.useWatch("cadence") as string | undefined;
  return (
    <>
      <Form.Item name="name" label={t("reporting.schedules.fields.name")} rules={[{ required: true, whitespace: true }]}><Input maxLength={200} /></Form.Item>
      <Form.Item name="campaignId" label={t("reporting.schedules.fields.campaignId")}><Select {...campaigns} allowClear disabled={editing} /></Form.Item>
      <Form.Item name="unitId" label={t("reporting.schedules.fields.unitId")} rules={[{ required: true }]}><UnitSelect disabled={editing} /></Form.Item>
      <Form.Item name="level" label={t("reporting.schedules.fields.level")} rules={[{ required: true }]} extra={t("reporting.schedules.levelHelp")}>
        <Select options={LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))} style={{ maxWidth: 240 }} />
      </Form.Item>
      <Form.Item name="cadence" label={t("reporting.schedules.fields.cadence")} rules={[{ required: true }]}>
        <Radio.Group optionType="button" options={(["DAILY", "WEEKLY", "MONTHLY"] as const).map((c) => ({ value: c, label: t(`reporting.schedules.cadences.${c}`) }))} />
      </Form.Item>
      {cadence === "WEEKLY" && (
        <Form.Item name="weekday" label={t("reporting.schedules.fields.weekday")} rules={[{ required: true }]}>
          <Select options={WEEKDAYS.map((d) => ({ value: d, label: t(`reporting.schedules.weekdays.${d}`) }))} style={{ maxWidth: 200 }} />
        </Form.Item>
      )}
      {cadence === "MONTHLY" && (
        <Form.Item name="monthDay" label={t("reporting.schedules.fields.monthDay")} rules={[{ required: true }]} extra={t("reporting.schedules.monthHelp")}>
          <InputNumber min={1} max={31} />
        </Form.Item>
      )}
      <Form.Item label={t("reporting.schedules.fields.cutoff")} required>
        <Space align="baseline">
          <Form.Item name="cutoffMinutes" noStyle rules={[{ required: true }]} {...timeItemProps}><TimePicker format="HH:mm" minuteStep={5} needConfirm={false} data-testid="schedule-time" /></Form.Item>
          <Typography.Text type="secondary" data-testid="schedule-timezone">{t("reporting.timezone")}</Typography.Text>
        </Space>
      </Form.Item>
      <Form.Item name="daysOff" label={t("reporting.schedules.fields.daysOff")}><DaysOffInput /></Form.Item>
      <Form.Item name="reminderMinutesBefore" label={t("reporting.schedules.fields.reminderMinutesBefore")}><InputNumber min={0} max={10080} step={30} /></Form.Item>
    </>
  );
}
