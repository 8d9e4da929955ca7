/**
 * "Seen before" at scale: the look-up of a new incident among 10⁵ past ones, on SQLite and on
 * PostgreSQL (a throwaway cluster, as the tests start one; skipped and said so without the server
 * binaries). Synthetic fingerprints: 12–20 features each, from families like the real ones, the
 * values drawn so that common features (a shared alert name, a busy service) and rare ones
 * (templates, edges) both occur. Times the look-up as findSeenBefore does it (the inverted index
 * probed with the discriminating features, 50 candidates) plus the ranking, median and p95 over
 * 200 queries.
 *   node bench/seen-before/index-speed.ts [--incidents 100000] [--queries 200]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStorage } from '../../src/adapters/storage/open-storage.ts';
import type { IncidentFingerprint } from '../../src/core/seen-before/incident-fingerprint.ts';
import { probeFeatures } from '../../src/core/seen-before/probe-features.ts';
import { rankSeenBefore } from '../../src/core/seen-before/rank-seen-before.ts';
import type { Storage } from '../../src/core/storage/storage.ts';
import { startPostgresCluster } from '../../test/support/postgres-cluster.ts';

const { values } = parseArgs({ options: { incidents: { type: 'string' }, queries: { type: 'string' } } });
const N = Number(values.incidents ?? 100_000);
const Q = Number(values.queries ?? 200);

let state = 42;
const rand = () => {
  state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
  return state / 2_147_483_648;
};
const skewed = (n: number) => Math.floor(n * rand() ** 3);
function fingerprint(): IncidentFingerprint {
  const f = new Map<string, number>();
  const svc = skewed(400);
  f.set(`root:svc${svc}/${['deploy', 'config', 'latency', 'dependency_down'][skewed(4)]}`, 4);
  f.set(`alert:alert${skewed(60)}`, 1);
  for (let i = 0; i < 3; i++) f.set(`svc:svc${skewed(400)}`, 1);
  for (let i = 0; i < 3; i++) f.set(`cand:svc${skewed(400)}/deploy`, 2);
  const extra = 4 + Math.floor(rand() * 8);
  for (let i = 0; i < extra; i++) {
    const r = rand();
    if (r < 0.4) f.set(`tpl:svc${svc}:template ${Math.floor(rand() * 50_000)}`, 2);
    else if (r < 0.7) f.set(`edge:svc${skewed(400)}->svc${svc}`, 1);
    else f.set(`ev:svc${svc}:kind${skewed(20)}`, 1);
  }
  return { features: [...f.entries()] };
}

async function measure(name: string, storage: Storage): Promise<string> {
  const t0 = performance.now();
  for (let i = 0; i < N; i++)
    await storage.seenBefore.put({
      incidentId: `INC-${i}`,
      resolvedAt: i,
      fingerprint: fingerprint(),
      summary: { title: 't', service: undefined, cause: undefined, confirmed: false, fixedBy: undefined },
    });
  const loadS = (performance.now() - t0) / 1000;
  const times: number[] = [];
  for (let q = 0; q < Q; q++) {
    const fp = fingerprint();
    const s = performance.now();
    const c = await storage.seenBefore.candidates(probeFeatures(fp), { limit: 50 });
    rankSeenBefore(
      fp,
      c.map((e) => ({ fingerprint: e.fingerprint, about: e.incidentId })),
      { min: 0.25, limit: 3 },
    );
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(1);
  return `| ${name} | ${N} | ${loadS.toFixed(0)} s | ${at(0.5)} ms | ${at(0.95)} ms |`;
}

const rows: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'causeway-seen-before-speed-'));
const sqlite = await openStorage(`sqlite:${join(dir, 'db.sqlite')}`, { clock: Date.now });
if (!sqlite.ok) throw new Error(sqlite.error.message);
rows.push(await measure('SQLite (file, WAL)', sqlite.value));
await sqlite.value.close();
rmSync(dir, { recursive: true, force: true });
try {
  const pg = await startPostgresCluster({ fsync: false });
  try {
    const s = await openStorage(pg.url, { clock: Date.now });
    if (!s.ok) throw new Error(s.error.message);
    rows.push(await measure('PostgreSQL (local cluster, fsync off)', s.value));
    await s.value.close();
  } finally {
    await pg.stop();
  }
} catch (e) {
  rows.push(`| PostgreSQL | skipped: ${(e as Error).message.split('\n')[0]} | | | |`);
}
console.log('| backend | past incidents | load | look-up + ranking, median | p95 |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const r of rows) console.log(r);
