import { useState } from "react";
import { Button, Divider, Field, Input, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import type { Locale } from "@sohoa/core";
import type { Client } from "../api";
import { stack } from "../layout";
import type { Session } from "../session";
import { messageOf, type Tr } from "../tr";

export function SignIn({ api, tr, locale, expired, onSignedIn }: { api: Client; tr: Tr; locale: Locale; expired: boolean; onSignedIn: (s: Session) => void }) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [token, setToken] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function withPassword() {
    setBusy(true);
    setError(null);
    try {
      const s = await api.login(username.trim(), password);
      setPassword("");
      onSignedIn({ ...s, kind: "session" });
    } catch (e) {
      setError(messageOf(e, locale, tr));
    } finally {
      setBusy(false);
    }
  }
  async function withToken() {
    setBusy(true);
    setError(null);
    try {
      const { user } = await api.me(token.trim());
      onSignedIn({ token: token.trim(), expiresAt: null, user, kind: "token" });
      setToken("");
    } catch (e) {
      setError(messageOf(e, locale, tr));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-label={tr("signIn.title")} style={stack(8)}>
      {expired && <MessageBar layout="multiline" intent="warning"><MessageBarBody>{tr("signIn.expired")}</MessageBarBody></MessageBar>}
      <Field label={tr("signIn.username")}>
        <Input data-testid="username" value={username} onChange={(_, d) => setUsername(d.value)} autoComplete="username" />
      </Field>
      <Field label={tr("signIn.password")}>
        <Input data-testid="password" type="password" value={password} onChange={(_, d) => setPassword(d.value)} autoComplete="current-password" onKeyDown={(e) => e.key === "Enter" && username && password && void withPassword()} />
      </Field>
      {error && <MessageBar layout="multiline" intent="error" data-testid="signin-error"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
      <Button data-testid="sign-in" appearance="primary" disabled={busy || !username || !password} onClick={() => void withPassword()}>
        {busy ? <Spinner size="tiny" /> : tr("signIn.submit")}
      </Button>
      <Divider>{tr("signIn.orToken")}</Divider>
      <Field label={tr("signIn.token")} hint={tr("signIn.tokenNote")}>
        <Input data-testid="token" type="password" value={token} onChange={(_, d) => setToken(d.value)} />
      </Field>
      <Button data-testid="use-token" disabled={busy || token.trim().length < 8} onClick={() => void withToken()}>{tr("signIn.useToken")}</Button>
    </section>
  );
}
