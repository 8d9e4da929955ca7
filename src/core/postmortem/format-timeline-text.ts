import { durationLines } from './duration-lines.ts';
import type { IncidentTimeline } from './incident-timeline.ts';

/**
 * The timeline for a terminal: a heading, the durations, then one line per entry — time (UTC),
 * kind, text, and what it links to (`#seq` an audit record, `ev:ID` a piece of evidence) — with a
 * date line whenever the day changes.
 */
export function formatTimelineText(t: IncidentTimeline): string {
  const lines = [`timeline of incident ${t.incidentId}: ${t.title}`, ''];
  for (const [label, value] of durationLines(t.durations)) lines.push(`  ${label.padEnd(58)} ${value}`);
  lines.push('');
  let day = '';
  const width = Math.max(6, ...t.entries.map((e) => e.kind.length));
  for (const e of t.entries) {
    const iso = new Date(e.at).toISOString();
    if (iso.slice(0, 10) !== day) {
      day = iso.slice(0, 10);
      lines.push(`── ${day} (UTC) ──`);
    }
    const refs = [
      ...(e.ref.audit !== undefined ? [`#${e.ref.audit}`] : []),
      ...(e.ref.evidence ? [`ev:${e.ref.evidence}`] : []),
    ];
    lines.push(`${iso.slice(11, 23)}  ${e.kind.padEnd(width)}  ${e.text}${refs.length ? `  [${refs.join(' ')}]` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
