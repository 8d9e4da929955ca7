import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { CliIo } from '../../adapters/cli/cli-command.ts';
import { loadIncidentFacts } from '../../app/postmortem/load-incident-facts.ts';
import type { Alert } from '../../core/model/alert.ts';
import type { TriageReport } from '../../core/model/triage-report.ts';
import { buildIncidentTimeline } from '../../core/postmortem/build-incident-timeline.ts';
import { buildPostmortem } from '../../core/postmortem/build-postmortem.ts';
import { formatTimelineText } from '../../core/postmortem/format-timeline-text.ts';
import { renderPostmortemMarkdown } from '../../core/postmortem/render-postmortem-markdown.ts';
import type { Storage } from '../../core/storage/storage.ts';

/** The demo's incident as `serve` would have stored it: opened by its alert, its triage saved and audited. */
export async function recordDemoIncident(
  storage: Storage,
  now: () => number,
  t: { readonly id: string; readonly report: TriageReport; readonly alert: Alert | undefined },
): Promise<void> {
  if (!t.alert) return;
  const { incident } = await storage.incidents.openOrJoin({ newId: t.id, alert: t.alert, at: now() });
  await storage.audit.append({
    actor: `webhook:${t.alert.source.toLowerCase().replace(/[^a-z0-9._-]/g, '') || 'demo'}`,
    action: 'alert.received',
    subject: `incident:${incident.id}`,
    data: {
      incidentId: incident.id,
      source: t.alert.source,
      count: 1,
      firing: 1,
      resolved: 0,
      fingerprints: [t.alert.fingerprint],
      names: [t.alert.name],
    },
  });
  await storage.audit.append({
    actor: 'system',
    action: 'incident.opened',
    subject: `incident:${incident.id}`,
    data: { incidentId: incident.id, title: incident.title, fingerprint: t.alert.fingerprint },
  });
  await storage.incidents.saveTriage(incident.id, { at: now(), report: t.report });
  await storage.audit.append({
    actor: 'system',
    action: 'hypotheses.produced',
    subject: `incident:${incident.id}`,
    data: {
      incidentId: incident.id,
      confidence: t.report.confidence,
      origin: 'demo',
      hypotheses: t.report.hypotheses
        .slice(0, 10)
        .map((h) => ({ id: h.id, service: h.service, kind: h.kind, score: h.score })),
    },
  });
}

/**
 * After the runbook demo: the incident is resolved, its timeline printed and its postmortem draft
 * written as Markdown to `path` (what `causeway incident timeline|report` print for a stored one).
 */
export async function printDemoPostmortem(
  io: CliIo,
  storage: Storage,
  now: () => number,
  incidentId: string,
  path: string,
): Promise<void> {
  if (!(await storage.incidents.get(incidentId))) return;
  await storage.incidents.resolve(incidentId, now());
  await storage.audit.append({
    actor: 'system',
    action: 'incident.resolved',
    subject: `incident:${incidentId}`,
    data: { incidentId, by: 'the demo, after the rollback' },
  });
  const facts = await loadIncidentFacts(storage, incidentId);
  if (!facts.ok) return;
  const timeline = buildIncidentTimeline(facts.value);
  io.stdout(`\n${formatTimelineText(timeline)}`);
  const out = resolve(io.cwd, path);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, renderPostmortemMarkdown(buildPostmortem(facts.value, timeline)));
  io.stdout(`Postmortem draft written to ${out} (causeway incident report ID for a stored incident).\n`);
}
