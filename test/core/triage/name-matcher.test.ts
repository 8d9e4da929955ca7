import { describe, expect, it } from 'vitest';
import { createNameMatcher, nameWords } from '../../../src/core/triage/name-matcher.ts';

describe('name matching in log text', () => {
  const m = createNameMatcher([
    'payment-service',
    'customer_accounts',
    'app-db.saas.svc.cluster.local',
    'eta',
    'redis-cache',
    'payment-gateway',
  ]);

  it('splits words at punctuation and camelCase humps', () => {
    expect(nameWords('CustomerAccountsClient.getHTTPStatus')).toEqual([
      'customer',
      'accounts',
      'client',
      'get',
      'http',
      'status',
    ]);
  });

  it('finds names in their usual disguises, in text order', () => {
    expect(m.mentions('upstream payment returned 503', 'x')).toEqual(['payment-service']);
    expect(m.mentions('CustomerAccountsClient - Read timed out', 'x')).toEqual(['customer_accounts']);
    expect(m.mentions('getaddrinfo ENOTFOUND app-db.saas.svc.cluster.local', 'x')).toEqual([
      'app-db.saas.svc.cluster.local',
    ]);
    expect(m.mentions('error from eta: dial tcp redis-cache:6379 refused', 'x')).toEqual(['eta', 'redis-cache']);
    expect(m.mentions('payment-gateway timeout', 'x')).toEqual(['payment-gateway']);
  });

  it('does not find a service in its own lines, nor short stems in other words', () => {
    expect(m.mentions('payment succeeded', 'payment-service')).toEqual([]);
    expect(m.mentions('betamax theta', 'x')).toEqual([]);
  });
});
