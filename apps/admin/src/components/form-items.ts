import dayjs, { type Dayjs } from "dayjs";

/**
 * Form.Item props that keep dates as "yyyy-mm-dd" strings in the form's values (what the API takes and what
 * a JSON draft can hold) while the DatePicker sees dayjs objects.
 */
export const dateItemProps = {
  getValueProps: (v: unknown) => ({ value: typeof v === "string" && v ? dayjs(v) : undefined }),
  normalize: (v: Dayjs | null | undefined) => (v ? v.format("YYYY-MM-DD") : null),
};

export const DATE_FORMAT = "DD/MM/YYYY";
