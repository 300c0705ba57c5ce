import type { ReactNode } from 'react';
import { formatDay, formatMoney } from '../shared/format';
import { useLang, useMessages } from '../shared/i18n';
import { fieldLabels } from './field-labels.messages';
import { workMessages } from './work.messages';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What was recorded, field by field, in the reader's words: days as dd/mm/yyyy, money in đồng. */
export const ActivityFields = ({ fields }: { fields: Record<string, unknown> }) => {
  const labels = useMessages(fieldLabels) as Record<string, string>;
  const m = useMessages(workMessages);
  const { lang } = useLang();
  const show = (key: string, v: unknown): ReactNode => {
    if (v === null || v === undefined || v === '') return '—';
    if (typeof v === 'boolean') return v ? m.yes : m.no;
    if (key === 'amount' && /^\d+$/.test(String(v))) return formatMoney(Number(v), lang);
    if (typeof v === 'number') return String(v);
    if (typeof v === 'string')
      return DAY.test(v) ? formatDay(v) : (labels[`opt.${key}.${v}`] ?? labels[`opt.${v}`] ?? labels[v] ?? v);
    if (Array.isArray(v))
      return v.length === 0 ? (
        '—'
      ) : (
        <ul>
          {v.map((x, i) => (
            <li key={i}>{show(key, x)}</li>
          ))}
        </ul>
      );
    return <Dl record={v as Record<string, unknown>} parent={key} />;
  };
  const Dl = ({ record, parent = '' }: { record: Record<string, unknown>; parent?: string }) => (
    <dl className="fields">
      {Object.entries(record)
        .sort(([a], [b]) => Number(b === 'title') - Number(a === 'title'))
        .map(([k, v]) => (
          <div key={k}>
            <dt>{labels[`${parent}.${k}`] ?? labels[k] ?? k}</dt>
            <dd>{show(k, v)}</dd>
          </div>
        ))}
    </dl>
  );
  return <Dl record={fields} />;
};
