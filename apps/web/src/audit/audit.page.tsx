/** Placeholder: built by the page's own work. */
export const AuditPage = () => (
  <main id="main">
    <h1>AuditPage</h1>
  </main>
);
