import { deciderSpec } from '@gl/testing';
import { evolveRegistry, initialRegistry } from '../units/unit-registry.evolve';
import type { UnitEvent } from '../units/unit.events';
import { decidePeriod, evolvePeriod, initialPeriod, Period, PeriodCommand, PeriodEvent } from './period.decider';
import type { RegimeDefinition } from './reporting.events';
import { ReportError } from './report.decider';

// Plan IV.2: units "báo cáo kết quả thực hiện về Sở Nội vụ" every year before 15 November.
const regime: RegimeDefinition = {
  regimeId: 'units',
  planId: 'plan',
  title: 'Báo cáo kết quả thực hiện',
  reporters: [{ group: 'every-commune-peoples-committee' }],
  recipientUnitId: 'so-noi-vu',
  opensOn: { month: 10, day: 1 },
  deadline: { month: 11, day: 15 },
  cutOff: { month: 11, day: 14 },
  fromYear: 2023,
  outline: [],
  compiles: null,
};
const established = (unitId: string, kind: string, level: string, parentId: string | null): UnitEvent => ({
  type: 'unit.established.v1',
  data: {
    unitId,
    name: unitId,
    kind: kind as never,
    level: level as never,
    parentId,
    effectiveOn: '2020-01-01',
    legalBasis: null,
    asExisting: true,
  },
});
// Two wards of one district; the second is dissolved on 1 November, before the report falls due.
const units = [
  established('city', 'city-peoples-committee', 'city', null),
  established('d1', 'district', 'district', 'city'),
  established('w1', 'commune', 'commune', 'd1'),
  established('w2', 'commune', 'commune', 'd1'),
  {
    type: 'unit.dissolved.v1',
    data: {
      unitId: 'w2',
      effectiveOn: '2023-11-01',
      legalBasis: { number: '1/NQ', date: '2023-10-01', issuer: 'HĐND' },
    },
  } as UnitEvent,
].reduce(evolveRegistry, initialRegistry()).units;
const spec = (now = '2023-10-05T03:00:00.000Z') =>
  deciderSpec<PeriodCommand, PeriodEvent, Period>(
    { initialState: initialPeriod, evolve: evolvePeriod, decide: decidePeriod },
    new Date(now),
  );
const open2023: PeriodCommand = { type: 'OpenYearPeriod', regime, year: 2023, issuerUnitId: 'city', units };

describe('a reporting period', () => {
  it('expects the units standing on the day the report falls due (14 November), opened on the regime day', () => {
    const [e] = decidePeriod(open2023, initialPeriod(), new Date('2023-10-05T03:00:00.000Z'));
    expect(e).toMatchObject({
      type: 'reporting.period-opened.v1',
      data: {
        periodId: 'units_2023',
        openedOn: '2023-10-01',
        deadline: '2023-11-14T17:00:00.000Z',
        cutOff: '2023-11-14',
        expectedUnitIds: ['w1'],
        adHoc: false,
      },
    });
  });

  it('is opened once: asked again, it records nothing', () => {
    const [opened] = decidePeriod(open2023, initialPeriod(), new Date('2023-10-05T03:00:00.000Z'));
    spec().given(opened).when(open2023).then();
  });

  it('does not open a year that has not begun, nor one before the regime', () => {
    spec('2023-10-05T03:00:00.000Z')
      .given()
      .when({ ...open2023, year: 2024 })
      .thenThrows(ReportError, /cannot open in 2023/);
    spec()
      .given()
      .when({ ...open2023, year: 2022 })
      .thenThrows(ReportError, /has periods from 2023/);
  });

  it('sends an ad hoc request (đột xuất) only to units that stand that day, and refuses another request under the same id', () => {
    const adHoc: PeriodCommand = {
      type: 'OpenAdHocPeriod',
      regime,
      periodId: 'dx-1',
      title: 'Báo cáo đột xuất',
      deadline: '2023-10-20T17:00:00+07:00',
      unitIds: ['w1'],
      notStanding: { w1: null },
    };
    const [opened] = decidePeriod(adHoc, initialPeriod(), new Date('2023-10-05T03:00:00.000Z'));
    spec().given(opened).when(adHoc).then();
    spec()
      .given(opened)
      .when({ ...adHoc, title: 'Khác' })
      .thenThrows(ReportError, /already open/);
    spec()
      .given()
      .when({ ...adHoc, unitIds: ['w9'], notStanding: { w9: 'w9 ended on 2023-07-01' } })
      .thenThrows(ReportError, /stand on the day/);
  });

  it('reminds the units that have not submitted (đôn đốc)', () => {
    const [opened] = decidePeriod(open2023, initialPeriod(), new Date('2023-10-05T03:00:00.000Z'));
    spec()
      .given(opened)
      .when({ type: 'RemindMissing', periodId: 'units_2023', message: 'Đề nghị gửi báo cáo', missingUnitIds: ['w1'] })
      .then({
        type: 'reporting.reminder-sent.v1',
        data: { periodId: 'units_2023', unitIds: ['w1'], message: 'Đề nghị gửi báo cáo' },
      });
    spec()
      .given()
      .when({ type: 'RemindMissing', periodId: 'x', message: 'm', missingUnitIds: [] })
      .thenThrows(ReportError, /no period/);
  });
});
