import { Route, Routes, useParams } from 'react-router';
import { useHasRole } from '../reporting/roles.hook';
import { useMessages } from '../shared/i18n';
import { AuditHistoryView } from './audit-history.view';
import { useUnits } from './audit-lookups.hook';
import { AuditPickerForm } from './audit-picker.form';
import { auditMessages } from './audit.messages';
import type { UnitItem } from './audit.types';
import { VerifyPanel } from './verify.panel';
import './audit.css';

const Frame = ({ units, unitId, stream }: { units: UnitItem[] | null; unitId?: string; stream?: string }) => {
  const m = useMessages(auditMessages);
  const hasRole = useHasRole();
  return (
    <main id="main" className="audit">
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      <AuditPickerForm key={`${unitId ?? ''}|${stream ?? ''}`} units={units} unitId={unitId} stream={stream} />
      {(hasRole('auditor') || hasRole('plan-coordinator')) && <VerifyPanel />}
      {unitId && <AuditHistoryView key={unitId} filter={{ unitId }} units={units} />}
      {stream && <AuditHistoryView key={stream} filter={{ stream }} units={units} />}
    </main>
  );
};

const UnitHistory = ({ units }: { units: UnitItem[] | null }) => <Frame units={units} unitId={useParams().unitId} />;
const StreamHistory = ({ units }: { units: UnitItem[] | null }) => <Frame units={units} stream={useParams().stream} />;

/** The audit trail: a unit's or a stream's history, whether the log is intact, and its exports. */
export const AuditPage = () => {
  const units = useUnits();
  return (
    <Routes>
      <Route index element={<Frame units={units} />} />
      <Route path="units/:unitId" element={<UnitHistory units={units} />} />
      <Route path="streams/:stream" element={<StreamHistory units={units} />} />
    </Routes>
  );
};
