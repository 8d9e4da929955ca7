import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/adapters/storage/migrations/migrations.ts';
import { SEEN_BEFORE_SQL } from '../../src/adapters/storage/sql/seen-before-sql.ts';
import type { SqlParam } from '../../src/adapters/storage/sql/sql-db.ts';
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
  });

  it('putting an incident again replaces its fingerprint and summary', async () => {
    db = await backend.fresh();
    const { seenBefore } = await db.open();
    await seenBefore.put(entry('INC-1', T0, [['svc:checkout', 1]]));
    await seenBefore.put(entry('INC-1', T0 + 5000, [['svc:cart', 1]], 'restart'));
    expect(await seenBefore.candidates(['svc:checkout'], { limit: 10 })).toEqual([]);
    const [e] = await seenBefore.candidates(['svc:cart'], { limit: 10 });
    expect(e).toEqual(entry('INC-1', T0 + 5000, [['svc:cart', 1]], 'restart'));
  });

  it('a database kept before migration 6 keeps its incidents when total_weight is dropped', async () => {
    db = await backend.fresh();
    const before = await db.open({ migrations: MIGRATIONS.filter((m) => m.version < 6) });
    const raw = await db.raw();
    await raw.run(
      'INSERT INTO seen_before_incidents (incident_id, resolved_at, total_weight, summary) VALUES ($1, $2, $3, $4)',
      [
        'INC-old',
        T0,
        1,
        JSON.stringify({ title: 'alert of INC-old', service: 'checkout', cause: 'checkout (deploy)', confirmed: true }),
      ],
    );
    await raw.run('INSERT INTO seen_before_features (feature, incident_id, weight) VALUES ($1, $2, $3)', [
      'svc:checkout',
      'INC-old',
      1,
    ]);
    await before.close();
    const { seenBefore, schemaVersion } = await db.open();
    expect(schemaVersion).toBe(MIGRATIONS.at(-1)?.version);
    expect(await seenBefore.candidates(['svc:checkout'], { limit: 10 })).toEqual([
      {
        incidentId: 'INC-old',
        resolvedAt: T0,
        fingerprint: { features: [['svc:checkout', 1]] },
        summary: {
          title: 'alert of INC-old',
          service: 'checkout',
          cause: 'checkout (deploy)',
          confirmed: true,
          fixedBy: undefined,
        },
      },
    ]);
  });

  it('the look-up statements go through their indexes, never a scan of a table (EXPLAIN, 20 000 incidents)', async () => {
    db = await backend.fresh();
    await db.open();
    const raw = await db.raw();
    // A planner with a real table in mind: 20 000 incidents of 4 features each (4 000 distinct), then ANALYZE.
    const series =
      raw.dialect === 'sqlite'
        ? 'WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < 80000) SELECT g FROM s'
        : 'SELECT g FROM generate_series(1, 80000) g';
    await raw.run(
      `INSERT INTO seen_before_incidents (incident_id, resolved_at, summary)
         SELECT 'INC-' || g, g, '{"title":"t","confirmed":false}' FROM (${series}) x WHERE g <= 20000`,
    );
    await raw.run(
      `INSERT INTO seen_before_features (feature, incident_id, weight)
         SELECT 'f' || (g % 4000), 'INC-' || (1 + (g - 1) / 4), 1 FROM (${series}) x`,
    );
    await raw.exec(
      raw.dialect === 'sqlite' ? 'ANALYZE' : 'ANALYZE seen_before_incidents; ANALYZE seen_before_features',
    );
    const statements: [string, SqlParam[]][] = [
      [SEEN_BEFORE_SQL.candidates(3), ['f1', 'f2', 'f3', 'INC-9', 50]],
      [SEEN_BEFORE_SQL.summaries(2), ['INC-1', 'INC-2']],
      [SEEN_BEFORE_SQL.fingerprints(2), ['INC-1', 'INC-2']],
    ];
    for (const [sql, params] of statements) {
      if (raw.dialect === 'sqlite') {
        const plan = (await raw.all(`EXPLAIN QUERY PLAN ${sql}`, params)).map((r) => String(r.detail));
        expect(plan.filter((l) => /^SEARCH /.test(l)).length, plan.join('\n')).toBeGreaterThan(0);
        expect(
          plan.filter((l) => /^SCAN (?!.*USING)/.test(l)),
          plan.join('\n'),
        ).toEqual([]);
      } else {
        const plan = (await raw.all(`EXPLAIN ${sql}`, params)).map((r) => String(r['QUERY PLAN'])).join('\n');
        expect(plan, plan).toMatch(/Index|Bitmap/);
        expect(plan, plan).not.toMatch(/Seq Scan/);
      }
    }
  });
});
