/**
 * Merge units A, B… (children of one parent, valid on the effective date) into a new unit C
 * (POST /api/units/merge). A and B close on that date, their figures are carried to C, history is kept.
 */
import { useEffect, useState } from "react";
import { useTranslate, useGetLocale, useInvalidate } from "@refinedev/core";
import { Alert, Button, Card, DatePicker, Form, Input, Result, Select, Space, Typography } from "antd";
import { Link } from "react-router";
import dayjs, { type Dayjs } from "dayjs";
import type { UnitSummary } from "@sohoa/contract";
import { UnitSelect } from "../../components/unit-select";
import { DATE_FORMAT } from "../../components/form-items";
import { errorText, request } from "../../providers/api-client";
import { formatDate } from "../../lib/format";
import { LEVELS } from "./form";

interface MergeResult { target: UnitSummary; closed: UnitSummary[]; successions: { id: string; effectiveDate: string }[] }
interface Values { effectiveDate: Dayjs; parentId: string; sourceIds: string[]; code: string; name: string; level: string; reason: string }

export function UnitMerge() {
  const t = useTranslate();
  const lang = useGetLocale()() === "en" ? "en" : "vi";
  const invalidate = useInvalidate();
  const [form] = Form.useForm<Values>();
  const parentId = Form.useWatch("parentId", form);
  const effective = Form.useWatch("effectiveDate", form);
  const sourceIds = Form.useWatch("sourceIds", form);
  const [children, setChildren] = useState<UnitSummary[]>([]);
  const [loadingChildren, setLoadingChildren] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<MergeResult | null>(null);
  const day = effective ? effective.format("YYYY-MM-DD") : undefined;

  // The parent's units valid on the effective date (codes are reused across reorganizations).
  useEffect(() => {
    if (!parentId || !day) { setChildren([]); return; }
    let stale = false;
    setLoadingChildren(true);
    request<UnitSummary[]>("/units", { query: { parentId, date: day, _start: 0, _end: 1000, _sort: "name", _order: "asc" } })
      .then(({ data }) => { if (!stale) setChildren(data.filter((u) => !u.validTo || u.validTo > day)); })
      .catch((e) => { if (!stale) setError(e); })
      .finally(() => { if (!stale) setLoadingChildren(false); });
    return () => { stale = true; };
  }, [parentId, day]);

  // The new unit is at the level of the units it replaces, unless the person says otherwise.
  useEffect(() => {
    const first = children.find((c) => sourceIds?.includes(c.id));
    if (first && !form.isFieldTouched("level")) form.setFieldValue("level", first.level);
  }, [sourceIds, children, form]);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const { data } = await request<MergeResult>("/units/merge", {
        method: "POST",
        body: { sourceIds: v.sourceIds, effectiveDate: v.effectiveDate.format("YYYY-MM-DD"), reason: v.reason, target: { code: v.code, name: v.name, level: v.level, parentId: v.parentId } },
      });
      setResult(data);
      void invalidate({ resource: "units", invalidates: ["list", "many"] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (result) {
    return (
      <Card data-testid="merge-result">
        <Result
          status="success"
          title={t("unitsReorg.merge.done", { name: result.target.fullName })}
          subTitle={t("unitsReorg.merge.doneSub", { count: result.closed.length, date: formatDate(result.successions[0]?.effectiveDate ?? result.target.validFrom) })}
          extra={[
            <Link key="h" to={`/units/show/${result.target.id}`} data-testid="merge-history-link"><Button type="primary">{t("unitsReorg.merge.history")}</Button></Link>,
            <Button key="again" onClick={() => { setResult(null); form.resetFields(["sourceIds", "code", "name", "reason"]); }}>{t("unitsReorg.merge.again")}</Button>,
          ]}
        >
          <Typography.Paragraph>{t("unitsReorg.merge.closed")}:</Typography.Paragraph>
          <ul data-testid="merge-closed">{result.closed.map((u) => <li key={u.id}><Link to={`/units/show/${u.id}`}>{u.fullName}</Link> ({u.code}) — {t("units.fields.validTo")}: {formatDate(u.validTo)}</li>)}</ul>
        </Result>
      </Card>
    );
  }

  return (
    <Card title={t("unitsReorg.merge.title")} data-testid="merge-page">
      <Typography.Paragraph type="secondary">{t("unitsReorg.merge.intro")}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ effectiveDate: dayjs() }} style={{ maxWidth: 720 }} data-testid="merge-form">
        <Form.Item name="effectiveDate" label={t("unitsReorg.merge.effectiveDate")} rules={[{ required: true }]}>
          <DatePicker format={DATE_FORMAT} allowClear={false} onChange={() => form.setFieldValue("sourceIds", [])} />
        </Form.Item>
        <Form.Item name="parentId" label={t("unitsReorg.merge.parent")} rules={[{ required: true }]} extra={t("unitsReorg.merge.parentHint")}>
          <UnitSelect filters={day ? [{ field: "date", operator: "eq", value: day }] : undefined} onChange={(v) => { form.setFieldsValue({ parentId: v as string, sourceIds: [] }); }} />
        </Form.Item>
        <Form.Item name="sourceIds" label={t("unitsReorg.merge.sources")} rules={[{ required: true }, { type: "array", min: 2, message: t("unitsReorg.merge.atLeastTwo") }]}>
          <Select
            mode="multiple" loading={loadingChildren} disabled={!parentId} optionFilterProp="label" placeholder={t("unitsReorg.merge.sourcesPlaceholder")}
            options={children.map((u) => ({ value: u.id, label: `${u.fullName} (${u.code})` }))} data-testid="merge-sources"
          />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="code" label={t("unitsReorg.merge.code")} rules={[{ required: true }, { pattern: /^[0-9A-Za-z_-]{1,20}$/, message: t("unitsReorg.merge.codeRule") }]}><Input style={{ width: 160 }} /></Form.Item>
          <Form.Item name="name" label={t("unitsReorg.merge.name")} rules={[{ required: true }]} extra={t("unitsReorg.merge.nameHint")}><Input style={{ width: 300 }} /></Form.Item>
          <Form.Item name="level" label={t("units.fields.level")} rules={[{ required: true }]}>
            <Select style={{ width: 180 }} options={LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="reason" label={t("unitsReorg.merge.reason")} rules={[{ required: true }, { min: 5, message: t("unitsReorg.reasonMin") }]}>
          <Input.TextArea rows={2} placeholder={t("unitsReorg.merge.reasonPlaceholder")} />
        </Form.Item>
        {error ? <Alert type="error" showIcon message={errorText(error, lang)} style={{ marginBottom: 12 }} data-testid="merge-error" /> : null}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="merge-submit">{t("unitsReorg.merge.submit")}</Button>
      </Form>
    </Card>
  );
}
