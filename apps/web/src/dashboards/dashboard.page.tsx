/** Placeholder: built by the page's own work. */
export const DashboardPage = () => (
  <main id="main">
    <h1>DashboardPage</h1>
  </main>
);
