import { describe, expect, it } from 'vitest';
import { chooseWithinBudget } from '../../../src/adapters/prometheus/choose-within-budget.ts';

describe('chooseWithinBudget', () => {
  const series = [
    { __name__: 'http_requests_total', service: 'b' },
    { __name__: 'queue_depth', service: 'b' },
    { __name__: 'http_server_errors_total', service: 'b' },
    { __name__: 'process_resident_memory_bytes', service: 'a' },
    { __name__: 'request_latency_seconds_p99', service: 'a' },
    { __name__: 'up', instance: 'n1' },
    { __name__: 'x_total', app: 'c' },
  ];

  it('within budget: every series, in identity order', () => {
    expect(chooseWithinBudget(series, 10, [])).toHaveLength(7);
  });

  it('over budget: round-robin over services (name order), most telling signal first in each', () => {
    const names = (n: number) =>
      chooseWithinBudget(series, n, []).map((s) => `${s.service ?? s.app ?? '-'}:${s.__name__}`);
    expect(names(4)).toEqual(['-:up', 'a:request_latency_seconds_p99', 'b:http_server_errors_total', 'c:x_total']);
    expect(names(6)).toEqual([...names(4), 'a:process_resident_memory_bytes', 'b:queue_depth']);
  });

  it('configured service labels decide the service', () => {
    const s = [
      { __name__: 'a_errors_total', team_service: 'z', job: 'j' },
      { __name__: 'b_errors_total', team_service: 'y', job: 'j' },
    ];
    // Without it both belong to job j: the first by identity (a_errors_total) is taken.
    expect(chooseWithinBudget(s, 1, []).map((x) => x.team_service)).toEqual(['z']);
    // With it they are two services: the first service by name (y) is served first.
    expect(chooseWithinBudget(s, 1, ['team_service']).map((x) => x.team_service)).toEqual(['y']);
  });
});
