import type { ReactNode } from 'react';
import type { Lang } from '../shared/i18n';

/** Exact đồng from the API's decimal strings: `1.234.567 đ` (English: `1,234,567 đ`). */
export const formatDong = (s: string, lang: Lang): string => {
  const n = /^\d+$/.test(s) ? BigInt(s) : 0n;
  return `${new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN').format(n)} đ`;
};

/** The figures a chart draws, as a small table beside it: what a screen reader or a printout reads. */
export const FigureTable = ({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: string[];
  rows: { key: string; cells: ReactNode[] }[];
}) => (
  <ScrollBox label={caption}>
    <table className="figure-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {head.map((h, i) => (
            <th key={h} scope="col" className={i > 0 ? 'num' : undefined}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            {r.cells.map((c, i) =>
              i === 0 ? (
                <th key={i} scope="row">
                  {c}
                </th>
              ) : (
                <td key={i} className="num">
                  {c}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  </ScrollBox>
);

/** A table's box that scrolls sideways on a narrow screen: reachable by keyboard, named for screen readers. */
export const ScrollBox = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
    {children}
  </div>
);
