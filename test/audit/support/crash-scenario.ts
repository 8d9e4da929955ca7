import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SqlDb } from '../../../src/adapters/storage/sql/sql-db.ts';
import { verifyAudit } from '../../../src/app/audit/verify-audit.ts';
import { recoverUnfinished } from '../../../src/app/storage/recover-unfinished.ts';
import type { Storage } from '../../../src/core/storage/storage.ts';
import type { Backend, TestDatabase } from '../../storage/support/backends.ts';
import { CRASH_DELIVERY, deliveryOf } from './crash-delivery.ts';
import { CRASH_KEY } from './crash-key.ts';

const KILLS = 50;
const CHILD = new URL('./crash-child.ts', import.meta.url).pathname;
const OWNER = 'crash-worker';

/** Runs the child until it is ready, lets it work for a random while, SIGKILLs it; returns its output. */
async function runAndKill(url: string, executedLog: string, round: number, cacheDir: string): Promise<string[]> {
  const child: ChildProcess = spawn(process.execPath, [CHILD, url, OWNER, executedLog, String(round)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Cached type-stripped modules: the worker is ready in ~0.1 s instead of ~0.2 s.
    env: { ...process.env, NODE_COMPILE_CACHE: cacheDir },
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 20_000;
  while (!out.includes('READY\n')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`child did not start: ${out}${err}`);
    await new Promise((r) => setTimeout(r, 2));
  }
  await new Promise((r) => setTimeout(r, 5 + Math.random() * 80));
  child.kill('SIGKILL');
  await exited;
  if (child.signalCode !== 'SIGKILL') throw new Error(`child ended by itself (${child.exitCode}): ${err}`);
  return out.split('\n').filter((l) => l !== '');
}

/** A PostgreSQL URL whose sessions carry `name` (to find them on the server); other URLs as they are. */
function withApplicationName(url: string, name: string): string {
  if (!url.startsWith('postgres')) return url;
  const u = new URL(url);
  u.searchParams.set('application_name', name);
  return u.toString();
}

/**
 * On PostgreSQL the server may still be finishing a killed worker's last COMMIT: wait until its
 * sessions are gone, so what the checks read is what stays (and not a commit landing between two reads).
 */
async function serverDone(raw: SqlDb | undefined, app: string): Promise<void> {
  if (!raw) return;
  const deadline = Date.now() + 10_000;
  while (Number((await raw.get('SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1', [app]))?.n)) {
    if (Date.now() > deadline) throw new Error(`the killed worker's sessions (${app}) did not end`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * Per-delivery atomicity: a delivery is stored wholly (all its alerts, exactly one `alert.received`
 * naming them and their incidents) or not at all, every incident has its `incident.opened`, and
 * every acknowledged delivery is stored. Returns how many deliveries were stored.
 */
async function expectAtomicDeliveries(reader: Storage, ackedDeliveries: ReadonlySet<string>): Promise<number> {
  const alerts = new Map<string, Map<string, string>>(); // delivery → own fingerprint → incident
  const incidents = await reader.incidents.list({ limit: 1_000_000 });
  for (const incident of incidents) {
    for (const a of await reader.incidents.alerts(incident.id)) {
      const fp = a.alert.fingerprint;
      const d = alerts.get(deliveryOf(fp)) ?? new Map<string, string>();
      d.set(fp, incident.id);
      alerts.set(deliveryOf(fp), d);
    }
  }
  const records = await reader.audit.query({ limit: 10_000_000 });
  const received = new Map<string, { fingerprints: string[]; incidentIds: string[] }[]>();
  const openedRecords = new Map<string, number>();
  for (const r of records) {
    if (r.action === 'incident.opened') {
      const id = String(r.data.incidentId);
      openedRecords.set(id, (openedRecords.get(id) ?? 0) + 1);
    }
    if (r.action !== 'alert.received' || r.data.source !== 'crash') continue;
    const fingerprints = r.data.fingerprints as string[];
    const d = deliveryOf(fingerprints[0] as string);
    const list = received.get(d) ?? [];
    list.push({ fingerprints, incidentIds: r.data.incidentIds as string[] });
    received.set(d, list);
  }
  for (const d of new Set([...alerts.keys(), ...received.keys()])) {
    const stored = alerts.get(d) ?? new Map<string, string>();
    const audits = received.get(d) ?? [];
    expect(stored.size, `delivery ${d}: alerts stored of ${CRASH_DELIVERY.size}`).toBe(CRASH_DELIVERY.size);
    expect(audits.length, `delivery ${d}: alert.received records`).toBe(1);
    expect(new Set(audits[0]?.fingerprints), `delivery ${d}: alert.received names its alerts`).toEqual(
      new Set(stored.keys()),
    );
    expect(new Set(audits[0]?.incidentIds), `delivery ${d}: alert.received names its incidents`).toEqual(
      new Set(stored.values()),
    );
  }
  for (const incident of incidents)
    expect(openedRecords.get(incident.id), `${incident.id}: incident.opened records`).toBe(1);
  const lostDeliveries = [...ackedDeliveries].filter((d) => !alerts.has(d));
  expect(lostDeliveries, 'acknowledged deliveries lost').toEqual([]);
  return alerts.size;
}

/** The crash test on one backend (one file per backend, so they run in parallel). */
export function describeCrashSafety(backend: Backend): void {
  describe(`crash safety: ${backend.name}`, () => {
    let db: TestDatabase;
    const dir = mkdtempSync(join(tmpdir(), 'causeway-crash-'));
    afterAll(async () => {
      await db?.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    it(`a worker SIGKILLed at random points ${KILLS} times leaves a verifying chain with every acknowledged append, and each delivery wholly stored or not at all`, async () => {
      db = await backend.fresh();
      const reader = await db.open({ audit: { checkpointKey: CRASH_KEY }, instanceId: 'reader' });
      const raw = backend.name === 'postgres' ? await db.raw() : undefined;
      const executedLog = join(dir, `${backend.name}-executed.log`);
      writeFileSync(executedLog, '');
      const acked = new Map<number, string>();
      const recovered: string[] = [];
      const startedIds = new Set<string>();
      const ackedDeliveries = new Set<string>();
      for (let round = 0; round < KILLS; round++) {
        const app = `causeway-crash-${process.pid}-${round}`;
        const lines = await runAndKill(
          withApplicationName(db.url, app),
          executedLog,
          round,
          join(dir, 'compile-cache'),
        );
        await serverDone(raw, app);
        for (const line of lines) {
          const [kind, a, b, c] = line.split(' ');
          if (kind === 'S' || kind === 'F' || kind === 'A') acked.set(Number(a), b as string);
          if (kind === 'S') startedIds.add(c as string);
          if (kind === 'U') recovered.push(a as string);
          if (kind === 'D') ackedDeliveries.add(a as string);
        }
        const v = await verifyAudit(reader, { key: CRASH_KEY });
        expect(v.broken, `after kill ${round + 1}: ${JSON.stringify(v.broken)}`).toBeUndefined();
        const rows = await reader.audit.rows(1, Number.POSITIVE_INFINITY, 1_000_000);
        const bySeq = new Map(rows.map((r) => [r.seq, r.hash]));
        const lost = [...acked].filter(([seq, hash]) => bySeq.get(seq) !== hash);
        expect(lost, `acknowledged records lost after kill ${round + 1}`).toEqual([]);
      }
      // Restart once more: everything the last worker left unfinished is closed, nothing re-run.
      recovered.push(...(await recoverUnfinished(reader, { owner: OWNER })).map((e) => e.id));
      expect(await reader.effects.unfinished()).toEqual([]);

      const executed = readFileSync(executedLog, 'utf8').split('\n').filter(Boolean);
      expect(new Set(executed).size, 'an effect ran twice').toBe(executed.length);
      const closedUnknown = new Set(recovered);
      for (const id of executed) {
        const e = await reader.effects.get(id);
        // Write-ahead: nothing ran without a durable "started" first.
        expect(e, `${id} ran without a durable started record`).toBeDefined();
        expect(['succeeded', 'outcome-unknown']).toContain(e?.state);
        if (e?.state === 'outcome-unknown') expect(closedUnknown.has(id)).toBe(true);
      }
      for (const id of startedIds) expect((await reader.effects.get(id))?.state).not.toBe('started');
      expect(recovered.length, 'kills never landed between started and finished').toBeGreaterThan(0);
      expect(acked.size).toBeGreaterThan(KILLS);
      const deliveries = await expectAtomicDeliveries(reader, ackedDeliveries);
      expect(ackedDeliveries.size).toBeGreaterThan(0);
      expect(deliveries).toBeGreaterThanOrEqual(ackedDeliveries.size);
      const final = await verifyAudit(reader, { key: CRASH_KEY });
      expect(final).toMatchObject({ ok: true });
      expect(final.records).toBeGreaterThanOrEqual(Math.max(...acked.keys()));
    });
  });
}
