import { useEffect, useMemo, useState } from 'react';
import { Client, Provider, cacheExchange, fetchExchange } from 'urql';
import { loadSession, saveSession, type Session } from './session';
import { t } from './strings';
import { SignIn } from './screens/SignIn';
import { Inbox } from './screens/Inbox';
import { Dossier } from './screens/Dossier';
import { Supervision } from './screens/Supervision';
import { Dashboard } from './screens/Dashboard';
import { Ledgers } from './screens/Ledgers';

const SCREENS = ['inbox', 'dossier', 'supervision', 'dashboard', 'ledgers'] as const;
type Screen = (typeof SCREENS)[number];

/** `#/<screen>/<argument>`: plain hash routes, so the gateway serves one static index.html. */
function useRoute(): [Screen, string | undefined] {
  const read = () => {
    const [, screen, arg] = window.location.hash.split('/');
    return [(SCREENS as readonly string[]).includes(screen ?? '') ? (screen as Screen) : 'inbox', arg ? decodeURIComponent(arg) : undefined] as [Screen, string | undefined];
  };
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onHash = () => setRoute(read());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const [screen, arg] = useRoute();
  const client = useMemo(
    () =>
      session &&
      new Client({
        url: '/graphql',
        exchanges: [cacheExchange, fetchExchange],
        requestPolicy: 'cache-and-network',
        preferGetMethod: false, // POST: the gateway's CSRF guard refuses simple GET requests
        // The console is a case desk: it reads personal data for case handling (PIPL purpose), which the policy checks.
        fetchOptions: () => ({ headers: { authorization: `Bearer ${session.token}`, 'x-purpose': 'CASE_HANDLING' } }),
      }),
    [session],
  );
  if (!session || !client) return <SignIn onSignedIn={(token) => setSession(saveSession(token))} />;
  const { claims } = session;
  return (
    <Provider value={client}>
      <header className="top">
        <h1>{t.appTitle}</h1>
        <nav aria-label={t.appTitle}>
          {SCREENS.map((s) => (
            <a key={s} href={`#/${s}`} aria-current={s === screen ? 'page' : undefined}>
              {t.nav[s]}
            </a>
          ))}
        </nav>
        <div className="who">
          <span data-testid="signed-in-as">
            {t.signIn.signedInAs}：{t.roles[claims.role] ?? claims.role} · {claims.department}
          </span>
          <button type="button" onClick={() => setSession(saveSession(null))}>
            {t.signIn.signOut}
          </button>
        </div>
      </header>
      <main>
        {screen === 'inbox' && <Inbox claims={claims} />}
        {screen === 'dossier' && <Dossier id={arg} />}
        {screen === 'supervision' && <Supervision claims={claims} />}
        {screen === 'dashboard' && <Dashboard claims={claims} />}
        {screen === 'ledgers' && <Ledgers claims={claims} />}
      </main>
    </Provider>
  );
}
