import { formatDuration } from './format-duration.ts';
import type { IncidentStats } from './incident-stats.ts';

/** `causeway stats` for a terminal. */
export function formatStatsText(s: IncidentStats): string {
  const share = s.topConfirmed.ranked
    ? `${((100 * s.topConfirmed.confirmed) / s.topConfirmed.ranked).toFixed(0)} % (${s.topConfirmed.confirmed} of ${s.topConfirmed.ranked} ranked)`
    : '—';
  const lines = [
    `incidents since ${new Date(s.since).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `  incidents                                 ${s.incidents} (${s.resolved} resolved)`,
    `  median time to first hypothesis           ${formatDuration(s.medianFirstHypothesisMs)}`,
    `  median time to resolution                 ${formatDuration(s.medianResolveMs)}`,
    `  leading hypothesis confirmed (👍 or fix)   ${share}`,
    `  pages avoided (fixed autonomously)        ${s.pagesAvoided} (${s.paged} paged)`,
    '',
    s.runs.length === 0 ? '  runbook runs: none' : '  runbook runs:',
    ...s.runs.map(
      (r) =>
        `    ${r.runbook.padEnd(32)} ${Object.entries(r.byStatus)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
