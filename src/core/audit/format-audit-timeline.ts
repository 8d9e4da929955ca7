import { explainAutonomyDecision } from '../autonomy/explain-decision.ts';
import type { JsonValue } from '../model/json-value.ts';
import type { AuditRecord } from './audit-record.ts';

const MAX_SUMMARY = 160;

/**
 * A readable timeline, one line per record: time (UTC), actor, action, subject, then the data's
 * fields as `key=value` (large payloads as `<12.3 KB sha256:ab12cd34>`), with a date line
 * whenever the day changes. An `autonomy.decided` record is followed by its explanation, one
 * indented paragraph.
 */
export function formatAuditTimeline(records: readonly AuditRecord[]): string[] {
  const lines: string[] = [];
  let day = '';
  const actorWidth = Math.min(24, Math.max(6, ...records.map((r) => r.actor.length)));
  const actionWidth = Math.max(...records.map((r) => r.action.length), 6);
  for (const r of records) {
    const d = r.at.slice(0, 10);
    if (d !== day) {
      day = d;
      lines.push(`── ${d} (UTC) ──`);
    }
    const fields = Object.entries(r.data)
      .filter(([k]) => k !== 'incidentId')
      .map(([k, v]) => `${k}=${show(v)}`)
      .join(' ');
    const summary = fields.length > MAX_SUMMARY ? `${fields.slice(0, MAX_SUMMARY - 1)}…` : fields;
    lines.push(
      `${r.at.slice(11, 23)}  #${String(r.seq).padEnd(6)} ${r.actor.padEnd(actorWidth)}  ${r.action.padEnd(actionWidth)}  ${r.subject}${summary ? `  ${summary}` : ''}`,
    );
    if (r.action === 'autonomy.decided') lines.push(`    ${explainAutonomyDecision(r.data)}`);
  }
  return lines;
}

function show(v: JsonValue): string {
  if (typeof v === 'string') return /^[\w.:/@+-]+$/.test(v) ? v : JSON.stringify(v);
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as { readonly [k: string]: JsonValue };
    if (typeof o.$payload === 'string' && typeof o.bytes === 'number') {
      return `<${size(o.bytes)} ${o.$payload.slice(0, 15)}${o.stored === false ? ', not stored' : ''}>`;
    }
  }
  return JSON.stringify(v);
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
