import { evolveRegistry, initialRegistry } from '@gl/domain';
import { unitEstablished, unitsMerged } from '@gl/testing';
import type { ActivityFigures, ObligationFigures, ReadStore } from '@gl/read-models';
import { figuresOut } from './dashboard-figures';
import { DashboardTallies, Tallied, TallyInput } from './dashboard-tallies';
import { FigureDocs, tallyOwn } from './dashboard-tally';
import { rollUp } from './dashboard-view';
import type { Asked } from './own-figures';
import { landingsOfSubtree } from './rebase';
import { treeOn } from './tree-on-day';

const established = (unitId: string, parentId: string | null, level: 'city' | 'commune') =>
  unitEstablished(unitId, { parentId, level, kind: level === 'city' ? 'city-peoples-committee' : 'commune' });
const merged = (successor: string, predecessors: { unitId: string; whole: boolean; share?: number }[]) =>
  unitsMerged(successor, predecessors, 'city');
// city → an, binh, old (2023); old passed 30 % into an-moi (with an) and 70 % into binh-moi (with binh) in 2025
const units = [
  established('city', null, 'city'),
  established('an', 'city', 'commune'),
  established('binh', 'city', 'commune'),
  established('old', 'city', 'commune'),
  merged('an-moi', [
    { unitId: 'an', whole: true },
    { unitId: 'old', whole: false, share: 0.3 },
  ]),
  merged('binh-moi', [
    { unitId: 'binh', whole: true },
    { unitId: 'old', whole: false, share: 0.7 },
  ]),
].reduce(evolveRegistry, initialRegistry()).units;

const TODAY = '2025-08-01';
const store = {} as ReadStore;
const conferences = (n: number, position: string) =>
  ({ _id: '', _position: position, y: { '2023': { m: { '2023-05': { n, conferences: n } } } } }) as ActivityFigures & {
    _position: string;
  };
/** One open order due on 15/11/2023 (the instant it closes: 00:00 of the 16th in Hà Nội). */
const dueNov15 = {
  _id: '',
  _position: '1',
  y: { '2023': { [String(Date.parse('2023-11-15T17:00:00Z'))]: { open: 1 } } },
};

const docsOf = (activities: Record<string, ActivityFigures>, obligations: Record<string, ObligationFigures> = {}) =>
  ({
    obligations: new Map(Object.entries(obligations)),
    activities: new Map(Object.entries(activities)),
    inspections: new Map(),
    reports: new Map(),
  }) as FigureDocs;

const ask = (
  unitId: string,
  docs: FigureDocs,
  over: { basis?: 'recorded' | 'today'; now?: string; reads?: ReadStore; versions?: string } = {},
): TallyInput & { docs: FigureDocs } => {
  const b = over.basis ?? 'recorded';
  const day = b === 'today' ? TODAY : '2023-12-31';
  const tree = treeOn(units, day);
  const asked: Asked = { year: 2023, day, now: new Date(over.now ?? '2023-10-01T03:00:00Z') };
  const { lands } = landingsOfSubtree(units, tree, unitId, b, day, TODAY);
  const read = async () => docs;
  const reads = over.reads ?? store;
  return {
    reads,
    units,
    tree,
    basis: b,
    today: TODAY,
    unitId,
    lands,
    read,
    docs,
    periods: [],
    asked,
    versions: over.versions,
  };
};
/** The same question answered afresh, without anything kept. */
const afresh = (x: TallyInput & { docs: FigureDocs }, id: string) => {
  const { own, approximateUnits } = tallyOwn(x.lands, x.docs, x.periods, x.asked);
  return figuresOut(rollUp(x.tree, own, approximateUnits)(id).figures);
};
const conferencesOf = (t: Tallied, id: string) => figuresOut(t.rolled(id).figures).conferences;

describe('dashboard tallies kept between requests (DashboardTallies)', () => {
  it('answers as a tally made afresh, and asked again with the same documents sums nothing again', async () => {
    // given the figures of three communes
    const tallies = new DashboardTallies();
    const docs = docsOf({ an: conferences(1, '5'), binh: conferences(2, '6'), old: conferences(4, '7') });
    // when the city is asked twice
    const first = await tallies.of(ask('city', docs));
    const again = await tallies.of(ask('city', docs));
    // then the roll-up is the fresh one, and the same object the second time
    expect(figuresOut(first.rolled('city').figures)).toEqual(afresh(ask('city', docs), 'city'));
    expect(conferencesOf(first, 'city')).toBe(7);
    expect(again.rolled('city')).toBe(first.rolled('city'));
  });

  it('sums again only the unit whose document moved, and the subtrees above it', async () => {
    const tallies = new DashboardTallies();
    const before = docsOf({ an: conferences(1, '5'), binh: conferences(2, '6') });
    const first = await tallies.of(ask('city', before));
    const binhBefore = first.rolled('binh');
    // when an's document is written again (a later position) with one more conference
    const after = docsOf({ an: conferences(2, '9'), binh: conferences(2, '6') });
    const second = await tallies.of(ask('city', after));
    // then the city and an count it, and binh's roll-up is the one kept
    expect(conferencesOf(second, 'city')).toBe(4);
    expect(conferencesOf(second, 'an')).toBe(2);
    expect(second.rolled('binh')).toBe(binhBefore);
    expect(figuresOut(second.rolled('city').figures)).toEqual(afresh(ask('city', after), 'city'));
  });

  it('counts a unit whose documents are gone as having none', async () => {
    const tallies = new DashboardTallies();
    await tallies.of(ask('city', docsOf({ an: conferences(1, '5'), binh: conferences(2, '6') })));
    expect(conferencesOf(await tallies.of(ask('city', docsOf({ binh: conferences(2, '6') }))), 'city')).toBe(2);
  });

  it('forgets, on today’s tree, what a moved unit passed on to a subtree not asked, before that one is asked', async () => {
    const tallies = new DashboardTallies();
    const before = docsOf({ old: conferences(10, '5') });
    // given an-moi's and binh-moi's tallies on today's tree (each took part of old's records)
    await tallies.of(ask('an-moi', before, { basis: 'today' }));
    expect(conferencesOf(await tallies.of(ask('binh-moi', before, { basis: 'today' })), 'binh-moi')).toBe(7);
    // when old's document moves and only an-moi is asked
    const after = docsOf({ old: conferences(20, '8') });
    expect(conferencesOf(await tallies.of(ask('an-moi', after, { basis: 'today' })), 'an-moi')).toBe(6);
    // then binh-moi, asked next, counts the new figures too, as a fresh tally, approximate
    const binh = await tallies.of(ask('binh-moi', after, { basis: 'today' }));
    expect(conferencesOf(binh, 'binh-moi')).toBe(14);
    expect(binh.rolled('binh-moi').approximate).toBe(true);
    expect(figuresOut(binh.rolled('binh-moi').figures)).toEqual(
      afresh(ask('binh-moi', after, { basis: 'today' }), 'binh-moi'),
    );
  });

  it('judges the open orders against now: past the day one falls due soon, the tally is made again', async () => {
    const tallies = new DashboardTallies();
    const docs = docsOf({}, { an: dueNov15 as ObligationFigures });
    const on = async (now: string) =>
      figuresOut((await tallies.of(ask('city', docs, { now }))).rolled('city').figures).obligations;
    expect(await on('2023-10-01T03:00:00Z')).toMatchObject({ onTrack: 1, dueSoon: 0, overdue: 0 });
    expect(await on('2023-10-10T03:00:00Z')).toMatchObject({ onTrack: 1, dueSoon: 0, overdue: 0 });
    expect(await on('2023-10-20T03:00:00Z')).toMatchObject({ onTrack: 0, dueSoon: 1, overdue: 0 });
    expect(await on('2023-11-16T03:00:00Z')).toMatchObject({ onTrack: 0, dueSoon: 0, overdue: 1 });
  });

  it('keeps the tallies of two stores apart (a past store is not today’s)', async () => {
    const tallies = new DashboardTallies();
    const past = {} as ReadStore;
    await tallies.of(ask('city', docsOf({ an: conferences(1, '5') })));
    const then = await tallies.of(ask('city', docsOf({ an: conferences(3, '5') }), { reads: past }));
    expect(conferencesOf(then, 'city')).toBe(3);
  });
});

describe('dashboard tallies where the store tells its versions', () => {
  it('reads no document while the figures’ versions have not moved since the subtree was checked', async () => {
    const tallies = new DashboardTallies();
    let reads = 0;
    const counting = (x: TallyInput): TallyInput => ({ ...x, read: () => (reads++, x.read()) });
    const docs = docsOf({ an: conferences(1, '5') });
    await tallies.of(counting(ask('city', docs, { versions: 'v1' })));
    const again = await tallies.of(counting(ask('city', docs, { versions: 'v1' })));
    expect(reads).toBe(1);
    expect(conferencesOf(again, 'city')).toBe(1);
    // a subtree not checked yet at these versions is read, even inside one that was
    await tallies.of(counting(ask('an', docs, { versions: 'v1' })));
    expect(reads).toBe(2);
    // once they move, the city is read again, and its figures follow
    const moved = await tallies.of(counting(ask('city', docsOf({ an: conferences(5, '8') }), { versions: 'v2' })));
    expect(reads).toBe(3);
    expect(conferencesOf(moved, 'city')).toBe(5);
  });
});
