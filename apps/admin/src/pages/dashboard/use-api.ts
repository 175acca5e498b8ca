import { useCustom, type HttpError } from "@refinedev/core";

/** GET through the data provider (so 401s and errors follow the app's rules); no toast: pages show errors inline. */
export function useApiGet<T extends object>(url: string, query: Record<string, string | undefined>, enabled = true) {
  const { query: q } = useCustom<T & Record<string, unknown>, HttpError>({
    url,
    method: "get",
    config: { query },
    queryOptions: { enabled, retry: false, staleTime: 30_000 },
    errorNotification: false,
  });
  return { data: q.data?.data as T | undefined, isLoading: q.isLoading, isFetching: q.isFetching, error: q.error, refetch: () => void q.refetch() };
}
