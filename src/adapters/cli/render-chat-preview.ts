import type { TriageReport } from '../../core/model/triage-report.ts';

/** What the chat surface would post for this triage: the one-line summary and the top hypotheses, as plain text. */
export function renderChatPreview(r: TriageReport): string {
  const alert = r.alerts.find((a) => a.status === 'firing');
  const lines = [
    `:rotating_light: *${alert?.name ?? 'Alert'}* on *${alert?.service ?? '?'}* — triage as of ${new Date(r.asOf).toISOString()}`,
  ];
  lines.push(`*${r.summary}*`);
  const max = Math.max(1, r.hypotheses[0]?.score ?? 1);
  for (const h of r.hypotheses.slice(0, 3)) {
    const bar = '▰'.repeat(Math.max(1, Math.round((h.score / max) * 8))).padEnd(8, '▱');
    const ev = h.evidence.find((e) => e.stance === 'supports' && e.source !== 'alert');
    lines.push(`${bar} *${h.service}* · ${h.kind.replace('_', ' ')}${h.changeId ? ` · \`${h.changeId}\`` : ''}`);
    if (ev) lines.push(`    ↳ ${ev.summary}`);
  }
  lines.push('[👍 right] [👎 wrong] [more evidence]');
  return `${lines.join('\n')}\n`;
}
