import { afterEach, describe, expect, it } from 'vitest';
import type { SeenBeforeEntry } from '../../src/core/storage/seen-before-store.ts';
import { BACKENDS, type TestDatabase } from './support/backends.ts';

const T0 = Date.UTC(2025, 2, 1, 12, 0, 0);

function entry(id: string, at: number, features: [string, number][], fixedBy?: string): SeenBeforeEntry {
  return {
    incidentId: id,
    resolvedAt: at,
    fingerprint: { features },
    summary: { title: `alert of ${id}`, service: 'checkout', cause: 'checkout (deploy)', confirmed: true, fixedBy },
  };
}

describe.each(BACKENDS)('seen-before store contract: $name', (backend) => {
  let db: TestDatabase;
  afterEach(async () => db?.cleanup());

  it('finds only incidents sharing a feature, most shared weight first, with their whole fingerprint', async () => {
    db = await backend.fresh();
    const { seenBefore } = await db.open();
    await seenBefore.put(
      entry(
        'INC-1',
        T0,
        [
          ['root:checkout/deploy', 4],
          ['svc:checkout', 1],
          ['tpl:checkout:boom <*>', 2],
        ],
        'rollback',
      ),
    );
    await seenBefore.put(
      entry('INC-2', T0 + 1000, [
        ['svc:checkout', 1],
        ['svc:cart', 1],
      ]),
    );
    await seenBefore.put(
      entry('INC-3', T0 + 2000, [
        ['root:payments/latency', 4],
        ['svc:payments', 1],
      ]),
    );
    const found = await seenBefore.candidates(['root:checkout/deploy', 'svc:checkout', 'edge:a->b'], { limit: 10 });
    expect(found.map((e) => e.incidentId)).toEqual(['INC-1', 'INC-2']);
    expect(found[0]).toEqual(
      entry(
        'INC-1',
        T0,
        [
          ['root:checkout/deploy', 4],
          ['svc:checkout', 1],
          ['tpl:checkout:boom <*>', 2],
        ],
        'rollback',
      ),
    );
    expect((await seenBefore.candidates(['svc:checkout'], { limit: 1 })).map((e) => e.incidentId)).toEqual(['INC-2']);
    expect(
      (await seenBefore.candidates(['svc:checkout'], { limit: 10, excludeId: 'INC-2' })).map((e) => e.incidentId),
    ).toEqual(['INC-1']);
    expect(await seenBefore.candidates(['nothing:here'], { limit: 10 })).toEqual([]);
    expect(await seenBefore.candidates([], { limit: 10 })).toEqual([]);
    expect(await seenBefore.count()).toBe(3);
  });

  it('putting an incident again replaces its fingerprint and summary', async () => {
    db = await backend.fresh();
    const { seenBefore } = await db.open();
    await seenBefore.put(entry('INC-1', T0, [['svc:checkout', 1]]));
    await seenBefore.put(entry('INC-1', T0 + 5000, [['svc:cart', 1]], 'restart'));
    expect(await seenBefore.candidates(['svc:checkout'], { limit: 10 })).toEqual([]);
    const [e] = await seenBefore.candidates(['svc:cart'], { limit: 10 });
    expect(e).toEqual(entry('INC-1', T0 + 5000, [['svc:cart', 1]], 'restart'));
    expect(await seenBefore.count()).toBe(1);
  });

  it('the look-up goes through the inverted index (feature → incidents), not a scan of every fingerprint', async () => {
    db = await backend.fresh();
    await db.open();
    const raw = await db.raw();
    const sql = "SELECT incident_id, weight FROM seen_before_features WHERE feature IN ('svc:checkout', 'svc:cart')";
    if (raw.dialect === 'sqlite') {
      const plan = (await raw.all(`EXPLAIN QUERY PLAN ${sql}`)).map((r) => String(r.detail)).join('\n');
      expect(plan).toMatch(/SEARCH seen_before_features USING (?:INDEX|PRIMARY KEY)/);
    } else {
      // A planner with the table's real size in mind: 20 000 feature rows, then ANALYZE.
      await raw.run(
        `INSERT INTO seen_before_features (feature, incident_id, weight)
           SELECT 'f' || (g % 5000), 'INC-' || g, 1 FROM generate_series(1, 20000) g`,
      );
      await raw.exec('ANALYZE seen_before_features');
      const plan = (await raw.all(`EXPLAIN ${sql}`)).map((r) => String(r['QUERY PLAN'])).join('\n');
      expect(plan).toMatch(/Index|Bitmap/);
      expect(plan).not.toMatch(/Seq Scan/);
    }
  });
});
