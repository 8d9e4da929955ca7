import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBundleTriageSources } from '../../src/adapters/files/create-bundle-triage-sources.ts';
import { openStorage } from '../../src/adapters/storage/open-storage.ts';
import { DEFAULT_INVESTIGATE_OPTIONS } from '../../src/app/investigate-options.ts';
import type { Later } from '../../src/app/triage/late-data.ts';
import { resumeLateDataRechecks } from '../../src/app/triage/resume-late-data-rechecks.ts';
import { type TriageIncidentDeps, triageIncident } from '../../src/app/triage/triage-incident.ts';
import type { TriageObserver } from '../../src/app/triage/triage-observer.ts';
import { NO_TELEMETRY } from '../../src/core/ingest/ingest-telemetry.ts';
import { SILENT_LOG } from '../../src/core/ingest/silent-log.ts';
import type { Alert } from '../../src/core/model/alert.ts';
import type { TriageReport } from '../../src/core/model/triage-report.ts';
import type { RankingRevision } from '../../src/core/revision/ranking-revision.ts';
import type { Storage } from '../../src/core/storage/storage.ts';
import { writeLateBundle } from '../support/late-bundle.ts';

const alert: Alert = {
  fingerprint: 'fp-late',
  name: 'HighErrorRate',
  status: 'firing',
  service: 'frontend',
  labels: {},
  annotations: {},
  startsAt: Date.parse('2026-11-20T14:20:40Z'),
  endsAt: undefined,
  generatorUrl: undefined,
  source: 'test',
};

/** Timers the test runs by hand: what waits, and for how long (the port's own contract, no clock). */
function handTimers(): Later & { readonly waiting: { delayMs: number; key: string }[]; runNext(): Promise<void> } {
  const queue: { delayMs: number; key: string; task: () => Promise<void> }[] = [];
  return {
    get waiting() {
      return queue.map(({ delayMs, key }) => ({ delayMs, key }));
    },
    after: (delayMs, key, task) => void queue.push({ delayMs, key, task }),
    async runNext() {
      const next = queue.shift();
      if (!next) throw new Error('nothing waits');
      await next.task();
    },
  };
}

let storage: Storage;
let dir: string;
afterEach(async () => {
  await storage?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function setup(onsetBeforeAlertMs: number) {
  dir = mkdtempSync(join(tmpdir(), 'causeway-late-'));
  const bundle = writeLateBundle(join(dir, 'late'), { onsetBeforeAlertMs, missingMs: 60_000 });
  const s = await openStorage('sqlite::memory:', { clock: Date.now, instanceId: 'a' });
  if (!s.ok) throw new Error(s.error.message);
  storage = s.value;
  const { incident } = await storage.incidents.openOrJoin({ newId: 'INC-L', alert, at: Date.now() });
  const timers = handTimers();
  const deps: TriageIncidentDeps = {
    incidents: storage.incidents,
    effects: storage.effects,
    audit: storage.audit,
    sources: createBundleTriageSources(bundle.dir),
    options: DEFAULT_INVESTIGATE_OPTIONS,
    telemetry: NO_TELEMETRY,
    log: SILENT_LOG,
    now: Date.now,
    monotonic: () => performance.now(),
    lateData: { minGapMs: 15_000, afterMs: [60_000, 180_000], later: timers },
  };
  const seen: string[] = [];
  const revisions: RankingRevision[] = [];
  const observer: TriageObserver = {
    started: async () => ({ shown: true }),
    progress: () => {},
    result: async () => void seen.push('result'),
    failed: async () => void seen.push('failed'),
    revised: async (_r, revision) => {
      seen.push('revised');
      revisions.push(revision);
    },
  };
  return { incident, deps, timers, bundle, observer, seen, revisions };
}

const topOf = (r: TriageReport) =>
  r.hypotheses[0] ? `${r.hypotheses[0].service} (${r.hypotheses[0].kind})` : undefined;

const actions = async (incidentId: string) =>
  (await storage.audit.query({ incidentId })).map((r) => r.action).filter((a) => a.startsWith('hypotheses.'));

describe('re-triage when late telemetry arrives', () => {
  it('data a minute short: re-read after 60 s; the late minute changes the ranking: saved, audited, shown in place', async () => {
    const { incident, deps, timers, bundle, observer, seen, revisions } = await setup(40_000);
    const first = await triageIncident(deps, { incidentId: incident.id, claim: { attempt: 1 }, observer });
    if (first.state !== 'succeeded') throw new Error(`first triage ${first.state}`);
    expect(first.version).toBe(1);
    // Without the late minute the deploy's failures are not seen yet: something else leads.
    const before = { top: topOf(first.report), confidence: first.report.confidence };
    expect(before.top).not.toBe('payment (deploy)');
    expect(timers.waiting).toEqual([{ delayMs: 60_000, key: `retriage:${incident.id}` }]);

    bundle.appendLate();
    await timers.runNext();
    const saved = await storage.incidents.latestTriage(incident.id);
    expect(saved?.version).toBe(2);
    expect(saved?.report.hypotheses[0]).toMatchObject({ service: 'payment', kind: 'deploy' });
    expect(seen).toEqual(['result', 'revised']);
    const after = { top: 'payment (deploy)', confidence: saved?.report.confidence };
    expect(revisions[0]).toMatchObject({ revision: 1, previous: before, current: after });
    expect(revisions[0]?.moreDataMs).toBeGreaterThanOrEqual(60_000);
    expect(await actions(incident.id)).toEqual(['hypotheses.produced', 'hypotheses.revised']);
    const record = (await storage.audit.query({ incidentId: incident.id })).find(
      (r) => r.action === 'hypotheses.revised',
    );
    expect(record?.data).toMatchObject({
      incidentId: incident.id,
      revision: 1,
      version: 2,
      previous: before,
      current: after,
      origin: 'bundle:mini-payment-deploy',
    });
    // The data has caught up: nothing more waits. The claim was the first triage's, once.
    expect(timers.waiting).toEqual([]);
    expect(await storage.effects.get(`investigation:${incident.id}#2`)).toBeUndefined();
  });

  it('still short and unchanged: nothing saved, audited or shown; the next re-read waits the rest (180 s), then stops', async () => {
    const { incident, deps, timers, observer, seen } = await setup(40_000);
    await triageIncident(deps, { incidentId: incident.id, observer });
    await timers.runNext();
    expect(timers.waiting).toEqual([{ delayMs: 120_000, key: `retriage:${incident.id}` }]);
    await timers.runNext();
    expect(timers.waiting).toEqual([]);
    expect(seen).toEqual(['result']);
    expect((await storage.incidents.latestTriage(incident.id))?.version).toBe(1);
    expect(await actions(incident.id)).toEqual(['hypotheses.produced']);
  });

  it('a resolved incident is not re-triaged', async () => {
    const { incident, deps, timers, bundle, observer, seen } = await setup(40_000);
    await triageIncident(deps, { incidentId: incident.id, observer });
    await storage.incidents.resolve(incident.id, Date.now());
    bundle.appendLate();
    await timers.runNext();
    expect(timers.waiting).toEqual([]);
    expect(seen).toEqual(['result']);
    expect(await actions(incident.id)).toEqual(['hypotheses.produced']);
  });

  it('after a restart, the re-triage still due is found again from the stored triage, and runs headless', async () => {
    const { incident, deps, bundle, observer } = await setup(40_000);
    let now = Date.parse('2026-12-06T04:00:00Z');
    const first = { ...deps, now: () => now };
    await triageIncident(first, { incidentId: incident.id, claim: { attempt: 1 }, observer });
    // The process stops 30 s later with its timers; a new one starts with its own.
    now += 30_000;
    const timers = handTimers();
    const restarted = { ...first, lateData: { minGapMs: 15_000, afterMs: [60_000, 180_000], later: timers } };
    expect(await resumeLateDataRechecks(restarted)).toBe(1);
    expect(timers.waiting).toEqual([{ delayMs: 30_000, key: `retriage:${incident.id}` }]);
    bundle.appendLate();
    await timers.runNext();
    expect(await actions(incident.id)).toEqual(['hypotheses.produced', 'hypotheses.revised']);
    expect((await storage.incidents.latestTriage(incident.id))?.report.hypotheses[0]).toMatchObject({
      service: 'payment',
      kind: 'deploy',
    });
    // Caught up and revised: a second restart finds nothing to resume.
    expect(
      await resumeLateDataRechecks({ ...restarted, lateData: { ...restarted.lateData, later: handTimers() } }),
    ).toBe(0);
  });

  it('after a restart that follows a revision, the chain goes on from that revision, not from its start', async () => {
    const { incident, deps, bundle } = await setup(40_000);
    let now = Date.parse('2026-12-06T04:00:00Z');
    const timers = handTimers();
    const first = { ...deps, now: () => now, lateData: { ...deps.lateData, later: timers } } as TriageIncidentDeps;
    await triageIncident(first, { incidentId: incident.id });
    // Re-triage 1, a minute later, revises the ranking with the late minute.
    now += 60_000;
    bundle.appendLate();
    await timers.runNext();
    expect(await actions(incident.id)).toEqual(['hypotheses.produced', 'hypotheses.revised']);
    // A restart 10 s after it, with a gap every triage counts as short: the next is re-triage 2,
    // due 180 s after the first triage (110 s from now), not re-triage 1 again.
    now += 10_000;
    const later = handTimers();
    const restarted = { ...first, lateData: { minGapMs: -1, afterMs: [60_000, 180_000], later } };
    expect(await resumeLateDataRechecks(restarted)).toBe(1);
    expect(later.waiting).toEqual([{ delayMs: 110_000, key: `retriage:${incident.id}` }]);
  });

  it('after a restart past the last re-triage, or for a resolved incident, nothing is resumed', async () => {
    const { incident, deps } = await setup(40_000);
    let now = Date.parse('2026-12-06T04:00:00Z');
    const first = { ...deps, now: () => now };
    await triageIncident(first, { incidentId: incident.id });
    now += 200_000;
    expect(await resumeLateDataRechecks(first)).toBe(0);
    now -= 100_000;
    await storage.incidents.resolve(incident.id, now);
    expect(await resumeLateDataRechecks(first)).toBe(0);
  });

  it('data that reaches the as-of time schedules nothing', async () => {
    const { incident, deps, timers, bundle } = await setup(40_000);
    bundle.appendLate();
    await triageIncident(deps, { incidentId: incident.id });
    expect(timers.waiting).toEqual([]);
  });
});
