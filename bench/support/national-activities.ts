import {
  Activity,
  ActivityEvent,
  ActivityHeader,
  ActivityKind,
  activityStream,
  Actor,
  decideActivity,
  decideObligation,
  decideReport,
  evolveActivity,
  evolveObligation,
  evolveReport,
  ObligationEvent,
  fanOut,
  FINDINGS,
  initialActivity,
  initialObligation,
  initialReport,
  Obligation,
  ObligationCommand,
  periodIdOf,
  periodStream,
  regimeStream,
  reportStream,
  startOfDayInVietnam,
  TaskDefinition,
  Unit,
  obligationStream,
} from '@gl/domain';
import { LogWriter, seeded } from './log-writer';
import { NationalTree, Province, YEAR } from './national-tree';

/** What one unit records in the year, by kind: a commune holds a conference in each hamlet, and so on. */
const COMMUNE: Record<ActivityKind, number> = {
  conference: 60,
  media: 60,
  training: 20,
  legalreview: 10,
  regulation: 1,
  budget: 8,
  difficulty: 20,
  resolution: 0,
};
const BODY: Record<ActivityKind, number> = {
  conference: 20,
  media: 10,
  training: 10,
  legalreview: 10,
  regulation: 1,
  budget: 5,
  difficulty: 5,
  resolution: 0,
};
/** The task an activity of a kind carries out, where the plan has one for it. */
const TASK_OF: Partial<Record<ActivityKind, string>> = { conference: 'II.1.d', training: 'II.3', legalreview: 'II.4' };
const MONTHS = ['08', '09', '10', '11'];

const reporter = (unitId: string): Actor => ({ userId: `${unitId}-reporter`, unitId, roles: ['reporter'] });
const pad = (n: number) => String(n).padStart(2, '0');

/** The events of one activity's life, each checked by the decider against what came before. */
export const lifeOf = (
  kind: ActivityKind,
  header: ActivityHeader,
  month: string,
  k: number,
  rnd: () => number,
): ActivityEvent[] => {
  const day = `${YEAR}-${month}-${pad(1 + (k % 27))}`;
  const id = header.activityId;
  const opening = ((): ActivityEvent => {
    const h = header;
    switch (kind) {
      case 'conference':
        return {
          type: 'conference.held.v1',
          data: {
            ...h,
            level: 'commune',
            heldOn: day,
            place: `Nhà văn hóa ấp ${1 + (k % 12)}`,
            chairedBy: 'Chủ tịch UBND xã',
            participants: { cadres: 5 + (k % 7), 'residents-representatives': 20 + Math.floor(rnd() * 80) },
            evidence: null,
          },
        };
      case 'media':
        return {
          type: 'media.items-published.v1',
          data: {
            ...h,
            outlet: 'Đài truyền thanh xã',
            channel: 'radio',
            month: `${YEAR}-${month}`,
            items: Array.from({ length: 1 + (k % 3) }, (_, i) => ({
              title: `Tuyên truyền Luật Thực hiện dân chủ ở cơ sở, bản tin ${i + 1}`,
              link: null,
              publishedOn: day,
            })),
          },
        };
      case 'training':
        return {
          type: 'training.held.v1',
          data: {
            ...h,
            organiser: 'UBND xã',
            targetGroups: ['cadres', 'civil-servants'],
            startsOn: day,
            endsOn: day,
            trainees: { cadres: 10 + (k % 9), 'civil-servants': 5 + (k % 4) },
            materials: [],
            attendedTrainingId: null,
          },
        };
      case 'legalreview':
        return {
          type: 'legalreview.recorded.v1',
          data: {
            ...h,
            documents: Array.from({ length: 1 + (k % 3) }, (_, i) => {
              const finding = FINDINGS[Math.floor(rnd() * FINDINGS.length)];
              return {
                number: `${k * 3 + i}/QĐ-UBND`,
                date: `${YEAR - 1}-06-01`,
                issuer: 'UBND xã',
                title: 'Quy chế thực hiện dân chủ',
                finding,
                proposal: finding === 'keep' ? '' : 'Sửa đổi cho phù hợp với Luật',
              };
            }),
          },
        };
      case 'regulation':
        return {
          type: 'regulation.issued.v1',
          data: {
            ...h,
            number: `${k}/QĐ-UBND`,
            issuedOn: day,
            effectiveFrom: day,
            signer: 'Chủ tịch UBND',
            title: 'Quy chế thực hiện dân chủ ở cơ sở',
            document: null,
            replaces: null,
          },
        };
      case 'budget':
        return {
          type: 'budget.estimated.v1',
          data: {
            ...h,
            amount: 5_000_000 + 500_000 * (k % 20),
            description: 'Kinh phí tổ chức hội nghị, tuyên truyền',
            source: { kind: 'state-budget', level: 'commune' },
          },
        };
      case 'difficulty':
        return {
          type: 'difficulty.raised.v1',
          data: {
            ...h,
            title: 'Vướng mắc khi lấy ý kiến Nhân dân',
            description: 'Tỷ lệ hộ gia đình tham gia thấp',
            raisedOn: day,
          },
        };
      default:
        throw new Error(`no recipe for ${kind}`);
    }
  })();
  const steps: ActivityEvent[] = [opening];
  const step = (e: { type: string; data: Record<string, unknown> }) =>
    steps.push({ ...e, data: { activityId: id, ...e.data } } as ActivityEvent);
  if (kind === 'budget') {
    const amount = (opening.data as { amount: number }).amount;
    step({ type: 'budget.submitted.v1', data: { to: 'Phòng Tài chính' } });
    step({ type: 'budget.approved.v1', data: { amount, by: 'Chủ tịch UBND' } });
    step({ type: 'budget.allocated.v1', data: { amount } });
    step({ type: 'budget.spent.v1', data: { amount: amount - 1_000_000, note: 'Chi hội nghị' } });
  }
  if (kind === 'difficulty') {
    step({ type: 'difficulty.guidance-given.v1', data: { guidance: 'Tổ chức lấy ý kiến qua tổ dân phố', on: day } });
    if (k % 4 === 0) {
      step({ type: 'difficulty.escalated.v1', data: { note: 'Đề nghị Sở Nội vụ hướng dẫn', on: day } });
      step({
        type: 'difficulty.decided.v1',
        data: { decision: 'Áp dụng hướng dẫn của Bộ Nội vụ', documentNumber: null, on: day },
      });
    }
  }
  if (kind === 'regulation' && k % 2 === 0)
    step({
      type: 'regulation.amended.v1',
      data: { number: `${k}a/QĐ-UBND`, issuedOn: day, summary: 'Bổ sung quy trình' },
    });
  if (kind === 'conference' && k % 20 === 7)
    step({
      type: 'activity.corrected.v1',
      data: { kind, changes: { place: 'Hội trường UBND xã' }, reason: 'Ghi sai địa điểm' },
    });
  if (kind === 'media' && k % 100 === 3) step({ type: 'activity.withdrawn.v1', data: { kind, reason: 'Ghi trùng' } });
  let s: Activity = initialActivity();
  const out: ActivityEvent[] = [];
  for (const e of steps)
    for (const d of decideActivity({ type: 'Do', event: e }, s)) {
      s = evolveActivity(s, d);
      out.push(d);
    }
  return out;
};

/** Activities month by month across the nation, each linked to its obligation where the plan has one. */
export const writeActivities = async (
  w: LogWriter,
  tree: Pick<NationalTree, 'provinces' | 'obligations'>,
  book: ObligationBook,
  months: number[],
) => {
  const rnd = seeded(2023 + months[0]);
  const obligationOf = new Map(tree.obligations.map((o) => [`${o.unitId}/${o.taskCode}`, o.id]));
  for (const m of months) {
    const month = MONTHS[m];
    w.on(`${YEAR}-${month}-01`);
    for (const p of tree.provinces) {
      for (const unitId of [...p.bodies, ...p.communes]) {
        const recipe = unitId.includes('-xa-') ? COMMUNE : BODY;
        for (const [kind, count] of Object.entries(recipe) as [ActivityKind, number][]) {
          for (let k = m; k < count; k += MONTHS.length) {
            const activityId = `${unitId}-${kind}-${k}`;
            const task = k < MONTHS.length ? TASK_OF[kind] : undefined;
            const obligationId = task ? (obligationOf.get(`${unitId}/${task}`) ?? null) : null;
            const header: ActivityHeader = {
              activityId,
              unitId,
              obligationId,
              planId: obligationId ? p.planId : null,
              taskCode: obligationId ? task! : null,
              year: YEAR,
            };
            await w.append(activityStream(kind, activityId), lifeOf(kind, header, month, k, rnd), reporter(unitId));
            if (obligationId)
              await book.act(
                w,
                obligationId,
                { type: 'LinkActivity', obligationId, activityId, kind },
                reporter(unitId),
              );
          }
        }
      }
    }
  }
};

/** The obligations' states as the log has them, so each command is decided as a handler would decide it. */
export class ObligationBook {
  private readonly states = new Map<string, Obligation>();

  constructor(obligations: NationalTree['obligations']) {
    for (const o of obligations)
      this.states.set(
        o.id,
        evolveObligation(initialObligation(), { type: 'obligation.assigned.v1', data: o.assigned } as ObligationEvent),
      );
  }

  async act(w: LogWriter, id: string, c: ObligationCommand, actor: Actor): Promise<void> {
    let s = this.states.get(id)!;
    const events = decideObligation(c, s, w.clock.now());
    for (const e of events) s = evolveObligation(s, e);
    this.states.set(id, s);
    await w.append(obligationStream(id), events, actor);
  }
}

/** Every obligation acknowledged, ten days after it was assigned. */
export const writeAcknowledgements = async (
  w: LogWriter,
  tree: Pick<NationalTree, 'obligations'>,
  book: ObligationBook,
) => {
  w.on(`${YEAR}-07-10`);
  for (const o of tree.obligations)
    await book.act(w, o.id, { type: 'Acknowledge', obligationId: o.id, unitId: o.unitId }, reporter(o.unitId));
};

/** Most obligations completed (before or after their deadline), some still in progress. */
export const writeCompletions = async (w: LogWriter, tree: Pick<NationalTree, 'obligations'>, book: ObligationBook) => {
  w.on(`${YEAR}-11-10`);
  for (const [i, o] of tree.obligations.entries()) {
    // A request (đề nghị) is answered by the body asked, not completed.
    const done: ObligationCommand =
      o.assigned.kind === 'requested'
        ? {
            type: 'AnswerRequest',
            obligationId: o.id,
            answer: 'Đã triển khai',
            answeredOn: `${YEAR}-11-09`,
            documentNumber: `${i}/BC`,
          }
        : {
            type: 'Complete',
            obligationId: o.id,
            evidence: { documentNumber: `${i}/BC-UBND`, documentDate: `${YEAR}-11-09`, attachments: [] },
          };
    if (i % 20 < 11) await book.act(w, o.id, done, reporter(o.unitId));
    else if (i % 20 < 15)
      await book.act(
        w,
        o.id,
        { type: 'UpdateProgress', obligationId: o.id, percent: 50, note: 'Đang triển khai' },
        reporter(o.unitId),
      );
  }
};

export interface OpenedPeriod {
  periodId: string;
  deadline: string;
  expected: string[];
}

/** The regimes and the periods of the year, with the units each expects a report from. */
export const openPeriods = async (
  w: LogWriter,
  tree: Pick<NationalTree, 'regimes' | 'units'>,
): Promise<OpenedPeriod[]> => {
  const coordinator = (p: Province): Actor => ({
    userId: `${p.id}-coordinator`,
    unitId: `${p.id}-so-noi-vu`,
    roles: ['plan-coordinator'],
  });
  w.on(`${YEAR}-09-30`);
  const periods: OpenedPeriod[] = [];
  for (const { regime, province } of tree.regimes) {
    await w.append(
      regimeStream(regime.regimeId),
      [{ type: 'reporting.regime-defined.v1', data: regime }],
      coordinator(province),
    );
    const openedOn = `${YEAR}-${pad(regime.opensOn.month)}-${pad(regime.opensOn.day)}`;
    const reporters = { lead: regime.reporters, performers: [], coordinating: [] } as unknown as TaskDefinition;
    const expected = [
      ...new Set(
        fanOut(reporters, province.ubnd, tree.units as ReadonlyMap<string, Unit>, openedOn).map((t) => t.unitId),
      ),
    ];
    const deadline = startOfDayInVietnam(`${YEAR}-${pad(regime.deadline.month)}-${pad(regime.deadline.day)}`);
    const periodId = periodIdOf(regime.regimeId, YEAR);
    await w.append(
      periodStream(periodId),
      [
        {
          type: 'reporting.period-opened.v1',
          data: {
            periodId,
            regimeId: regime.regimeId,
            planId: regime.planId,
            year: YEAR,
            title: `${regime.title} — ${YEAR}`,
            openedOn,
            deadline,
            cutOff: `${YEAR}-${pad(regime.cutOff.month)}-${pad(regime.cutOff.day)}`,
            recipientUnitId: regime.recipientUnitId,
            expectedUnitIds: expected,
            adHoc: false,
          },
        },
      ],
      coordinator(province),
    );
    periods.push({ periodId, deadline, expected });
  }
  return periods;
};

/** The units' reports: 70% on time, 15% late, 15% never sent. */
export const writeReports = async (w: LogWriter, periods: OpenedPeriod[]) => {
  for (const [late, day] of [
    [false, '11-10'],
    [true, '11-20'],
  ] as const) {
    w.on(`${YEAR}-${day}`);
    for (const { periodId, deadline, expected } of periods) {
      for (const [i, unitId] of expected.entries()) {
        if (late ? i % 20 < 14 || i % 20 >= 17 : i % 20 >= 14) continue;
        let s = initialReport();
        const events = [];
        for (const c of [
          {
            type: 'Draft' as const,
            periodId,
            unitId,
            indicators: { conferences: 15, participants: 1200 },
            narrative: 'Báo cáo kết quả triển khai',
          },
          { type: 'Submit' as const, periodId, unitId, signedBy: 'Chủ tịch UBND', deadline },
        ])
          for (const e of decideReport(c, s, w.clock.now())) {
            s = evolveReport(s, e);
            events.push(e);
          }
        await w.append(reportStream(unitId, periodId), events, reporter(unitId));
      }
    }
  }
};
