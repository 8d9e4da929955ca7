/**
 * The seen-before benches' cases (run.ts, feed.ts): simulator worlds (planBundles: kinds cycling,
 * mixed topologies). Every even world's incident is in the history and a recurrence of it
 * (generateBundle's `variant` 1: the same topology and fault, new timing, traffic, changes and
 * noise) is a query, as is a novel fault on that known system (variant 2, another fault kind; kept
 * only when its root service or kind differs); every odd world's incident is a novel query on a
 * new system. Each bundle is triaged as `causeway triage` does and fingerprinted from its report;
 * the reports are cached in `cache` (the parts the fingerprint and the ranking's feed read).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateBundle } from '../../sim/bundle/generate-bundle.ts';
import { writeBundle } from '../../sim/bundle/write-bundle.ts';
import { planBundles } from '../../sim/plan-bundles.ts';
import { openBundle } from '../../src/adapters/files/open-bundle.ts';
import { investigateCase } from '../../src/app/investigate-case.ts';
import { DEFAULT_INVESTIGATE_OPTIONS } from '../../src/app/investigate-options.ts';
import { FAULT_KINDS } from '../../src/core/model/fault-kind.ts';
import type { TriageReport } from '../../src/core/model/triage-report.ts';
import { fingerprintReport } from '../../src/core/seen-before/fingerprint-report.ts';
import type { IncidentFingerprint } from '../../src/core/seen-before/incident-fingerprint.ts';
import { probeFeatures } from '../../src/core/seen-before/probe-features.ts';
import type { FingerprintCandidate } from '../../src/core/seen-before/rank-seen-before.ts';

export type BenchReport = Pick<TriageReport, 'hypotheses' | 'alerts'>;
export type Case = {
  id: string;
  world: number;
  truth: { service: string; kind: string };
  report: BenchReport;
  fp: IncidentFingerprint;
  ms: number;
};
export type Cases = {
  readonly history: Case[];
  readonly recurring: Case[];
  readonly novel: Case[];
  /** Novel faults on a known system: a history world's topology with another fault kind (variant 2). */
  readonly sameSystem: Case[];
};
/** What is cached per bundle (re-fingerprinted on every run). */
type Cached = Omit<Case, 'fp'>;

async function triaged(
  cache: string,
  req: ReturnType<typeof planBundles>[number] & { variant?: number },
): Promise<Case> {
  const id = req.variant === undefined ? req.id : `${req.id}-r${req.variant}`;
  const file = join(cache, `${id}.report.json`);
  if (existsSync(file)) {
    const c = JSON.parse(readFileSync(file, 'utf8')) as Cached;
    return { ...c, fp: fingerprintReport(c.report as TriageReport) };
  }
  const dir = join(cache, 'bundles', id);
  const files = existsSync(join(dir, 'truth.json'))
    ? ({ 'truth.json': readFileSync(join(dir, 'truth.json'), 'utf8') } as ReturnType<typeof generateBundle>)
    : generateBundle(req);
  if (!existsSync(join(dir, 'truth.json'))) writeBundle(dir, files);
  const opened = await openBundle(dir);
  if (!opened.ok) throw new Error(`${id}: ${opened.error.message}`);
  const t0 = performance.now();
  const report = await investigateCase(opened.value, { options: DEFAULT_INVESTIGATE_OPTIONS });
  const ms = performance.now() - t0;
  const truth = JSON.parse(files['truth.json']) as { service: string; kind: string };
  const c: Cached = {
    id,
    world: Number(req.id.split('-').at(-1)),
    truth: { service: truth.service, kind: truth.kind },
    ms,
    report: { hypotheses: report.hypotheses, alerts: report.alerts },
  };
  writeFileSync(file, JSON.stringify(c));
  return { ...c, fp: fingerprintReport(report) };
}

/** The cases of `worlds` worlds of `seed`, triaged (or read from the cache), with a progress dot per world on stderr. */
export async function loadCases(o: { worlds: number; seed: number; cache: string }): Promise<Cases> {
  mkdirSync(o.cache, { recursive: true });
  const cases: Cases = { history: [], recurring: [], novel: [], sameSystem: [] };
  for (const p of planBundles({ out: '', count: o.worlds, seed: o.seed })) {
    const i = Number(p.id.split('-').at(-1));
    if (i % 2 === 0) {
      const past = await triaged(o.cache, p);
      cases.history.push(past);
      cases.recurring.push(await triaged(o.cache, { ...p, variant: 1 }));
      const kind = FAULT_KINDS[(FAULT_KINDS.indexOf(p.kind) + 3) % FAULT_KINDS.length] ?? 'latency';
      const other = await triaged(o.cache, { ...p, kind, variant: 2 });
      if (other.truth.service !== past.truth.service || other.truth.kind !== past.truth.kind)
        cases.sameSystem.push(other);
    } else cases.novel.push(await triaged(o.cache, p));
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  return cases;
}

/** As findSeenBefore: only past incidents sharing a probing feature (the inverted index) are compared. */
export function candidatesFor(history: readonly Case[], q: Case): FingerprintCandidate<Case>[] {
  const probe = new Set(probeFeatures(q.fp));
  return history.filter((h) => h.fp.features.some(([f]) => probe.has(f))).map((c) => ({ fingerprint: c.fp, about: c }));
}
