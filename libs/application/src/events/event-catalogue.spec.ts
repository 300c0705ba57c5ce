import {
  ACTIVITY_EVENTS,
  INSPECTION_EVENTS,
  OBLIGATION_EVENTS,
  PLAN_EVENTS,
  REPORTING_EVENTS,
  UNIT_EVENTS,
  USER_EVENTS,
} from '@gl/domain';
import { SEAL_EVENTS } from '@gl/event-store';
import { Value } from '@sinclair/typebox/value';
import { ENVELOPE_SCHEMA, EVENT_DATA_SCHEMAS, EVENT_SCHEMAS, eventTypeCatalogue } from './event-catalogue';
import { EventEnvelopeSchema } from './event-envelope';

const AREAS = {
  UNIT_EVENTS,
  USER_EVENTS,
  PLAN_EVENTS,
  OBLIGATION_EVENTS,
  ACTIVITY_EVENTS,
  REPORTING_EVENTS,
  INSPECTION_EVENTS,
  SEAL_EVENTS,
};

describe('the event catalogue', () => {
  it("merges every area's map, and no type is claimed by two", () => {
    const all = Object.values(AREAS).flatMap((m) => Object.keys(m));
    expect(new Set(all).size).toBe(all.length);
    expect(Object.keys(EVENT_DATA_SCHEMAS).sort()).toEqual(all.sort());
  });

  it('names each type as the envelope says types are named: dotted and versioned', () => {
    for (const type of Object.keys(EVENT_SCHEMAS))
      expect([type, Value.Check(EventEnvelopeSchema.properties.type, type)]).toEqual([type, true]);
  });

  it('publishes plain JSON Schema: without our error sentences', () => {
    expect(JSON.stringify([EVENT_SCHEMAS, ENVELOPE_SCHEMA])).not.toContain('errorMessage');
    const { items } = eventTypeCatalogue();
    expect(items.find((i) => i.type === 'unit.renamed.v1')).toMatchObject({
      category: 'unit',
      schema: {
        $id: '/api/v1/event-types/unit.renamed.v1',
        required: expect.arrayContaining(['unitId', 'name', 'effectiveOn', 'legalBasis']),
      },
    });
  });
});
