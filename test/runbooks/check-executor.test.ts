import { describe, expect, it } from 'vitest';
import { createCheckRunner } from '../../src/adapters/executors/create-check-runner.ts';
import { createSourcesSignalProbe } from '../../src/adapters/executors/create-sources-signal-probe.ts';
import { createWaitRunner } from '../../src/adapters/executors/create-wait-runner.ts';
import { openBundle } from '../../src/adapters/files/open-bundle.ts';
import { checkDefinition } from '../../src/core/runbooks/executors/check-definition.ts';
import { scriptedProbe } from './support/runbook-harness.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const ctx = (timeoutMs: number) => ({ timeoutMs, signal: new AbortController().signal });

describe('check executor: re-reads a triage signal until it holds', () => {
  const action = (op: 'below' | 'above', threshold: number) => ({
    signal: 'error-rate',
    service: 'checkout',
    op,
    threshold,
    windowMs: 300_000,
    everyMs: 50,
  });

  it('succeeds at the first reading that holds, listing every reading', async () => {
    const probe = scriptedProbe([0.4, 0.2, 0.03]);
    const r = await createCheckRunner({ probe, now: Date.now })(action('below', 0.05), ctx(5000));
    expect(r).toMatchObject({
      status: 'succeeded',
      summary: 'error-rate of checkout is 0.03 (< 0.05) after 3 readings',
    });
    expect(r.output.split('\n')).toHaveLength(3);
    expect(r.output).toMatch(/error-rate of checkout = 0\.03 \(needs < 0\.05\) ✓$/);
  });

  it('fails when the step times out first, with the last value', async () => {
    const t0 = Date.now();
    const r = await createCheckRunner({ probe: scriptedProbe([0.4]), now: Date.now })(action('below', 0.05), ctx(300));
    expect(r).toMatchObject({ status: 'failed', timedOut: true });
    expect(r.summary).toBe('error-rate of checkout did not get below 0.05 (last 0.4) within 0.3s');
    expect(Date.now() - t0).toBeLessThan(1500);
    const none = await createCheckRunner({ probe: undefined, now: Date.now })(action('above', 1), ctx(300));
    expect(none.summary).toMatch(/no signal source is configured/);
  });

  it('reads the same sources as the triage: the error rate of the blamed service in the example incident, and before it', async () => {
    // A bundle's file sources read one range each (as one triage does): a fresh opening per reading.
    const read = async (offset: number, q: Parameters<ReturnType<typeof createSourcesSignalProbe>['read']>[0]) => {
      const b = await openBundle(`${ROOT}examples/webshop-deploy`);
      if (!b.ok) throw new Error(b.error.message);
      const probe = createSourcesSignalProbe({
        logs: b.value.logs,
        traces: b.value.traces,
        now: () => b.value.asOf + offset,
      });
      const r = await probe.read(q, new AbortController().signal);
      return r.state === 'ok' ? r.value : r.state;
    };
    const q = { signal: 'error-rate' as const, service: 'quoterservice', windowMs: 180_000 };
    expect(await read(60_000, q)).toBeGreaterThan(0.05);
    // Before the deploy (the quiet hour before the incident, few requests): no errors.
    const quiet = { ...q, windowMs: 50 * 60_000 };
    expect(await read(-5 * 60_000, quiet)).toBe(0);
    expect(await read(-5 * 60_000, { ...quiet, signal: 'request-rate' })).toBeGreaterThan(0);
    expect(await read(60_000, { ...q, signal: 'error-logs' })).toBeGreaterThan(1);
    expect(await read(60_000, { ...q, service: 'nosuchservice' })).toBe('no-data');
  });

  it('the definition: one of below/above, literal signal and durations, a service name from params', () => {
    expect(checkDefinition.check({ signal: 'error-rate', service: 'x' })[0]?.message).toBe(
      'give exactly one of below or above',
    );
    expect(checkDefinition.check({ signal: 'cpu', service: 'x', below: 1 })[0]?.path).toEqual(['signal']);
    const r = checkDefinition.render(
      { signal: 'latency-mean', service: '{{ params.s }}', below: '{{ params.ms }}', window: '2m' },
      { s: 'cart', ms: 250 },
    );
    expect(r.ok && r.value.action).toEqual({
      signal: 'latency-mean',
      service: 'cart',
      op: 'below',
      threshold: 250,
      windowMs: 120_000,
      everyMs: 15_000,
    });
    expect(checkDefinition.render({ signal: 'error-rate', service: '{{ params.s }}', below: 1 }, { s: 'a b' }).ok).toBe(
      false,
    );
  });

  it('wait: waits, and fails when longer than the step timeout', async () => {
    const wait = createWaitRunner();
    expect((await wait({ durationMs: 50 }, ctx(1000))).status).toBe('succeeded');
    expect((await wait({ durationMs: 5000 }, ctx(1000))).summary).toMatch(/longer than the step timeout/);
  });
});
