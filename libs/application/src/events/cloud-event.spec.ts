import type { RecordedEvent } from '@gl/event-store';
import { cloudEventOf, validCloudEvent } from './cloud-event';

const recorded: RecordedEvent = {
  stream: 'obligation-cantho-2023-ldcs.II.1.b.ninh-kieu-tan-an',
  revision: 3,
  position: '1234',
  eventId: '5f0c6a3e-8a51-4c1b-9d43-0c7b8f1e2a10',
  type: 'obligation.completed.v1',
  data: { obligationId: 'cantho-2023-ldcs.II.1.b.ninh-kieu-tan-an' },
  metadata: {
    actor: { userId: 'tanan-reporter', unitId: 'ninh-kieu-tan-an', roles: ['unit-reporter'] },
    correlationId: 'req-1',
    causationId: 'req-1',
    recordedAt: '2023-11-10T02:00:00.000Z',
    occurredAt: '2023-11-09T03:00:00.000Z',
    schemaVersion: 1,
    prevHash: 'a'.repeat(64),
    hash: 'b'.repeat(64),
  },
};

describe('an event as a CloudEvent', () => {
  it('given a recorded event, when enveloped, then the required attributes and our extensions name it', () => {
    const ce = cloudEventOf(recorded, ['ninh-kieu-tan-an'], 'https://ledger.example.vn/');
    expect(ce).toMatchObject({
      specversion: '1.0',
      id: recorded.eventId,
      source: 'https://ledger.example.vn/api/v1/events',
      type: 'obligation.completed.v1',
      subject: recorded.stream,
      time: '2023-11-10T02:00:00.000Z',
      dataschema: 'https://ledger.example.vn/api/v1/event-types/obligation.completed.v1',
      data: recorded.data,
      position: '1234',
      subjectunits: 'ninh-kieu-tan-an',
      revision: 3,
      hash: 'b'.repeat(64),
      prevhash: 'a'.repeat(64),
      actor: 'tanan-reporter',
      actorunit: 'ninh-kieu-tan-an',
      occurredat: '2023-11-09T03:00:00.000Z',
    });
    expect(ce).not.toHaveProperty('reason');
  });

  it('is valid by the CloudEvents SDK, extension names included', () => {
    expect(validCloudEvent(cloudEventOf(recorded, ['a', 'b'], 'http://localhost:3000'))).toBe(true);
  });
});
