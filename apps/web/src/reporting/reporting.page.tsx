/** Placeholder: built by the page's own work. */
export const ReportingPage = () => (
  <main id="main">
    <h1>ReportingPage</h1>
  </main>
);
