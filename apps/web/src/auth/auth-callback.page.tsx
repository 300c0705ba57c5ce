import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiProblem } from '../shared/api-client';
import { useMessages } from '../shared/i18n';
import { finishOidcSignIn, keepProviderSignOut, OidcSignInError } from './oidc';
import { oidcMessages } from './oidc.messages';
import { useSession } from './session';

type Failure = { kind: keyof typeof oidcMessages.en; detail: string; endSession?: string | null };

/** The provider signed the person in, but the record refused them: they may sign out there and try another account. */
class RefusedHere extends Error {
  constructor(
    readonly refusal: unknown,
    readonly endSession: string | null,
  ) {
    super(refusal instanceof Error ? refusal.message : String(refusal));
  }
}

/** A code is good once: the same callback address (React's development double effects) is finished once. */
let finishing: { href: string; done: Promise<string> } | null = null;

const failureOf = (e: unknown): Failure => {
  if (e instanceof RefusedHere) return { ...failureOf(e.refusal), endSession: e.endSession };
  if (e instanceof OidcSignInError) return { kind: e.failure, detail: e.message };
  if (e instanceof ApiProblem && e.status === 401)
    return { kind: /no registered user/.test(e.message) ? 'unknownUser' : 'tokenRefused', detail: e.message };
  return { kind: 'tokenRefused', detail: e instanceof Error ? e.message : String(e) };
};

/** Where the identity provider sends the browser back with a code: it is exchanged, and the person signed in. */
export const AuthCallbackPage = () => {
  const m = useMessages(oidcMessages);
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<Failure | null>(null);

  useEffect(() => {
    const href = window.location.href;
    if (finishing?.href !== href) {
      finishing = {
        href,
        done: finishOidcSignIn(new URL(href)).then(async ({ accessToken, returnTo, endSession }) => {
          await signIn(accessToken).catch((e: unknown) => {
            throw new RefusedHere(e, endSession);
          });
          keepProviderSignOut(endSession);
          return returnTo;
        }),
      };
    }
    let live = true;
    finishing.done.then(
      (returnTo) => live && navigate(returnTo, { replace: true }),
      (e: unknown) => live && setFailure(failureOf(e)),
    );
    return () => {
      live = false;
    };
  }, [signIn, navigate]);

  return (
    <main id="main" className="sign-in">
      <h1>{failure ? m.failedTitle : m.signingIn}</h1>
      {failure && (
        <>
          <p role="alert" className="problem" data-testid="oidc-problem">
            {m[failure.kind]}
          </p>
          {failure.detail && (
            <details>
              <summary>{m.details}</summary>
              <p>{failure.detail}</p>
            </details>
          )}
          <p>
            <Link to="/sign-in" replace>
              {m.back}
            </Link>
          </p>
          {failure.endSession && (
            <p>
              <a href={failure.endSession}>{m.otherAccount}</a>
            </p>
          )}
        </>
      )}
    </main>
  );
};
