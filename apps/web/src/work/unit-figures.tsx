import { query } from '../shared/api-client';
import { formatMoney, formatNumber } from '../shared/format';
import { fill, useLang, useMessages } from '../shared/i18n';
import { useApi } from '../shared/use-api';
import { workMessages } from './work.messages';
import type { Figures } from './work.types';

/** The unit's own figures for a year: what it recorded, counted (withdrawn recordings left out). */
export const UnitFigures = ({ unitId, year }: { unitId: string; year: number }) => {
  const m = useMessages(workMessages);
  const { lang } = useLang();
  const { data, error } = useApi<Figures>(`/units/${encodeURIComponent(unitId)}/figures${query({ year })}`);
  const vi = lang === 'vi';
  const rows: [string, string, string][] = data
    ? [
        ['conferences', vi ? 'Hội nghị' : 'Conferences', formatNumber(data.conferences.count, lang)],
        [
          'participants',
          vi ? 'Lượt người tham dự hội nghị' : 'Conference participants',
          formatNumber(data.conferences.totalParticipants, lang),
        ],
        ['media', vi ? 'Tin, bài tuyên truyền' : 'Media items', formatNumber(data.media.items, lang)],
        ['trainings', vi ? 'Lớp tập huấn' : 'Trainings', formatNumber(data.trainings.count, lang)],
        ['trainees', vi ? 'Lượt học viên' : 'Trainees', formatNumber(data.trainings.totalTrainees, lang)],
        [
          'regulations',
          vi ? 'Quy chế có hiệu lực' : 'Regulations in force',
          formatNumber(data.regulations.inForce, lang),
        ],
        [
          'legal-review',
          vi ? 'Văn bản đã rà soát' : 'Documents reviewed',
          formatNumber(data.legalReview.documents, lang),
        ],
        ['budget', vi ? 'Dự toán kinh phí' : 'Budget estimated', formatMoney(Number(data.budget.estimated), lang)],
        [
          'difficulties',
          vi ? 'Khó khăn chưa được trả lời' : 'Difficulties awaiting an answer',
          formatNumber(data.difficulties.open, lang),
        ],
      ]
    : [];
  return (
    <section aria-labelledby="unit-figures" className="card">
      <h2 id="unit-figures">{fill(m.figures, { year })}</h2>
      {error && <p className="problem">{fill(m.loadFailed, { why: error.message })}</p>}
      {!data && !error && <p className="loading">{m.loading}</p>}
      {data && (
        <dl className="figures">
          {rows.map(([key, name, value]) => (
            <div className="figure" key={key} data-testid={`figure-${key}`}>
              <dt className="name">{name}</dt>
              <dd className="value">{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
};
