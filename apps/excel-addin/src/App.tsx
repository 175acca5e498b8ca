import { useCallback, useState } from "react";
import { Link, MessageBar, MessageBarBody, Title3 } from "@fluentui/react-components";
import type { Locale } from "@sohoa/core";
import { createClient } from "./api";
import { translate, type Key } from "./i18n";
import { forgetSession, loadSession, saveSession, type Session } from "./session";
import { inExcel } from "./excel/host";
import { pane, spread } from "./layout";
import { SignIn } from "./components/sign-in";
import { Workspace } from "./components/workspace";

const api = createClient();

export function App({ now = () => new Date() }: { now?: () => Date }) {
  const [locale, setLocale] = useState<Locale>("vi");
  const tr = useCallback((k: Key, p?: Record<string, string | number>) => translate(k, locale, p), [locale]);
  const [session, setSession] = useState<Session | null>(() => loadSession(now()));
  const [expired, setExpired] = useState(false);

  function signedIn(s: Session) {
    saveSession(s);
    setSession(s);
    setExpired(false);
    // the account's language when it is one the pane speaks
    if (s.user.locale === "vi" || s.user.locale === "en") setLocale(s.user.locale);
  }
  function signOut(reason?: "expired") {
    if (session && !reason) void api.logout(session.token).catch(() => undefined);
    forgetSession();
    setSession(null);
    if (reason) setExpired(true);
  }

  return (
    <main style={pane} lang={locale}>
      <div style={spread}>
        <Title3 as="h1">Sohoa</Title3>
        <Link as="button" data-testid="language" onClick={() => setLocale(locale === "vi" ? "en" : "vi")}>{tr("language")}</Link>
      </div>
      {!inExcel() && (
        <MessageBar layout="multiline" intent="warning"><MessageBarBody>{tr("excel.notInExcel")}</MessageBarBody></MessageBar>
      )}
      {session ? (
        <Workspace key={session.token} api={api} session={session} locale={locale} tr={tr} now={now} onSignOut={() => signOut()} onExpired={() => signOut("expired")} />
      ) : (
        <SignIn api={api} tr={tr} locale={locale} expired={expired} onSignedIn={signedIn} />
      )}
    </main>
  );
}
