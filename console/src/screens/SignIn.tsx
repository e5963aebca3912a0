import { useEffect, useState } from 'react';
import { decodeClaims, devIdentities, devToken, type DevIdentity } from '../session';
import { t } from '../strings';

/** Development: pick a demo identity (the gateway mints its token). Production: paste the identity provider's token. */
export function SignIn({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const [identities, setIdentities] = useState<DevIdentity[] | null>(null);
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    devIdentities().then(setIdentities, () => setIdentities(null));
  }, []);
  const pick = (key: string) => devToken(key).then(onSignedIn, (e: unknown) => setError(String(e)));
  return (
    <main className="sign-in">
      <h1>{t.appTitle}</h1>
      <h2>{t.signIn.title}</h2>
      {identities && (
        <section aria-labelledby="dev-heading">
          <h3 id="dev-heading">{t.signIn.devHeading}</h3>
          <p>{t.signIn.devHint}</p>
          <ul className="identities">
            {identities.map((identity) => (
              <li key={identity.key}>
                <button type="button" data-identity={identity.key} onClick={() => void pick(identity.key)}>
                  {t.identities[identity.key] ?? identity.key}
                </button>
                <small>
                  {t.roles[identity.role] ?? identity.role} · {identity.department}
                </small>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="paste-heading">
        <h3 id="paste-heading">{t.signIn.pasteHeading}</h3>
        <p>{t.signIn.pasteHint}</p>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (decodeClaims(pasted)) onSignedIn(pasted.trim());
            else setError(t.signIn.badToken);
          }}
        >
          <label htmlFor="token">{t.signIn.tokenLabel}</label>
          <textarea id="token" rows={4} value={pasted} onChange={(e) => setPasted(e.target.value)} />
          <button type="submit">{t.signIn.submit}</button>
        </form>
        {error && <p role="alert">{error}</p>}
      </section>
    </main>
  );
}
