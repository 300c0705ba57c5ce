import type { Scope } from '@gl/domain';
import type { WebhookEndpoint } from '@gl/read-models';
import { NotFoundInScopeError, NotPermittedError } from '../shared/access.errors';
import { systemScope } from '../shared/command-context';
import { adminReach, ownerFor, requireManaged } from './webhook-access';
import { WebhookError } from './webhook.errors';

/** An admin of two wards (Cái Khế, Ninh Kiều) who also reports for a third (An Hòa). */
const admin: Scope = {
  roles: ['integration-admin', 'unit-reporter'],
  readsAll: false,
  reads: new Set(['new-phuong-cai-khe', 'new-phuong-ninh-kieu', 'new-phuong-an-hoa']),
  writes: new Set(['new-phuong-an-hoa']),
  integrates: new Map([
    ['new-phuong-cai-khe', new Set(['new-phuong-cai-khe'])],
    ['new-phuong-ninh-kieu', new Set(['new-phuong-ninh-kieu'])],
  ]),
};
const reporter: Scope = { ...admin, roles: ['unit-reporter'], integrates: undefined };
const endpoint = (ownerUnitId: string) => ({ endpointId: 'e1', ownerUnitId }) as WebhookEndpoint;

describe('who manages which webhook endpoints', () => {
  it('gives an endpoint the grant that holds all its units, keeping the owner while it still does', () => {
    expect(ownerFor(admin, ['new-phuong-ninh-kieu'])).toBe('new-phuong-ninh-kieu');
    expect(ownerFor(admin, ['new-phuong-cai-khe'], 'new-phuong-ninh-kieu')).toBe('new-phuong-cai-khe');
    expect(ownerFor(admin, ['new-phuong-cai-khe'], 'new-phuong-cai-khe')).toBe('new-phuong-cai-khe');
  });

  it('refuses units of two grants in one endpoint, units it only reads, and units it cannot see', () => {
    expect(() => ownerFor(admin, ['new-phuong-cai-khe', 'new-phuong-ninh-kieu'])).toThrow(WebhookError);
    expect(() => ownerFor(admin, ['new-phuong-an-hoa'])).toThrow(NotPermittedError);
    expect(() => ownerFor(admin, ['so-noi-vu'])).toThrow(NotFoundInScopeError);
  });

  it('refuses everyone without the integration-admin role', () => {
    expect(() => adminReach(reporter)).toThrow(NotPermittedError);
    expect(() => ownerFor(reporter, ['new-phuong-an-hoa'])).toThrow(NotPermittedError);
  });

  it('finds an endpoint only within reach of its owner unit; the system reaches all', () => {
    expect(requireManaged(admin, endpoint('new-phuong-ninh-kieu'), 'e1').endpointId).toBe('e1');
    expect(() => requireManaged(admin, endpoint('new-phuong-an-hoa'), 'e1')).toThrow(WebhookError);
    expect(() => requireManaged(admin, null, 'e1')).toThrow(WebhookError);
    expect(adminReach(systemScope())).toBeNull();
    expect(requireManaged(systemScope(), endpoint('so-noi-vu'), 'e1').ownerUnitId).toBe('so-noi-vu');
  });
});
