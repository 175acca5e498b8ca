import { useState } from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Spinner, Text, Title3, Caption1, Badge } from "@fluentui/react-components";
import { formatDate, formatNumber, formatProgress, FORECAST_LABELS } from "@sohoa/core";
import { createClient, RequestFailed, type SignedIn, type UnitProgress } from "./api";

const api = createClient();
// The session token lives in this task pane's session only: closing Excel or the pane forgets it.
const KEY = "sohoa.session";

export function App() {
  const [session, setSession] = useState<SignedIn | null>(() => {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as SignedIn) : null;
  });
  const [progress, setProgress] = useState<{ unit: UnitProgress; date: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");

  async function load(s: SignedIn) {
    try {
      setProgress(await api.progress(s.token, s.user.unit.code));
    } catch (e) {
      if (e instanceof RequestFailed && e.status === 401) signOut();
      setError(e instanceof RequestFailed ? e.error.message.vi : String(e));
    }
  }
  async function signIn() {
    setBusy(true);
    setError(null);
    try {
      const s = await api.login(username, password);
      sessionStorage.setItem(KEY, JSON.stringify(s));
      setSession(s);
      setPassword("");
      await load(s);
    } catch (e) {
      setError(e instanceof RequestFailed ? e.error.message.vi : String(e));
    } finally {
      setBusy(false);
    }
  }
  function signOut() {
    if (session) void api.logout(session.token);
    sessionStorage.removeItem(KEY);
    setSession(null);
    setProgress(null);
  }

  if (!session) {
    return (
      <main style={{ padding: 16, display: "grid", gap: 12 }}>
        <Title3>Sohoa — Số hóa sổ hộ tịch</Title3>
        <Field label="Tên đăng nhập">
          <Input value={username} onChange={(_, d) => setUsername(d.value)} autoComplete="username" />
        </Field>
        <Field label="Mật khẩu">
          <Input type="password" value={password} onChange={(_, d) => setPassword(d.value)} autoComplete="current-password" onKeyDown={(e) => e.key === "Enter" && void signIn()} />
        </Field>
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        <Button appearance="primary" disabled={busy || !username || !password} onClick={() => void signIn()}>
          {busy ? <Spinner size="tiny" /> : "Đăng nhập"}
        </Button>
      </main>
    );
  }
  if (!progress && !error) void load(session);
  const u = progress?.unit;
  return (
    <main style={{ padding: 16, display: "grid", gap: 8 }}>
      <Caption1>{session.user.displayName}</Caption1>
      <Title3>{session.user.unit.fullName}</Title3>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {!u && !error && <Spinner label="Đang tải tiến độ…" />}
      {u && progress && (
        <section aria-label="Tiến độ" style={{ display: "grid", gap: 6 }}>
          <Text>Số liệu đến ngày {formatDate(progress.date)}</Text>
          <Text weight="semibold" data-testid="progress-line">{formatProgress(u.counts.entriesDigitized, u.counts.entriesTotal)}</Text>
          <Text>Hạn hoàn thành: {u.deadline ? formatDate(u.deadline) : "chưa đặt"}</Text>
          {u.rank !== null && <Text>Xếp hạng: {u.rank}/{u.siblings}</Text>}
          {u.target && <Text>Chỉ tiêu tháng: {formatNumber(u.target.achieved)}/{formatNumber(u.target.entriesTarget)}</Text>}
          <div>
            <Badge appearance="tint" color={u.forecast.status === "on_track" || u.forecast.status === "done" ? "success" : u.forecast.status === "no_data" ? "informative" : "danger"}>{FORECAST_LABELS[u.forecast.status].vi}</Badge>{" "}
            <Text size={200}>{u.forecast.reason.vi}</Text>
          </div>
        </section>
      )}
      <Button onClick={signOut}>Đăng xuất</Button>
    </main>
  );
}
