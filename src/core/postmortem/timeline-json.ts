import type { IncidentTimeline } from './incident-timeline.ts';

/** The timeline as plain JSON (`--json`): times as ISO 8601 UTC, durations in ms (null when not reached). */
export function timelineJson(t: IncidentTimeline): Record<string, unknown> {
  const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
  const n = (ms: number | undefined) => ms ?? null;
  return {
    incidentId: t.incidentId,
    title: t.title,
    marks: {
      onset: iso(t.marks.onset),
      firstAlert: iso(t.marks.firstAlert),
      received: iso(t.marks.received),
      firstHypothesis: iso(t.marks.firstHypothesis),
      mitigated: iso(t.marks.mitigated),
      resolved: iso(t.marks.resolved),
    },
    durationsMs: {
      detect: n(t.durations.detectMs),
      firstHypothesis: n(t.durations.firstHypothesisMs),
      mitigate: n(t.durations.mitigateMs),
      resolve: n(t.durations.resolveMs),
    },
    entries: t.entries.map((e) => ({ at: iso(e.at), kind: e.kind, text: e.text, ...e.ref })),
  };
}
