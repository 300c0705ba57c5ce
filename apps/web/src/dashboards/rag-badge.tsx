import { useMessages } from '../shared/i18n';
import type { Rag } from './dashboard.types';
import { dashboardMessages } from './dashboards.messages';

/** Red-amber-green in words as well as colour; the full sentence on hover and to assistive technology. */
export const RagBadge = ({ rag }: { rag: Rag }) => {
  const m = useMessages(dashboardMessages);
  const short = { red: m.redShort, amber: m.amberShort, green: m.greenShort }[rag];
  const mark = { red: '●', amber: '▲', green: '✓' }[rag];
  return (
    <span className={`badge ${rag}`} title={m[rag]} data-rag={rag}>
      <span aria-hidden="true">{mark} </span>
      {short}
      <span className="visually-hidden"> ({m[rag]})</span>
    </span>
  );
};

/** "≈ ước tính": a figure that counts a part of a former unit by its share. */
export const ApproximateBadge = () => {
  const m = useMessages(dashboardMessages);
  return (
    <span className="badge grey approx" title={m.approximateWhy}>
      {m.approximate}
      <span className="visually-hidden"> ({m.approximateWhy})</span>
    </span>
  );
};
