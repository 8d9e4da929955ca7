import type { AuditRecord } from '../audit/audit-record.ts';
import type { JsonObject, JsonValue } from '../model/json-value.ts';
import type { IncidentFacts } from './incident-facts.ts';
import type { IncidentTimeline, TimelineEntry, TimelineKind } from './incident-timeline.ts';

/**
 * The incident's timeline, from its stored records and its audit trail (only the records the chain
 * vouches for): the first alert, the onset as the triage estimated it, each source's answer, each
 * ranking and how the leader changed, proposals, approvals, refusals, steps and verifications,
 * runs, feedback and the resolution. Each entry names its audit record (and the evidence behind it
 * where there is one); entries are in time order (chain order on ties).
 */
export function buildIncidentTimeline(facts: IncidentFacts): IncidentTimeline {
  const { incident, triage } = facts;
  const entries: (TimelineEntry & { readonly seq: number })[] = [];
  const add = (at: number, kind: TimelineKind, text: string, r?: AuditRecord, evidence?: string) =>
    entries.push({
      at,
      kind,
      text,
      ref: { ...(r ? { audit: r.seq } : {}), ...(evidence ? { evidence } : {}) },
      seq: r?.seq ?? 0,
    });

  const firing = facts.alerts.filter((a) => a.alert.status === 'firing');
  const starts = (firing.length ? firing : facts.alerts).map((a) => a.alert.startsAt);
  const firstAlert = starts.length ? Math.min(...starts) : incident.openedAt;
  const received = facts.audit.filter((r) => r.action === 'alert.received');
  const first = firing.find((a) => a.alert.startsAt === firstAlert) ?? facts.alerts[0];
  if (first) {
    const r = received.find((x) => strings(x.data.fingerprints).includes(first.fingerprint)) ?? received[0];
    add(
      first.alert.startsAt,
      'alert',
      `alert ${first.alert.name} started firing${first.alert.service ? ` on ${first.alert.service}` : ''}`,
      r,
    );
  }
  const report = triage?.report;
  if (report) add(report.windows.onset, 'onset', `onset, as the triage estimated it (${report.windows.onsetReason})`);

  let lastTop: string | undefined;
  let rankings = 0;
  const started = new Map<string, { readonly role: string; readonly step: string }>();
  for (const r of facts.audit) {
    const at = Date.parse(r.at);
    const d = r.data;
    switch (r.action) {
      case 'alert.received':
        add(
          at,
          'alert',
          `${num(d.count) ?? 1} alert notification${num(d.count) === 1 ? '' : 's'} received from ${str(d.source) ?? r.actor} (${num(d.firing) ?? 0} firing, ${num(d.resolved) ?? 0} resolved)`,
          r,
        );
        break;
      case 'incident.opened':
        add(at, 'opened', `incident opened: ${str(d.title) ?? incident.title}`, r);
        break;
      case 'incident.joined':
        add(at, 'alert', 'another alert joined the incident', r);
        break;
      case 'evidence.queried':
        add(at, 'source', `${str(d.source) ?? 'a source'} queried (${str(d.status) ?? 'done'})`, r);
        break;
      case 'hypotheses.produced': {
        rankings++;
        if (rankings === 1 && report) {
          for (const [name, s] of Object.entries(report.sources)) {
            if (!s) continue;
            add(
              at,
              'source',
              `${name} answered: ${s.state}${s.state === 'failed' ? ` (${s.code}: ${s.detail})` : s.detail ? ` (${s.detail})` : ''}`,
              r,
            );
          }
        }
        const hs = list(d.hypotheses);
        const top = hs[0];
        const name = top ? `${str(top.service)} (${str(top.kind)})` : undefined;
        const change =
          rankings === 1
            ? ''
            : name === lastTop
              ? '; the leader is unchanged'
              : `; the leader changed from ${lastTop ?? 'none'}`;
        const evidence = top
          ? report?.hypotheses.find((h) => h.id === str(top.id))?.evidence.find((e) => e.stance === 'supports')?.id
          : undefined;
        add(
          at,
          'hypotheses',
          name
            ? `ranking ${rankings}: ${hs.length} hypothes${hs.length === 1 ? 'is' : 'es'}, leading ${name}, confidence ${str(d.confidence) ?? '?'}${change}`
            : `ranking ${rankings}: no hypothesis`,
          r,
          evidence,
        );
        lastTop = name;
        break;
      }
      case 'runbook.proposed':
        add(at, 'proposed', `runbook ${str(d.runbook)} proposed by ${r.actor} (run ${str(d.runId)})`, r);
        break;
      case 'approval.requested':
        add(at, 'approval', `approval requested for step ${step(d)} of run ${str(d.runId)} by ${r.actor}`, r);
        break;
      case 'approval.granted':
        add(at, 'approval', `${r.actor} approved step ${step(d)} of run ${str(d.runId)}`, r);
        break;
      case 'approval.denied':
        add(at, 'refused', `${r.actor} rejected step ${step(d)} of run ${str(d.runId)}`, r);
        break;
      case 'approval.expired':
        add(at, 'refused', `the approval of step ${step(d)} of run ${str(d.runId)} expired`, r);
        break;
      case 'approval.refused':
        add(at, 'refused', `a decision by ${r.actor} on step ${step(d)} was refused: ${str(d.reason)}`, r);
        break;
      case 'step.refused':
        add(at, 'refused', `step ${step(d)} of run ${str(d.runId)} was not run: ${str(d.reason)}`, r);
        break;
      case 'step.started': {
        const intent = obj(d.intent);
        if (d.kind === 'investigation') {
          started.set(str(d.effectId) ?? '', { role: 'investigation', step: '' });
          add(at, 'source', `investigation started (attempt ${num(intent.attempt) ?? 1})`, r);
          break;
        }
        const role = str(intent.role) ?? 'main';
        started.set(str(d.effectId) ?? '', { role, step: step(intent) });
        add(
          at,
          role === 'verify' ? 'verification' : 'step',
          `${role === 'verify' ? 'verification' : 'step'} ${step(intent)} (${str(intent.stepId) ?? str(d.kind)}) started by ${r.actor}`,
          r,
        );
        break;
      }
      case 'step.finished':
      case 'step.outcome-unknown': {
        const begun = started.get(str(d.effectId) ?? '');
        const role = begun?.role ?? 'main';
        if (role === 'investigation') {
          const reason = str(obj(d.detail).reason);
          add(
            at,
            'source',
            `investigation ${r.action === 'step.outcome-unknown' ? 'cut short' : (str(d.status) ?? '?')}${reason ? `: ${reason}` : ''}`,
            r,
          );
          break;
        }
        const status = r.action === 'step.outcome-unknown' ? 'outcome unknown' : (str(d.status) ?? '?');
        const summary = str(obj(d.detail).summary);
        add(
          at,
          role === 'verify' ? 'verification' : 'step',
          `${role === 'verify' ? 'verification' : 'step'} ${begun?.step ?? '?'} ${status}${summary ? `: ${summary}` : ''}`,
          r,
        );
        break;
      }
      case 'run.finished':
        add(at, 'run', `run ${str(d.runId)} (${str(d.runbook)}) ${str(d.status)}`, r);
        break;
      case 'run.cancelled':
        add(at, 'run', `run ${str(d.runId)} cancelled by ${str(d.by) ?? r.actor}: ${str(d.reason) ?? ''}`, r);
        break;
      case 'feedback.recorded':
        add(
          at,
          'feedback',
          `${r.actor} marked hypothesis ${str(d.hypothesisId) ?? '(all)'} ${str(d.verdict) === 'confirmed' ? '👍 right' : str(d.verdict) === 'rejected' ? '👎 wrong' : 'unsure'}`,
          r,
        );
        break;
      case 'incident.resolved':
        add(at, 'resolved', `incident resolved (${str(d.by) ?? r.actor})`, r);
        break;
      default:
        break;
    }
  }
  entries.sort((a, b) => a.at - b.at || a.seq - b.seq);

  const ranked = facts.audit.find((r) => r.action === 'hypotheses.produced' && list(r.data.hypotheses).length > 0);
  const firstHypothesis = ranked ? Date.parse(ranked.at) : triage?.createdAt;
  const fixed = facts.audit.find((r) => r.action === 'run.finished' && r.data.status === 'succeeded');
  const mitigated = fixed ? Date.parse(fixed.at) : undefined;
  const resolvedRecord = facts.audit.find((r) => r.action === 'incident.resolved');
  const resolved = incident.resolvedAt ?? (resolvedRecord ? Date.parse(resolvedRecord.at) : undefined);
  const onset = report?.windows.onset;
  // Detection on the telemetry's clock: the triage's own alerts (a recording's, when it replayed one).
  const triageStarts = (report?.alerts ?? []).filter((a) => a.status === 'firing').map((a) => a.startsAt);
  const detectFrom = triageStarts.length ? Math.min(...triageStarts) : firstAlert;
  const since = (t: number | undefined, from: number | undefined) =>
    t === undefined || from === undefined ? undefined : Math.max(0, t - from);
  return {
    incidentId: incident.id,
    title: incident.title,
    entries: entries.map(({ seq: _, ...e }) => e),
    marks: { onset, firstAlert, received: incident.openedAt, firstHypothesis, mitigated, resolved },
    durations: {
      detectMs: since(detectFrom, onset),
      firstHypothesisMs: since(firstHypothesis, incident.openedAt),
      mitigateMs: since(mitigated, incident.openedAt),
      resolveMs: since(resolved, incident.openedAt),
    },
  };
}

function str(v: JsonValue | undefined): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

function num(v: JsonValue | undefined): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

function strings(v: JsonValue | undefined): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function obj(v: JsonValue | undefined): JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : {};
}

function list(v: JsonValue | undefined): JsonObject[] {
  return Array.isArray(v) ? v.map((x) => obj(x)) : [];
}

/** A step number as people count (1-based), from `data.step` (0-based). */
function step(d: JsonObject): string {
  return typeof d.step === 'number' ? String(d.step + 1) : '?';
}
