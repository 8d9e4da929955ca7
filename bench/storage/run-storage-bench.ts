// Storage benchmark: audit append throughput and verification speed on both backends.
// Usage: node bench/storage/run-storage-bench.ts [--runs 5] [--appends 20000] [--pg-appends 4000]
//        [--verify-records 100000] [--json]
// PostgreSQL: a throwaway cluster from Debian's package with its default durability (fsync on,
// synchronous_commit on), or the server in DATABASE_URL (each run in a fresh schema).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStorage } from '../../src/adapters/storage/open-storage.ts';
import { createPostgresDb } from '../../src/adapters/storage/postgres/create-postgres-db.ts';
import { createSqliteDb } from '../../src/adapters/storage/sqlite/create-sqlite-db.ts';
import type { StorageOptions } from '../../src/adapters/storage/storage-options.ts';
import { verifyAudit } from '../../src/app/audit/verify-audit.ts';
import type { Storage } from '../../src/core/storage/storage.ts';
import { startPostgresCluster } from '../../test/support/postgres-cluster.ts';
import { createPostgresSchema } from '../../test/support/postgres-schema.ts';
import { benchEntry } from './bench-entry.ts';
import { bulkLoadChain } from './bulk-load-chain.ts';
import { median } from './median.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    appends: { type: 'string', default: '20000' },
    'pg-appends': { type: 'string', default: '4000' },
    'verify-records': { type: 'string', default: '100000' },
    json: { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);
const APPENDS = Number(values.appends);
const PG_APPENDS = Number(values['pg-appends']);
const VERIFY = Number(values['verify-records']);
const KEY = 'benchmark-checkpoint-key-0123456789abcdef';

type Place = { url: string; cleanup(): Promise<void> };

async function open(place: Place, options: Partial<StorageOptions> = {}): Promise<Storage> {
  const r = await openStorage(place.url, { clock: Date.now, ...options });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** Appends/second of `writers` concurrent writers (separate stores), each appending `perWriter` records in turn. */
async function appendRate(
  place: Place,
  writers: number,
  perWriter: number,
  options: Partial<StorageOptions>,
): Promise<number> {
  const stores = await Promise.all(Array.from({ length: writers }, () => open(place, options)));
  for (const s of stores) for (let i = 0; i < 50; i++) await s.audit.append(benchEntry(i)); // warm-up
  const start = performance.now();
  await Promise.all(
    stores.map(async (s, w) => {
      for (let i = 0; i < perWriter; i++) await s.audit.append(benchEntry(w * perWriter + i));
    }),
  );
  const rate = (writers * perWriter) / ((performance.now() - start) / 1000);
  for (const s of stores) await s.close();
  return rate;
}

/** Records/second of `verifyAudit` (with the key: every checkpoint checked) over a chain of VERIFY records. */
async function verifyRates(place: Place, raw: () => Parameters<typeof bulkLoadChain>[0]): Promise<number[]> {
  const s = await open(place, { audit: { checkpointKey: KEY } });
  const db = raw();
  await bulkLoadChain(db, VERIFY, KEY);
  await db.close();
  const rates: number[] = [];
  for (let r = 0; r <= RUNS; r++) {
    const start = performance.now();
    const v = await verifyAudit(s, { key: KEY });
    const seconds = (performance.now() - start) / 1000;
    if (!v.ok || v.records !== VERIFY) throw new Error(`verify failed: ${v.broken?.message}`);
    if (r > 0) rates.push(VERIFY / seconds); // the first run warms caches
  }
  await s.close();
  return rates;
}

function sqlitePlace(): Place & { path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'causeway-bench-'));
  const path = join(dir, 'bench.db');
  return { url: `sqlite:${path}`, path, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function series(runs: number, measure: () => Promise<number>): Promise<number[]> {
  const out: number[] = [];
  for (let r = 0; r < runs; r++) out.push(await measure());
  return out;
}

const results: Record<string, { median: number; runs: number[]; unit: string }> = {};
const record = (name: string, runs: number[], unit: string) => {
  results[name] = { median: median(runs), runs, unit };
  if (!values.json)
    console.log(
      `${name.padEnd(58)} ${Math.round(median(runs)).toLocaleString('en-US').padStart(9)} ${unit}   runs: ${runs.map((x) => Math.round(x)).join(', ')}`,
    );
};

// SQLite (embedded default).
for (const [name, options] of [
  ['sqlite append, checkpoint every record (synchronous=normal)', { audit: { checkpointKey: KEY } }],
  ['sqlite append, no checkpoint key (synchronous=normal)', {}],
  [
    'sqlite append, checkpoint every record (synchronous=full)',
    { audit: { checkpointKey: KEY }, sqliteSynchronous: 'full' },
  ],
] as const) {
  const n = name.includes('full') ? Math.min(APPENDS, 3000) : APPENDS;
  const runs = await series(RUNS, async () => {
    const place = sqlitePlace();
    try {
      return await appendRate(place, 1, n, options);
    } finally {
      await place.cleanup();
    }
  });
  record(name, runs, 'appends/s');
}
{
  const place = sqlitePlace();
  try {
    record(
      'sqlite verify (hashes + every checkpoint HMAC)',
      await verifyRates(place, () => createSqliteDb(place.path)),
      'records/s',
    );
  } finally {
    await place.cleanup();
  }
}

// PostgreSQL.
const cluster = process.env.DATABASE_URL ? undefined : await startPostgresCluster({ fsync: true });
const server = process.env.DATABASE_URL ?? (cluster?.url as string);
const pgPlace = async (): Promise<Place> => {
  const schema = await createPostgresSchema(server);
  return { url: schema.url, cleanup: () => schema.drop() };
};
try {
  for (const [name, writers] of [
    ['postgres append, 1 writer, checkpoint every record', 1],
    ['postgres append, 8 writers (8 pools), checkpoint every record', 8],
  ] as const) {
    const runs = await series(RUNS, async () => {
      const place = await pgPlace();
      try {
        return await appendRate(place, writers, Math.ceil(PG_APPENDS / writers), {
          audit: { checkpointKey: KEY },
          poolSize: 2,
        });
      } finally {
        await place.cleanup();
      }
    });
    record(name, runs, 'appends/s');
  }
  const place = await pgPlace();
  try {
    record(
      'postgres verify (hashes + every checkpoint HMAC)',
      await verifyRates(place, () => createPostgresDb(place.url, { poolSize: 1 })),
      'records/s',
    );
  } finally {
    await place.cleanup();
  }
} finally {
  await cluster?.stop();
}
if (values.json)
  console.log(
    JSON.stringify({ runs: RUNS, appends: APPENDS, pgAppends: PG_APPENDS, verifyRecords: VERIFY, results }, null, 2),
  );
