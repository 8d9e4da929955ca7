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

  it('finds names written glued or split (Online Boutique style), as in gRPC method names', () => {
    const ob = createNameMatcher(['paymentservice', 'cartservice', 'shipping-service', 'frontend']);
    expect(ob.mentions('failed to charge card: rpc error calling hipstershop.PaymentService/Charge', 'x')).toEqual([
      'paymentservice',
    ]);
    expect(ob.mentions('could not retrieve cart: cart service unavailable', 'x')).toEqual(['cartservice']);
    expect(ob.mentions('shippingservice: quote failed', 'x')).toEqual(['shipping-service']);
    // The bare stem of a glued name is an ordinary word, not a mention.
    const words = createNameMatcher(['emailservice', 'userservice', 'dataapi', 'fileserver']);
    expect(words.mentions('invalid email address for user 42', 'x')).toEqual([]);
    expect(words.mentions('failed to parse data: file not found', 'x')).toEqual([]);
    expect(words.mentions('EmailService.Send failed', 'x')).toEqual(['emailservice']);
  });

  it('does not find a service in its own lines, nor short stems in other words', () => {
    expect(m.mentions('payment succeeded', 'payment-service')).toEqual([]);
    expect(m.mentions('betamax theta', 'x')).toEqual([]);
  });
});
