import { Route, Routes } from 'react-router';
import { ComplianceView } from './compliance.view';
import { PeriodListView } from './period-list.view';
import { ReportView } from './report.view';
import './reporting.css';

/** Reporting: the periods, a period's compliance, a unit's report. */
export const ReportingPage = () => (
  <Routes>
    <Route index element={<PeriodListView />} />
    <Route path=":periodId" element={<ComplianceView />} />
    <Route path=":periodId/:unitId" element={<ReportView />} />
  </Routes>
);
