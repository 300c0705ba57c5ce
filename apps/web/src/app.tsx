import { type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { AuthCallbackPage } from './auth/auth-callback.page';
import { SessionProvider, useSession } from './auth/session';
import { SignInPage } from './auth/sign-in.page';
import { AuditPage } from './audit/audit.page';
import { DashboardPage } from './dashboards/dashboard.page';
import { ReportingPage } from './reporting/reporting.page';
import { LangProvider, useMessages } from './shared/i18n';
import { Layout } from './shared/layout';
import { layoutMessages } from './shared/layout.messages';
import { UnitWorkPage } from './work/unit-work.page';

/** A page for signed-in people: others go to the sign-in page and come back after. */
const Private = ({ children }: { children: ReactNode }) => {
  const { me, checking } = useSession();
  const m = useMessages(layoutMessages);
  const where = useLocation();
  if (checking) return <p className="loading">{m.loading}</p>;
  if (!me) return <Navigate to="/sign-in" replace state={{ from: where.pathname + where.search }} />;
  return <Layout>{children}</Layout>;
};

const Home = () => {
  const { me } = useSession();
  return <Navigate to={`/dashboard/${me?.user.unitId ?? ''}`} replace />;
};

const NotFound = () => {
  const m = useMessages(layoutMessages);
  return (
    <main id="main">
      <p>{m.notFound}</p>
    </main>
  );
};

export const App = () => (
  <LangProvider>
    <SessionProvider>
      <BrowserRouter>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/auth/callback" element={<AuthCallbackPage />} />
          <Route
            path="/"
            element={
              <Private>
                <Home />
              </Private>
            }
          />
          <Route
            path="/dashboard/:unitId"
            element={
              <Private>
                <DashboardPage />
              </Private>
            }
          />
          <Route
            path="/units/:unitId/work/*"
            element={
              <Private>
                <UnitWorkPage />
              </Private>
            }
          />
          <Route
            path="/reporting/*"
            element={
              <Private>
                <ReportingPage />
              </Private>
            }
          />
          <Route
            path="/audit/*"
            element={
              <Private>
                <AuditPage />
              </Private>
            }
          />
          <Route
            path="*"
            element={
              <Private>
                <NotFound />
              </Private>
            }
          />
        </Routes>
      </BrowserRouter>
    </SessionProvider>
  </LangProvider>
);
