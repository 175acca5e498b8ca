import { useEffect, useState } from "react";
import { useCustom, type HttpError } from "@refinedev/core";

/**
 * GET through the data provider (so 401s and errors follow the app's rules); no toast: pages show errors inline.
 * `stale`: the data shown is the previous query's (Refine keeps it while the next loads); pages hide it.
 */
export function useApiGet<T extends object>(url: string, query: Record<string, string | undefined>, enabled = true) {
  // Asked once mounted: a mount that is undone at once (StrictMode, a remount) cancelled the request and sent it again.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const { query: q } = useCustom<T & Record<string, unknown>, HttpError>({
    url,
    method: "get",
    config: { query },
    queryOptions: { enabled: enabled && mounted, retry: false, staleTime: 30_000 },
    errorNotification: false,
  });
  const waiting = enabled && (!mounted || q.isLoading);
  return { data: q.data?.data as T | undefined, isLoading: waiting, isFetching: q.isFetching || (enabled && !mounted), stale: q.isPlaceholderData, error: q.error, refetch: () => void q.refetch() };
}
