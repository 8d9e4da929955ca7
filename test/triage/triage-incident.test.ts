import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBundleTriageSources } from '../../src/adapters/files/create-bundle-triage-sources.ts';
import { openStorage } from '../../src/adapters/storage/open-storage.ts';
import { resumeInvestigations } from '../../src/app/ingest/resume-investigations.ts';
import { DEFAULT_INVESTIGATE_OPTIONS } from '../../src/app/investigate-options.ts';
import { rememberIncident } from '../../src/app/seen-before/remember-incident.ts';
import { recoverUnfinished } from '../../src/app/storage/recover-unfinished.ts';
import { type TriageIncidentDeps, triageIncident } from '../../src/app/triage/triage-incident.ts';
import type { TriageObserver } from '../../src/app/triage/triage-observer.ts';
import { NO_TELEMETRY } from '../../src/core/ingest/ingest-telemetry.ts';
import { SILENT_LOG } from '../../src/core/ingest/silent-log.ts';
import type { Alert } from '../../src/core/model/alert.ts';
import type { Storage } from '../../src/core/storage/storage.ts';
import { BACKENDS, type TestDatabase } from '../storage/support/backends.ts';
import { writeMiniBundle } from '../support/mini-bundle.ts';

const EXAMPLE = new URL('../../examples/webshop-deploy', import.meta.url).pathname;
let storage: Storage;
afterEach(async () => storage?.close());

const alert: Alert = {
  fingerprint: 'fp-1',
  name: 'HighErrorRate',
  status: 'firing',
  service: 'frontend',
  labels: {},
  annotations: {},
  startsAt: Date.parse('2026-11-24T10:00:00Z'),
  endsAt: undefined,
  generatorUrl: undefined,
  source: 'test',
};

async function setup(instanceId = 'a') {
  const s = await openStorage('sqlite::memory:', { clock: Date.now, instanceId });
  if (!s.ok) throw new Error(s.error.message);
  storage = s.value;
  const { incident } = await storage.incidents.openOrJoin({ newId: 'INC-1', alert, at: Date.now() });
  const deps = {
    incidents: storage.incidents,
    effects: storage.effects,
    audit: storage.audit,
    sources: createBundleTriageSources(EXAMPLE),
    options: DEFAULT_INVESTIGATE_OPTIONS,
    telemetry: NO_TELEMETRY,
    log: SILENT_LOG,
    now: Date.now,
    monotonic: () => performance.now(),
  };
  return { incident, deps };
}

/** The webhook path: claims the investigation (attempt 1 unless told). */
const investigate = (deps: TriageIncidentDeps, incidentId: string, attempt = 1, observer?: TriageObserver) =>
  triageIncident(deps, { incidentId, claim: { attempt }, ...(observer ? { observer } : {}) });

describe('triageIncident', () => {
  it('headless: triages from the sources, saves and audits the ranking; a second claim runs nothing', async () => {
    const { incident, deps } = await setup();
    const first = await investigate(deps, incident.id);
    expect(first).toMatchObject({ state: 'succeeded', version: 1 });
    expect(await investigate(deps, incident.id)).toEqual({ state: 'skipped', reason: 'already claimed' });
    expect((await storage.incidents.latestTriage(incident.id))?.version).toBe(1);
    const actions = (await storage.audit.query({ incidentId: incident.id })).map((r) => r.action);
    expect(actions.filter((a) => a === 'hypotheses.produced')).toHaveLength(1);
    expect(await storage.effects.get(`investigation:${incident.id}`)).toMatchObject({ state: 'succeeded' });
  });

  it('an observer watches the triage it does not own: told it started, each source, the result; once', async () => {
    const { incident, deps } = await setup();
    const calls: string[] = [];
    const observer: TriageObserver = {
      started: async (i) => {
        calls.push(`started ${i.incident.id}:${i.alerts.map((a) => a.fingerprint).join(',')}`);
        return { shown: true };
      },
      progress: (source) => void calls.push(`progress ${source}`),
      result: async (report) => void calls.push(`result ${report.hypotheses[0]?.service}`),
      failed: async (p) => void calls.push(`failed ${p.message}`),
    };
    const first = await investigate(deps, incident.id, 1, observer);
    expect(first).toMatchObject({ state: 'succeeded', version: 1 });
    expect(await investigate(deps, incident.id, 1, observer)).toMatchObject({ state: 'skipped' });
    expect(calls[0]).toBe(`started ${incident.id}:fp-1`);
    expect(calls.filter((c) => c.startsWith('progress')).sort()).toEqual([
      'progress changes',
      'progress logs',
      'progress traces',
    ]);
    expect(calls.at(-1)).toBe(`result ${first.state === 'succeeded' ? first.report.hypotheses[0]?.service : ''}`);
    // Saved and audited by the use-case, once, whoever watches.
    const actions = (await storage.audit.query({ incidentId: incident.id })).map((r) => r.action);
    expect(actions.filter((a) => a === 'hypotheses.produced')).toHaveLength(1);
  });

  it('an observer that cannot show the triage stops it before any source is read; the journal says why', async () => {
    const { incident, deps } = await setup();
    const observer: TriageObserver = {
      started: async () => ({ shown: false, reason: 'not_in_channel: the app is not in the channel' }),
      progress: () => {},
      result: async () => {},
      failed: async () => {},
    };
    expect(await investigate(deps, incident.id, 1, observer)).toEqual({
      state: 'failed',
      reason: 'not_in_channel: the app is not in the channel',
    });
    expect(await storage.incidents.latestTriage(incident.id)).toBeUndefined();
    expect(await storage.effects.get(`investigation:${incident.id}`)).toMatchObject({ state: 'failed' });
  });

  it('seen before: a similar resolved incident whose cause people confirmed weighs in the saved ranking, and the observer is shown it', async () => {
    const { incident: past, deps } = await setup();
    const fed = { ...deps, seenBefore: storage.seenBefore };
    expect(await investigate(fed, past.id)).toMatchObject({ state: 'succeeded' });
    const first = await storage.incidents.latestTriage(past.id);
    const confirmed = first?.report.hypotheses[1];
    if (!confirmed) throw new Error('the example triage has fewer than two hypotheses');
    await storage.feedback.record({
      incidentId: past.id,
      hypothesisId: confirmed.id,
      user: 'slack:UALICE',
      verdict: 'confirmed',
      note: undefined,
      at: Date.now(),
    });
    await storage.incidents.resolve(past.id, Date.now());
    expect(await rememberIncident({ storage, checkpointKey: undefined }, past.id)).toBe(true);

    const { incident: now } = await storage.incidents.openOrJoin({
      newId: 'INC-2',
      alert: { ...alert, fingerprint: 'fp-2' },
      at: Date.now(),
    });
    const shown: string[] = [];
    const observer: TriageObserver = {
      started: async () => ({ shown: true }),
      progress: () => {},
      result: async (_report, { seenBefore }) => void shown.push(...seenBefore.map((m) => m.incidentId)),
      failed: async () => {},
    };
    expect(await investigate(fed, now.id, 1, observer)).toMatchObject({ state: 'succeeded' });
    expect(shown).toEqual([past.id]);
    const saved = await storage.incidents.latestTriage(now.id);
    const lifted = saved?.report.hypotheses.find((h) => h.service === confirmed.service);
    expect(lifted?.reasons.find((r) => r.rule === 'seen-before')?.text).toContain(
      `confirmed as the cause of incident ${past.id}`,
    );
    expect(lifted?.score).toBeGreaterThan(confirmed.score);
    // Without the store, the same triage is the ranking as read.
    const { incident: plain } = await storage.incidents.openOrJoin({
      newId: 'INC-3',
      alert: { ...alert, fingerprint: 'fp-3' },
      at: Date.now(),
    });
    await investigate(deps, plain.id);
    const unfed = await storage.incidents.latestTriage(plain.id);
    expect(unfed?.report.hypotheses.some((h) => h.reasons.some((r) => r.rule === 'seen-before'))).toBe(false);
  });

  it('after a crash mid-investigation: recovery closes it as outcome-unknown and the next start investigates again', async () => {
    const { incident, deps } = await setup('a');
    await storage.effects.begin({
      id: `investigation:${incident.id}`,
      kind: 'investigation',
      subject: `incident:${incident.id}`,
      actor: 'system',
      incidentId: incident.id,
    });
    expect(await resumeInvestigations(storage)).toEqual([]);
    await recoverUnfinished(storage, { owner: 'a' });
    const todo = await resumeInvestigations(storage);
    expect(todo).toEqual([{ incidentId: incident.id, attempt: 2 }]);
    expect(await investigate(deps, incident.id, 2)).toMatchObject({ state: 'succeeded' });
    expect(await resumeInvestigations(storage)).toEqual([]);
  });
});

describe.each(BACKENDS)('triageIncident on a bundle it cannot read: $name', (backend) => {
  let db: TestDatabase;
  let dir: string;
  afterEach(async () => {
    await db?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a log line over the line limit ends the investigation as failed, naming file and line; it is not resumed', async () => {
    dir = mkdtempSync(join(tmpdir(), 'causeway-long-line-'));
    const bundle = writeMiniBundle(join(dir, 'mini'));
    const long = { '@timestamp': '2026-11-20T14:21:00Z', 'service.name': 'payment', message: 'x'.repeat(20_000) };
    appendFileSync(join(bundle, 'logs.ndjson'), `${JSON.stringify(long)}\n`);
    const lines = readFileSync(join(bundle, 'logs.ndjson'), 'utf8').trimEnd().split('\n');
    db = await backend.fresh();
    const s = await db.open({ instanceId: 'a' });
    const { incident } = await s.incidents.openOrJoin({ newId: 'INC-9', alert, at: Date.now() });
    const deps = {
      incidents: s.incidents,
      effects: s.effects,
      audit: s.audit,
      sources: createBundleTriageSources(bundle, undefined, 4096),
      options: DEFAULT_INVESTIGATE_OPTIONS,
      telemetry: NO_TELEMETRY,
      log: SILENT_LOG,
      now: Date.now,
      monotonic: () => performance.now(),
    };
    const outcome = await investigate(deps, incident.id);
    expect(outcome).toEqual({
      state: 'failed',
      reason: expect.stringMatching(
        new RegExp(`^INPUT_INVALID: logs\\.ndjson:${lines.length}: longer than the limit of 4096 bytes`),
      ),
    });
    expect(await s.incidents.latestTriage(incident.id)).toBeUndefined();
    expect(await s.effects.get(`investigation:${incident.id}`)).toMatchObject({ state: 'failed' });
    // A restart: recovery finds nothing unfinished, and nothing is investigated again.
    await recoverUnfinished(s, { owner: 'a' });
    expect(await resumeInvestigations(s)).toEqual([]);
  });
});
