import type { Unit } from '@gl/domain';
import { logFilterOf, reachOf, wantsEvent, wantsType } from './endpoint-filter';

const unit = (id: string, parent: string | null) =>
  ({ id, parents: parent ? [{ value: parent, from: '2020-01-01', until: null }] : [] }) as unknown as Unit;
const units = new Map(
  [unit('city', null), unit('district', 'city'), unit('commune-a', 'district'), unit('commune-b', 'district')].map(
    (u) => [u.id, u],
  ),
);
const settings = (s: { eventTypes?: string[]; categories?: string[]; unitIds?: string[] }) => ({
  eventTypes: [],
  categories: [],
  unitIds: [],
  ...s,
});

describe('endpoint filter', () => {
  it('wants every type when it names none; else a type prefix OR a category', () => {
    expect(wantsType(settings({}), 'activity.recorded.v1')).toBe(true);
    const s = settings({ eventTypes: ['obligation.completed.'], categories: ['report'] });
    expect(wantsType(s, 'obligation.completed.v1')).toBe(true);
    expect(wantsType(s, 'obligation.opened.v1')).toBe(false);
    expect(wantsType(s, 'report.submitted.v1')).toBe(true);
    expect(wantsType(s, 'reporting.x.v1')).toBe(false);
    expect(logFilterOf(s)).toEqual({ typePrefixes: ['obligation.completed.', 'report.'] });
    expect(logFilterOf(settings({}))).toBeUndefined();
  });

  it("expands its units to their subtrees, as a viewer's grant, and meets the event's subject units", () => {
    const commune = settings({ unitIds: ['commune-a'] });
    const district = settings({ unitIds: ['district'] });
    const a = reachOf(commune, units, '2026-03-02');
    const d = reachOf(district, units, '2026-03-02');
    expect([...a!]).toEqual(['commune-a']);
    expect([...d!].sort()).toEqual(['commune-a', 'commune-b', 'district']);
    expect(wantsEvent(commune, a, 'activity.recorded.v1', ['commune-a'])).toBe(true);
    expect(wantsEvent(commune, a, 'activity.recorded.v1', ['commune-b'])).toBe(false);
    expect(wantsEvent(district, d, 'activity.recorded.v1', ['commune-b'])).toBe(true);
    expect(wantsEvent(district, d, 'user.registered.v1', [])).toBe(false);
    expect(reachOf(settings({}), units, '2026-03-02')).toBeNull();
    expect(wantsEvent(settings({}), null, 'user.registered.v1', [])).toBe(true);
  });

  it('sends seals to every endpoint asking for the audit category or the type, whatever its units', () => {
    const audit = settings({ categories: ['audit'], unitIds: ['commune-a'] });
    const reach = reachOf(audit, units, '2026-03-02');
    expect(wantsEvent(audit, reach, 'audit.sealed.v1', [])).toBe(true);
    expect(wantsEvent(settings({ eventTypes: ['audit.sealed.v1'] }), null, 'audit.sealed.v1', [])).toBe(true);
    expect(wantsEvent(settings({ categories: ['activity'] }), null, 'audit.sealed.v1', [])).toBe(false);
  });
});
