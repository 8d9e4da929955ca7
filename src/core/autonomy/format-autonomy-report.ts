import type { JsonObject } from '../model/json-value.ts';
import type { Pause } from './pause.ts';
import { percent } from './percent.ts';
import type { RunbookStanding } from './runbook-eligibility.ts';

/** `causeway autonomy report --json`: one object per runbook, and the pauses in force. */
export function autonomyReportJson(standings: readonly RunbookStanding[], pauses: readonly Pause[]): JsonObject {
  return {
    runbooks: standings.map((s) => ({
      runbook: s.runbookId,
      title: s.title,
      level: s.level,
      incidents: s.track.recorded,
      scored: s.track.scored,
      agreed: s.track.agreed,
      disagreed: s.track.disagreed,
      agreement: s.track.agreement,
      precision: s.track.precision,
      eligible: s.eligible,
      whyNot: [...s.whyNot],
      ...(s.track.since !== undefined ? { demotedAt: new Date(s.track.since).toISOString() } : {}),
      ...(s.track.earnedBy ? { earnedBy: s.track.earnedBy.id } : {}),
    })),
    pauses: pauses.map((p) => ({ scope: p.scope, by: p.by, reason: p.reason, at: new Date(p.at).toISOString() })),
  };
}

/** `causeway autonomy report`: a table, one line per runbook, then the reasons and the pauses. */
export function autonomyReportLines(standings: readonly RunbookStanding[], pauses: readonly Pause[]): string[] {
  if (standings.length === 0) return ['No runbooks (set runbooks.dir).'];
  const w = Math.max(7, ...standings.map((s) => s.runbookId.length));
  const lines = [
    `${'RUNBOOK'.padEnd(w)}  LEVEL       INCIDENTS  SCORED  AGREEMENT  PRECISION  ELIGIBLE`,
    ...standings.map(
      (s) =>
        `${s.runbookId.padEnd(w)}  ${s.level.padEnd(10)}  ${String(s.track.recorded).padStart(9)}  ${String(s.track.scored).padStart(6)}  ${`${percent(s.track.agreement)}%`.padStart(9)}  ${`${percent(s.track.precision)}%`.padStart(9)}  ${s.eligible ? 'yes' : 'no'}`,
    ),
  ];
  const why = standings.filter((s) => !s.eligible);
  if (why.length > 0) lines.push('', 'Why not:', ...why.map((s) => `  ${s.runbookId}: ${s.whyNot.join('; ')}`));
  if (pauses.length > 0)
    lines.push(
      '',
      'Paused:',
      ...pauses.map((p) => `  ${p.scope} by ${p.by} since ${new Date(p.at).toISOString()}: ${p.reason}`),
    );
  return lines;
}
