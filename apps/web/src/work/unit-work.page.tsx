/** Placeholder: built by the page's own work. */
export const UnitWorkPage = () => (
  <main id="main">
    <h1>UnitWorkPage</h1>
  </main>
);
