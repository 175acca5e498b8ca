import { useTranslate } from "@refinedev/core";
import { Button, Result } from "antd";
import { Link } from "react-router";

/** A page the person's role cannot use (opened by URL): say so instead of showing buttons the server refuses. */
export function Forbidden() {
  const t = useTranslate();
  // antd's Result does not pass data-* attributes on: the test id sits on a wrapper
  return <div data-testid="forbidden"><Result status="403" title="403" subTitle={t("app.forbidden")} extra={<Link to="/"><Button type="primary">{t("app.backHome")}</Button></Link>} /></div>;
}
