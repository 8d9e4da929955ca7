import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../src/core/model/change-event.ts';
import { BACKENDS, type TestDatabase } from './support/backends.ts';

const T0 = Date.UTC(2025, 2, 1, 12, 0, 0);

function change(id: string, service: string, startedAt: number, extra: Partial<ChangeEvent> = {}): ChangeEvent {
  return {
    id,
    type: 'deploy',
    service,
    startedAt,
    finishedAt: startedAt + 30_000,
    environment: 'prod',
    version: 'v2',
    previousVersion: 'v1',
    status: 'succeeded',
    author: 'dana',
    commit: 'abc123',
    url: undefined,
    description: undefined,
    ...extra,
  };
}

describe.each(BACKENDS)('change store contract: $name', (backend) => {
  let db: TestDatabase;
  afterEach(async () => db?.cleanup());

  it('stores change events by id (a re-delivery replaces) and lists a time range, oldest first', async () => {
    db = await backend.fresh();
    const { changes } = await db.open();
    await changes.put([change('c2', 'payments', T0 + 60_000), change('c1', 'checkout', T0)], T0 + 70_000);
    await changes.put(
      [change('c1', 'checkout', T0, { version: 'v3' }), change('c3', 'checkout', T0 + 600_000)],
      T0 + 80_000,
    );
    expect(await changes.get('c1')).toEqual(change('c1', 'checkout', T0, { version: 'v3' }));
    expect(await changes.get('nope')).toBeUndefined();
    expect((await changes.list({ from: T0, to: T0 + 60_000 })).map((c) => c.id)).toEqual(['c1', 'c2']);
    expect((await changes.list({ from: T0, to: T0 + 3_600_000 }, 'checkout')).map((c) => c.id)).toEqual(['c1', 'c3']);
    expect(await changes.list({ from: T0 + 1, to: T0 + 59_999 })).toEqual([]);
  });
});

describe.each(BACKENDS)('feedback store contract: $name', (backend) => {
  let db: TestDatabase;
  afterEach(async () => db?.cleanup());

  it('keeps one current verdict per incident, hypothesis and user', async () => {
    db = await backend.fresh();
    const { feedback } = await db.open();
    const base = { incidentId: 'INC-1', note: undefined } as const;
    await feedback.record({ ...base, hypothesisId: 'h1', user: 'slack:U1', verdict: 'rejected', at: T0 });
    await feedback.record({ ...base, hypothesisId: 'h1', user: 'slack:U2', verdict: 'confirmed', at: T0 + 1 });
    await feedback.record({ ...base, hypothesisId: undefined, user: 'slack:U1', verdict: 'unsure', at: T0 + 2 });
    await feedback.record({
      ...base,
      hypothesisId: 'h1',
      user: 'slack:U1',
      verdict: 'confirmed',
      note: 'it was the deploy',
      at: T0 + 3,
    });
    await feedback.record({
      incidentId: 'INC-2',
      hypothesisId: 'h9',
      user: 'slack:U1',
      verdict: 'rejected',
      note: undefined,
      at: T0,
    });
    expect(await feedback.list('INC-1')).toEqual([
      { ...base, hypothesisId: 'h1', user: 'slack:U2', verdict: 'confirmed', at: T0 + 1 },
      { ...base, hypothesisId: undefined, user: 'slack:U1', verdict: 'unsure', at: T0 + 2 },
      {
        incidentId: 'INC-1',
        hypothesisId: 'h1',
        user: 'slack:U1',
        verdict: 'confirmed',
        note: 'it was the deploy',
        at: T0 + 3,
      },
    ]);
  });
});
