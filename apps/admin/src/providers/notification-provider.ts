/** Refine notifications shown with antd's App-context notification API (follows the theme and locale). */
import type { NotificationProvider } from "@refinedev/core";
import { App } from "antd";

export function useNotificationProvider(): NotificationProvider {
  const { notification } = App.useApp();
  return {
    open: ({ key, message, description, type }) => {
      const kind = type === "progress" ? "info" : type;
      notification[kind]({ key, message, description, placement: "topRight", duration: type === "error" ? 8 : 4 });
    },
    close: (key) => notification.destroy(key),
  };
}
