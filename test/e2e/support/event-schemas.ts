import Ajv2020 from 'ajv/dist/2020';
import { EVENT_SCHEMAS, ENVELOPE_SCHEMA } from '@gl/application';
import { EVENT_STORE, EventStore, START } from '@gl/event-store';
import type { Harness } from './api-harness';

/** Every event in the harness's log has a schema in the catalogue, and matches it (and the envelope). */
export const expectEventsMatchTheirSchemas = async (h: Harness): Promise<Set<string>> => {
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  const envelope = ajv.compile(ENVELOPE_SCHEMA);
  const byType = new Map(Object.entries(EVENT_SCHEMAS).map(([t, s]) => [t, ajv.compile(s)]));
  const seen = new Set<string>();
  const problems: string[] = [];
  const store = h.app.get<EventStore>(EVENT_STORE);
  for (let after = START; ;) {
    const batch = await store.readAll({ after, maxCount: 1000 });
    for (const e of batch.events) {
      seen.add(e.type);
      const validate = byType.get(e.type);
      if (!validate) problems.push(`${e.type}: no schema`);
      else if (!validate(e.data)) problems.push(`${e.type} at ${e.position}: ${ajv.errorsText(validate.errors)}`);
      if (!envelope(JSON.parse(JSON.stringify(e))))
        problems.push(`envelope at ${e.position}: ${ajv.errorsText(envelope.errors)}`);
    }
    if (batch.isEnd) break;
    after = batch.position;
  }
  expect([...new Set(problems)].slice(0, 10)).toEqual([]);
  return seen;
};
