import { describe, expect, it } from 'vitest';
import { discoverHosts } from '../../../src/core/triage/discover-hosts.ts';

describe('discoverHosts', () => {
  it('finds the hosts a line talks to', () => {
    expect(discoverHosts('connect ECONNREFUSED redis-trip.internal:6379')).toEqual(['redis-trip.internal']);
    expect(discoverHosts('Connection to loyalty-db.default.svc.cluster.local:5432 refused')).toEqual([
      'loyalty-db.default.svc.cluster.local',
    ]);
    expect(discoverHosts('GET https://api.stripe.com/v1/charges failed')).toEqual(['api.stripe.com']);
    expect(discoverHosts('dial tcp redis-cache:6379: connect: connection refused')).toEqual(['redis-cache']);
  });

  it('leaves out class names, files, e-mail domains, addresses and timings', () => {
    expect(discoverHosts('java.net.ConnectException at com.acme.Foo.bar(Foo.java:12)')).toEqual([]);
    expect(discoverHosts('loaded config.yaml for user@example.com')).toEqual([]);
    expect(discoverHosts('10.0.0.5:5432 refused; took 12.5s at line 3:45')).toEqual([]);
  });
});
