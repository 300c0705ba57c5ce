/**
 * Renders the city's 2023 report to Bộ Nội vụ as DOCX, and a picture of it, for docs/images:
 *
 *   node -r ./test/e2e/support/swc-register.js scripts/render-report-docx.ts [out-dir]
 *
 * It starts the api in-process on the seed (as the e2e suites do, in a fresh DATA_DIR), runs the 2023
 * cycle over HTTP — a ward, a district and a department report, Sở Nội vụ compiles the city's report
 * and its director signs it — downloads report.docx, and, when LibreOffice and poppler are installed
 * (`apt-get install libreoffice-writer-nogui poppler-utils fonts-liberation`; not in CI), converts it
 * with `soffice --headless --convert-to pdf` and `pdftoppm -r 80` to docs/images/annual-report-docx.png
 * (a report of more than one page: its pages side by side).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FixedClock } from '@gl/testing';
import { startApi } from '../test/e2e/support/api-harness';
import { joinPagesSideBySide } from './png-pages';

const UNITS = 'cantho-2023-ldcs-units_2023';
const CITY = 'cantho-2023-ldcs-city_2023';

const main = async () => {
  const out = process.argv[2] ?? join(__dirname, '..', 'dist', 'report-docx');
  mkdirSync(out, { recursive: true });
  // Only the pages of an earlier run go: out may hold anything else.
  for (const f of readdirSync(out)) if (/^page-\d+\.ppm$/.test(f)) rmSync(join(out, f));
  const clock = new FixedClock('2023-10-02T02:00:00.000Z');
  const h = await startApi({ RATE_LIMIT_ENABLED: 'false', CONTRACT_CHECK: 'off' }, clock);
  try {
    const post = async (who: string, path: string, body: object = {}) =>
      h
        .http()
        .post(`/api/v1/${path}`)
        .set({ Authorization: `Bearer ${await h.token(who)}` })
        .send(body)
        .expect(201);
    await post('sonv-coordinator', 'reporting/periods', { regimeId: 'cantho-2023-ldcs-units', year: 2023 });
    const reports: [string, string, string, object][] = [
      [
        'ninh-kieu-tan-an',
        'tanan-reporter',
        'tanan-head',
        { conferences: 2, conferenceParticipants: 180, trainings: 1, trainees: 45, budgetEstimated: '25000000' },
      ],
      [
        'ninh-kieu',
        'ninhkieu-reporter',
        'ninhkieu-head',
        { conferences: 1, conferenceParticipants: 320, mediaItems: 14, budgetEstimated: '60000000' },
      ],
    ];
    clock.set('2023-11-10T03:00:00.000Z');
    for (const [unitId, reporter, head, indicators] of reports) {
      await post(reporter, `reporting/periods/${UNITS}/reports/${unitId}/draft`, {
        indicators: { ...indicators, difficultiesRaised: 1, difficultiesAnswered: 1 },
        narrative: 'Đã tổ chức quán triệt, phổ biến Luật Thực hiện dân chủ ở cơ sở đến cán bộ và Nhân dân.',
      });
      await post(head, `reporting/periods/${UNITS}/reports/${unitId}/submission`);
    }
    clock.set('2023-11-20T02:00:00.000Z');
    await post('sonv-coordinator', 'reporting/periods', { regimeId: 'cantho-2023-ldcs-city', year: 2023 });
    await post('sonv-coordinator', `reporting/periods/${CITY}/reports/so-noi-vu/compilation`, {
      narrative:
        'Năm 2023, các sở, ban ngành, quận, huyện và xã, phường, thị trấn đã triển khai Kế hoạch; ' +
        'Sở Nội vụ tổng hợp kết quả từ báo cáo của các đơn vị.',
    });
    clock.set('2023-11-28T09:00:00.000Z');
    await post('sonv-director', `reporting/periods/${CITY}/reports/so-noi-vu/submission`);
    await h.settle();
    const res = await h
      .http()
      .get(`/api/v1/reporting/periods/${CITY}/reports/so-noi-vu/report.docx`)
      .set({ Authorization: `Bearer ${await h.token('sonv-director')}` })
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const docx = join(out, 'annual-report.docx');
    writeFileSync(docx, res.body as Buffer);
    console.log(`wrote ${docx}`);
  } finally {
    await h.close();
  }
  const docx = join(out, 'annual-report.docx');
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, docx], { stdio: 'inherit' });
  const pdf = join(out, 'annual-report.pdf');
  const png = join(__dirname, '..', 'docs', 'images', 'annual-report-docx.png');
  mkdirSync(join(__dirname, '..', 'docs', 'images'), { recursive: true });
  // One page: pdftoppm -png -r 80 -singlefile. More: each page as PPM, side by side in one PNG.
  execFileSync('pdftoppm', ['-r', '80', pdf, join(out, 'page')]);
  const pages = readdirSync(out)
    .filter((f) => /^page-\d+\.ppm$/.test(f))
    .sort()
    .map((f) => join(out, f));
  if (pages.length === 1) {
    execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf, png.replace(/\.png$/, '')]);
  } else writeFileSync(png, joinPagesSideBySide(pages));
  console.log(`wrote ${png} (${pages.length} page${pages.length === 1 ? '' : 's'})`);
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
