import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/app/audit/verify-audit.ts';
import { postgresBackend, sqliteBackend, type TestDatabase } from './support/backends.ts';

const KEY = 'concurrency-test-key-0123456789abcdef';
const run = promisify(execFile);

/** Every writer's acknowledged seqs are distinct, and together they are exactly 1..total. */
function expectOneLinearChain(perWriter: number[][], total: number): void {
  const all = perWriter.flat().sort((a, b) => a - b);
  expect(all).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  for (const seqs of perWriter)
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1] as number);
}

describe('concurrent writers never fork the chain or reuse a sequence number', () => {
  let db: TestDatabase;
  afterEach(async () => db?.cleanup());

  it('PostgreSQL: 8 writers (8 connection pools, as 8 replicas) × 1,000 appends → one chain of 8,000, verified', async () => {
    db = await postgresBackend.fresh();
    const writers = await Promise.all(
      Array.from({ length: 8 }, () => db.open({ audit: { checkpointKey: KEY }, poolSize: 2, clock: Date.now })),
    );
    const perWriter = await Promise.all(
      writers.map(async (s, w) => {
        const seqs: number[] = [];
        for (let i = 0; i < 1000; i++) {
          seqs.push(
            (await s.audit.append({ actor: 'system', action: 'message.posted', subject: `writer:${w}`, data: { i } }))
              .seq,
          );
        }
        return seqs;
      }),
    );
    expectOneLinearChain(perWriter, 8000);
    const v = await verifyAudit(writers[0] as (typeof writers)[number], { key: KEY });
    expect(v).toMatchObject({ ok: true, records: 8000, lastSeq: 8000, checkpointsVerified: 8000 });
    const raw = await db.raw();
    expect(await raw.get('SELECT COUNT(*) AS n, COUNT(DISTINCT prev_hash) AS p FROM audit_log')).toEqual({
      n: 8000,
      p: 8000,
    });
  });

  it('SQLite: 4 processes × 250 appends on one file → one chain of 1,000, verified', async () => {
    db = await sqliteBackend.fresh();
    const s = await db.open({ audit: { checkpointKey: KEY } });
    const child = new URL('./support/append-child.ts', import.meta.url).pathname;
    const outs = await Promise.all(
      Array.from({ length: 4 }, (_, w) =>
        run(process.execPath, [child, db.url, String(w), '250'], { encoding: 'utf8' }),
      ),
    );
    expectOneLinearChain(
      outs.map((o) => JSON.parse(o.stdout) as number[]),
      1000,
    );
    expect(await verifyAudit(s, { key: KEY })).toMatchObject({ ok: true, records: 1000 });
  });
});
