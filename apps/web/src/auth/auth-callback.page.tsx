/** Where the identity provider sends the browser back with a code (filled in with the OIDC work). */
export const AuthCallbackPage = () => (
  <main id="main">
    <p>…</p>
  </main>
);
