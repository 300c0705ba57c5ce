import { deciderSpec } from '@gl/testing';
import { Activity, ActivityCommand, decideActivity, evolveActivity, initialActivity } from './activity.decider';
import { ActivityEvent } from './activity.events';
import { ActivityError } from './activity-rules';

const spec = () => deciderSpec<ActivityCommand, ActivityEvent, Activity>({ initialState: initialActivity, evolve: evolveActivity, decide: (c, s) => decideActivity(c, s) });
const header = { activityId: 'a1', unitId: 'ninh-kieu-tan-an', obligationId: null, planId: null, taskCode: null, year: 2023 };
const doing = (type: string, data: object) => ({ type: 'Do' as const, event: { type, data } as unknown as ActivityEvent });
const regulation = { ...header, number: '15/QĐ-UBND', issuedOn: '2023-11-24', effectiveFrom: '2023-12-01', signer: 'Chủ tịch', title: 'Quy chế' };
const difficulty = { type: 'difficulty.raised.v1', data: { ...header, title: 'Vướng mắc', description: 'Chưa rõ', raisedOn: '2023-10-05' } } as ActivityEvent;
const conference = { ...header, level: 'commune', heldOn: '2023-09-15', place: 'Hội trường', chairedBy: 'Chủ tịch', participants: { cadres: 12 } };
const sha256 = 'c0'.repeat(32);

describe('the exact shape of what an activity records', () => {
  it('stores a field left out that may be empty as null, as the published schema has it', () => {
    spec().given().when(doing('regulation.issued.v1', regulation)).then({ type: 'regulation.issued.v1', data: { ...regulation, document: null, replaces: null } } as ActivityEvent);
    spec().given().when(doing('media.items-published.v1', { ...header, outlet: 'Báo', channel: 'newspaper', month: '2023-07', items: [{ title: 'Tin', publishedOn: '2023-07-01' }] }))
      .then({ type: 'media.items-published.v1', data: { ...header, outlet: 'Báo', channel: 'newspaper', month: '2023-07', items: [{ title: 'Tin', link: null, publishedOn: '2023-07-01' }] } } as ActivityEvent);
    spec().given(difficulty).when(doing('difficulty.escalated.v1', { activityId: 'a1', note: 'Xin ý kiến', on: '2023-10-06' })).then({ type: 'difficulty.escalated.v1', data: { activityId: 'a1', note: 'Xin ý kiến', on: '2023-10-06' } } as ActivityEvent);
  });

  it.each<[string, string, object, ActivityEvent[], RegExp]>([
    ['a field a step does not have', 'difficulty.guidance-given.v1', { activityId: 'a1', guidance: 'Theo Điều 25', on: '2023-10-12', priority: 'cao' }, [difficulty], /difficulty.guidance-given.v1 has no field priority/],
    ['a field a media item does not have', 'media.items-published.v1', { ...header, outlet: 'Báo', channel: 'newspaper', month: '2023-07', items: [{ title: 'Tin', link: null, publishedOn: '2023-07-01', views: 3 }] }, [], /items 1 has no field views/],
    ['a field an attachment does not have', 'conference.held.v1', { ...conference, evidence: { documentNumber: '1/BC', documentDate: '2023-09-18', attachments: [{ name: 'bb.pdf', sha256, size: 1, url: 'x' }] } }, [], /evidence attachments 1 has no field url/],
    ['a field a regulation document does not have', 'regulation.issued.v1', { ...regulation, document: { name: 'qc.pdf', sha256, size: 1, pages: 3 } }, [], /document has no field pages/],
  ])('refuses %s', (_what, type, data, given, message) => spec().given(...given).when(doing(type, data)).thenThrows(ActivityError, message));

  it("checks a correction's changes the same way, and leaves out what it does not change", () => {
    const held = { type: 'conference.held.v1', data: { ...conference, evidence: null } } as ActivityEvent;
    spec().given(held).when(doing('activity.corrected.v1', { activityId: 'a1', reason: 'Bổ sung', changes: { evidence: { documentNumber: '1/BC', documentDate: '2023-09-18', attachments: [], note: 'x' } } }))
      .thenThrows(ActivityError, /evidence has no field note/);
    spec().given(held).when(doing('activity.corrected.v1', { activityId: 'a1', reason: 'Sửa', changes: { place: 'Hội trường mới' } }))
      .then({ type: 'activity.corrected.v1', data: { activityId: 'a1', reason: 'Sửa', changes: { place: 'Hội trường mới' }, kind: 'conference' } } as ActivityEvent);
  });
});
