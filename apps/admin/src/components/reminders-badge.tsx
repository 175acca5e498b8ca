/** The bell in the header: how many console reminders are unread in the person's scope; opens the list. */
import { useList, useTranslate } from "@refinedev/core";
import { Badge, Button, Tooltip } from "antd";
import { BellOutlined } from "@ant-design/icons";
import { useNavigate } from "react-router";

export function RemindersBadge() {
  const t = useTranslate();
  const navigate = useNavigate();
  const { result } = useList({
    resource: "reminders",
    filters: [{ field: "unread", operator: "eq", value: "true" }],
    pagination: { currentPage: 1, pageSize: 1 },
    queryOptions: { refetchInterval: 60_000, retry: false },
    errorNotification: false,
  });
  const count = result.total ?? 0;
  const label = t("reporting.reminders.badge", { count });
  return (
    <Tooltip title={label}>
      <Badge count={count} size="small" overflowCount={99} data-testid="reminders-badge" data-count={count}>
        <Button icon={<BellOutlined />} aria-label={label} onClick={() => navigate("/reminders")} />
      </Badge>
    </Tooltip>
  );
}
