import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPostgresSchema, type PostgresSchema } from '../support/postgres-schema.ts';
import { runCauseway } from '../support/run-causeway.ts';
import { CASES, WEBHOOK_ENV } from './support/payloads.ts';
import { type ServeProcess, startServe } from './support/start-serve.ts';
import { waitFor } from './support/wait-for.ts';

const am = CASES.find((c) => c.name === 'alertmanager');
let schema: PostgresSchema;
let dir: string;
const replicas: ServeProcess[] = [];
let recorded: { labels: Record<string, string>; startsAt: string };

beforeAll(async () => {
  const server = inject('postgresUrl');
  if (!server) throw new Error(`no PostgreSQL for the replica test: ${inject('postgresError')}`);
  schema = await createPostgresSchema(server);
  dir = mkdtempSync(join(tmpdir(), 'causeway-replicas-'));
  const sim = await runCauseway(['simulate', '--out', join(dir, 'bundles'), '--count', '1', '--seed', '3']);
  expect(sim.code, sim.stderr).toBe(0);
  recorded = JSON.parse(readFileSync(join(dir, 'bundles', 'sim-3-000', 'alert.json'), 'utf8')).alerts[0];
  const env = { ...WEBHOOK_ENV, CAUSEWAY_STORAGE_URL: schema.url, CAUSEWAY_SOURCES_BUNDLE_DIR: join(dir, 'bundles') };
  // Sequential starts: the first migrates the schema.
  replicas.push(await startServe({ ...env, CAUSEWAY_INSTANCE_ID: 'replica-a' }));
  replicas.push(await startServe({ ...env, CAUSEWAY_INSTANCE_ID: 'replica-b' }));
}, 90_000);

afterAll(async () => {
  for (const r of replicas) expect(await r.stop()).toBe(0);
  await schema?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('two serve replicas on one PostgreSQL', () => {
  it('the same alerts delivered to both at once → one incident, one investigation', async () => {
    if (!am) throw new Error('no alertmanager case');
    const startsAt = new Date(Date.now() - 30_000).toISOString();
    // 40 deliveries: 20 distinct alerts of one service (a storm: different pods), each sent to both replicas.
    const bodies = Array.from({ length: 20 }, (_, i) =>
      JSON.stringify({
        ...(am.body(Date.now(), i) as object),
        alerts: [
          {
            status: 'firing',
            labels: { ...recorded.labels, pod: `pod-${i}` },
            annotations: { summary: 'storm' },
            startsAt,
            endsAt: '0001-01-01T00:00:00Z',
            generatorURL: 'http://prometheus/graph',
            fingerprint: `f00d${String(i).padStart(12, '0')}`,
          },
        ],
      }),
    );
    const sends = bodies.flatMap((body) =>
      replicas.map((r) =>
        fetch(`${r.url}${am.path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...am.auth(body, 0) },
          body,
        }).then(async (res) => ({
          status: res.status,
          json: (await res.json()) as { opened: string[]; joined: string[] },
        })),
      ),
    );
    const answers = await Promise.all(sends);
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 202));
    const openedIds = answers.flatMap((a) => a.json.opened);
    expect(openedIds).toHaveLength(1);
    const incidentId = openedIds[0] as string;
    for (const a of answers) expect([...a.json.opened, ...a.json.joined]).toEqual([incidentId]);

    const db = new pg.Client({ connectionString: schema.url });
    await db.connect();
    try {
      await waitFor('the triage', async () => {
        const r = await db.query('SELECT COUNT(*)::int AS n FROM triage_results');
        return r.rows[0].n > 0 ? true : undefined;
      });
      // Give the other replica every chance to (wrongly) investigate too.
      await new Promise((r) => setTimeout(r, 500));
      const q = async (sql: string) => (await db.query(sql)).rows[0].n as number;
      expect(await q('SELECT COUNT(*)::int AS n FROM incidents')).toBe(1);
      expect(await q('SELECT COUNT(*)::int AS n FROM incident_alerts')).toBe(40);
      expect(await q("SELECT COUNT(*)::int AS n FROM effects WHERE kind = 'investigation'")).toBe(1);
      expect(await q('SELECT COUNT(*)::int AS n FROM triage_results')).toBe(1);
      expect(await q("SELECT COUNT(*)::int AS n FROM audit_log WHERE action = 'hypotheses.produced'")).toBe(1);
      expect(await q("SELECT COUNT(*)::int AS n FROM audit_log WHERE action = 'alert.received'")).toBe(40);
    } finally {
      await db.end();
    }
  });
});
