import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createPagerDutyPager,
  type PagerDutySettings,
} from '../../../src/adapters/pagerduty/create-pagerduty-pager.ts';
import { startFakePagerDuty } from '../../support/fake-pagerduty.ts';

const KEY = 'R0123456789abcdef0123456789abcd';
const KEY32 = `${KEY}e`;

describe('PagerDuty Events API v2 pager (against a local stand-in)', () => {
  let pd: Awaited<ReturnType<typeof startFakePagerDuty>>;
  const waits: number[] = [];
  beforeEach(async () => {
    pd = await startFakePagerDuty();
    waits.length = 0;
  });
  afterEach(async () => pd.close());
  const pager = (extra: Partial<PagerDutySettings> = {}) =>
    createPagerDutyPager({
      routingKey: KEY32,
      url: pd.url,
      timeoutMs: 2000,
      maxAttempts: 4,
      backoffMs: 100,
      sleep: async (ms) => {
        waits.push(ms);
      },
      ...extra,
    });

  it('triggers with a dedup key and a link to the thread, then resolves the same alert', async () => {
    const p = pager();
    const t = await p.send({
      action: 'trigger',
      dedupKey: 'causeway/INC-1',
      summary: 'checkout: restart did not resolve the incident',
      source: 'checkout',
      severity: 'critical',
      link: { href: 'https://example.slack.com/archives/C1/p1', text: 'Incident thread' },
    });
    expect(t).toEqual({ ok: true, value: { dedupKey: 'causeway/INC-1', attempts: 1 } });
    expect(await p.send({ action: 'resolve', dedupKey: 'causeway/INC-1' })).toEqual({
      ok: true,
      value: { dedupKey: 'causeway/INC-1', attempts: 1 },
    });
    expect(pd.events.map((e) => [e.event_action, e.dedup_key])).toEqual([
      ['trigger', 'causeway/INC-1'],
      ['resolve', 'causeway/INC-1'],
    ]);
    expect(pd.events[0]?.payload).toMatchObject({ severity: 'critical', source: 'checkout' });
    expect(pd.events[0]?.links).toEqual([
      { href: 'https://example.slack.com/archives/C1/p1', text: 'Incident thread' },
    ]);
  });

  it('retries 429 and 5xx with growing backoff, and gives up after maxAttempts without leaking the key', async () => {
    pd.failNext(429, 503);
    const ok = await pager().send({ action: 'resolve', dedupKey: 'causeway/INC-2' });
    expect(ok).toEqual({ ok: true, value: { dedupKey: 'causeway/INC-2', attempts: 3 } });
    expect(waits).toHaveLength(2);
    expect(waits[1]).toBeGreaterThan(waits[0] as number);

    pd.failNext(500, 502, 429, 500);
    const r = await pager().send({ action: 'resolve', dedupKey: 'causeway/INC-3' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'PAGER_UNAVAILABLE', attempts: 4 });
    expect(r.error.message).toContain('HTTP 500');
    expect(r.error.message).not.toContain(KEY);
  });

  it('does not retry an invalid event (400), and says so', async () => {
    const bad = createPagerDutyPager({ routingKey: 'short-key', url: pd.url, timeoutMs: 2000, maxAttempts: 4 });
    const r = await bad.send({ action: 'trigger', dedupKey: 'k', summary: 's', source: 'x', severity: 'error' });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'PAGER_REJECTED',
        message: 'PagerDuty refused the trigger event: HTTP 400: Event object is invalid',
        attempts: 1,
      },
    });
    expect(pd.requests()).toBe(1);
  });

  it('times out an attempt that gets no answer and retries it', async () => {
    pd.failNext('hang');
    const r = await pager({ timeoutMs: 200 }).send({ action: 'resolve', dedupKey: 'causeway/INC-4' });
    expect(r).toEqual({ ok: true, value: { dedupKey: 'causeway/INC-4', attempts: 2 } });
  });
});
