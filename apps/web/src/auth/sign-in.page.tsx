import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiProblem } from '../shared/api-client';
import { useMessages } from '../shared/i18n';
import { roleMessages } from '../shared/roles.messages';
import { useApi } from '../shared/use-api';
import { useSession } from './session';
import { signInMessages } from './sign-in.messages';
import { startOidcSignIn } from './oidc';
import type { SignInOptions } from './sign-in.types';

/** The demo users (embedded, non-production runs) and the organisation's identity provider. */
export const SignInPage = () => {
  const m = useMessages(signInMessages);
  const roles = useMessages(roleMessages);
  const { data: options, error: loadError } = useApi<SignInOptions>('/sign-in/options');
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);

  const asDemo = async (userId: string) => {
    setError(null);
    try {
      const { token } = await api<{ token: string }>('/sign-in/demo', {
        method: 'POST',
        body: { userId },
        anonymous: true,
      });
      await signIn(token);
      navigate('/');
    } catch (e) {
      setError(e instanceof ApiProblem ? e.message : String(e));
    }
  };

  return (
    <main id="main" className="sign-in">
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      {(error || loadError) && (
        <p role="alert" className="problem">
          {m.failed}: {error ?? loadError?.message}
        </p>
      )}
      {options?.oidc && (
        <p>
          <button
            type="button"
            className="primary"
            onClick={() => {
              setError(null);
              startOidcSignIn(options.oidc!).catch((e: unknown) =>
                setError(e instanceof Error ? e.message : String(e)),
              );
            }}
          >
            {m.oidc}
          </button>
        </p>
      )}
      {options?.demo && (
        <section aria-labelledby="demo-title">
          <h2 id="demo-title">{m.demoTitle}</h2>
          <p>{m.demoHint}</p>
          <ul className="demo-users">
            {options.demo.users.map((u) => (
              <li key={u.userId}>
                <button type="button" onClick={() => void asDemo(u.userId)}>
                  <strong>{u.displayName}</strong>
                  <span>
                    {u.unitName} · {u.roles.map((r) => roles[r.role as keyof typeof roles] ?? r.role).join(', ')}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {options && !options.demo && !options.oidc && <p>{m.none}</p>}
    </main>
  );
};
