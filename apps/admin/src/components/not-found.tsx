import { useTranslate } from "@refinedev/core";
import { Button, Result } from "antd";
import { Link } from "react-router";

export function NotFound() {
  const t = useTranslate();
  return <Result status="404" title="404" subTitle={t("app.notFound")} extra={<Link to="/"><Button type="primary">{t("app.backHome")}</Button></Link>} />;
}
