import { describe, expect, it } from 'vitest';
import { rankHypotheses } from '../../../src/core/triage/rank-hypotheses.ts';
import { DEFAULT_RANK_OPTIONS } from '../../../src/core/triage/rank-options.ts';
import { changeProximity } from '../../../src/core/triage/rules/change-proximity.ts';
import { changeTiming } from '../../../src/core/triage/rules/change-timing.ts';
import { change, features, ONSET } from '../../support/features.ts';

const MIN = 60_000;

describe('change timing in words', () => {
  it('a rollout still going at the onset is in progress, not finished', () => {
    const rolling = change({ id: 'd1', service: 'a', startedAt: ONSET - 4 * MIN, finishedAt: undefined });
    expect(changeTiming(rolling, ONSET)).toBe('was still in progress at the onset (started 4 min before it)');
    const slow = change({ id: 'd2', service: 'a', startedAt: ONSET - 4 * MIN, finishedAt: ONSET + 3 * MIN });
    expect(changeTiming(slow, ONSET)).toBe(
      'was in progress at the onset (started 4 min before it, finished 3 min after it)',
    );
  });

  it('a change that began after the onset started then (its start is not its finish)', () => {
    const later = change({ id: 'd3', service: 'a', startedAt: ONSET + 5 * MIN, finishedAt: ONSET + 7 * MIN });
    expect(changeTiming(later, ONSET)).toBe('started 5 min after the onset');
  });

  it('only a change that ended before the onset finished', () => {
    const done = change({ id: 'd4', service: 'a', startedAt: ONSET - 9 * MIN, finishedAt: ONSET - 6 * MIN });
    expect(changeTiming(done, ONSET)).toBe('finished 6 min before the onset');
    const justNow = change({ id: 'd5', service: 'a', startedAt: ONSET - 2 * MIN, finishedAt: ONSET });
    expect(changeTiming(justNow, ONSET)).toBe('finished at the onset');
  });

  it('a rollout in progress at the onset is a prime suspect however long ago it started', () => {
    const rolling = change({ id: 'd6', service: 'a', startedAt: ONSET - 40 * MIN, finishedAt: undefined });
    expect(changeProximity(rolling, ONSET, DEFAULT_RANK_OPTIONS.changeDecayMs)).toBe(1);
    const finishedLongAgo = change({
      id: 'd7',
      service: 'a',
      startedAt: ONSET - 40 * MIN,
      finishedAt: ONSET - 38 * MIN,
    });
    expect(changeProximity(finishedLongAgo, ONSET, DEFAULT_RANK_OPTIONS.changeDecayMs)).toBeLessThan(0.05);
  });
});

describe('reasons that agree with their evidence', () => {
  it('a suspect with a change and no anomaly of its own is not said to have rising errors', () => {
    const f = features({ services: { a: {} }, changes: [change({ id: 'd8', service: 'a' })] });
    const [top] = rankHypotheses(f, []);
    expect(top?.service).toBe('a');
    const kindReason = top?.reasons.find((r) => r.rule === 'kind')?.text ?? '';
    expect(kindReason).not.toMatch(/errors rose/);
    expect(top?.reasons.find((r) => r.rule === 'change')?.text).toMatch(/no anomaly of its own/);
  });
});
