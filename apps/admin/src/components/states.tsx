import { useTranslate } from "@refinedev/core";
import { Alert, Button, Empty, Skeleton } from "antd";
import { errorText } from "../providers/api-client";

/** One place for the loading / error / empty states so every page says the same thing the same way. */
export function LoadingState({ rows = 4 }: { rows?: number }) {
  return <Skeleton active paragraph={{ rows }} />;
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useTranslate();
  return (
    <Alert
      type="error"
      showIcon
      message={t("app.error")}
      description={errorText(error)}
      action={onRetry ? <Button size="small" onClick={onRetry}>{t("app.retry")}</Button> : undefined}
      data-testid="error-state"
    />
  );
}

export function EmptyState({ text }: { text?: string }) {
  const t = useTranslate();
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text ?? t("app.empty")} />;
}
