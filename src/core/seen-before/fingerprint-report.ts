import type { Hypothesis } from '../model/hypothesis.ts';
import type { TriageReport } from '../model/triage-report.ts';
import type { IncidentFingerprint } from './incident-fingerprint.ts';

/** How much each family of features counts in the similarity (docs/postmortems.md). */
export const FEATURE_WEIGHTS = {
  root: 4,
  kind: 2,
  cand: 2,
  ev: 1,
  svc: 1,
  tpl: 2,
  err: 1,
  edge: 1,
  change: 1,
  alert: 1,
} as const;

/** How many hypotheses' evidence the fingerprint reads (the leading ones). */
const TOP = 3;
/** Error-type words inside a log template: exception names, HTTP and gRPC failure codes. */
const ERROR_TYPE =
  /\b(?:[A-Z][A-Za-z0-9]*(?:Error|Exception|Timeout|Refused|Unavailable|Exceeded)|(?:4|5)\d\d|DEADLINE_EXCEEDED|UNAVAILABLE|RESOURCE_EXHAUSTED)\b/g;

/**
 * The fingerprint of a triaged incident, from its stored report: the leading hypothesis (service
 * and fault kind), the services of the leading ones, the log templates that appeared or surged
 * there, the error types in them, the call edges the evidence names as failing or new, the types
 * of the changes involved, and the alert names. Deterministic; no time, no ids.
 */
export function fingerprintReport(report: TriageReport): IncidentFingerprint {
  const w = new Map<string, number>();
  const add = (family: keyof typeof FEATURE_WEIGHTS, value: string) => {
    const v = value.trim().toLowerCase().replace(/\s+/g, ' ').slice(0, 200);
    if (v) w.set(`${family}:${v}`, FEATURE_WEIGHTS[family]);
  };
  const top = report.hypotheses[0];
  if (top) {
    add('root', `${top.service}/${top.kind}`);
    add('kind', top.kind);
  }
  const leading: readonly Hypothesis[] = report.hypotheses.slice(0, TOP);
  for (const h of leading) {
    add('svc', h.service);
    add('cand', `${h.service}/${h.kind}`);
    for (const e of h.evidence) {
      if (e.stance !== 'supports') continue;
      add('ev', `${e.service}:${e.kind}`);
      if (e.kind === 'new-pattern' || e.kind === 'surging-pattern') {
        const m = /pattern: "(.*)"/.exec(e.summary);
        if (m?.[1]) {
          add('tpl', `${e.service}:${m[1]}`);
          if (e.data.level === 'error' || e.data.level === 'warn' || e.data.level === 'fatal')
            for (const t of m[1].match(ERROR_TYPE) ?? []) add('err', t);
        }
      }
      if (e.kind === 'callers-fail' && typeof e.data.failingCallers === 'string')
        for (const c of e.data.failingCallers.split(',').filter(Boolean)) add('edge', `${c}->${e.service}`);
      if (e.kind === 'only-caller-fails' && typeof e.data.callee === 'string')
        add('edge', `${e.service}->${e.data.callee}`);
      if (e.kind === 'new-client' && typeof e.data.client === 'string') add('edge', `${e.data.client}->${e.service}`);
      if (e.kind === 'blamed-by' && typeof e.data.services === 'string')
        for (const c of e.data.services.split(',').filter(Boolean)) add('edge', `${c}->${e.service}`);
      if (e.source === 'changes') add('change', e.kind);
    }
  }
  for (const a of report.alerts) if (a.status === 'firing') add('alert', a.name);
  return { features: [...w.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) };
}
