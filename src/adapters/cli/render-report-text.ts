import type { TriageReport } from '../../core/model/triage-report.ts';

const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 19);

/** The human report of `causeway triage`: summary, windows, sources, then each hypothesis with its reasons and evidence. */
export function renderReportText(r: TriageReport, maxHypotheses = 5): string {
  const out: string[] = [];
  const alert = r.alerts.find((a) => a.status === 'firing');
  out.push(`Alert: ${alert?.name ?? '?'} on ${alert?.service ?? '?'} at ${new Date(r.asOf).toISOString()}`);
  out.push(r.summary);
  out.push('');
  out.push(
    `Windows: baseline ${hhmm(r.windows.baseline.from)}–${hhmm(r.windows.baseline.to)}, incident ${hhmm(r.windows.incident.from)}–${hhmm(r.windows.incident.to)} UTC (onset: ${r.windows.onsetReason})`,
  );
  out.push(
    `Sources: ${(['logs', 'traces', 'metrics', 'changes'] as const)
      .flatMap((k) => {
        const s = r.sources[k];
        if (!s) return [];
        return s.state === 'ok' ? `${k} ok` : s.state === 'no-data' ? `${k} none` : `${k} FAILED (${s.detail})`;
      })
      .join(', ')}`,
  );
  const max = Math.max(1, r.hypotheses[0]?.score ?? 1);
  for (const h of r.hypotheses.slice(0, maxHypotheses)) {
    const bar = '█'.repeat(Math.max(1, Math.round((h.score / max) * 10))).padEnd(10, '░');
    out.push('');
    out.push(
      `${h.id}. ${bar} ${h.score.toFixed(1).padStart(5)}${percent(h.probability)}  ${h.service} — ${h.kind}${h.changeId ? ` (${h.changeId})` : ''}`,
    );
    for (const reason of h.reasons) {
      if (reason.rule === 'kind') out.push(`      · ${reason.text}`);
      else
        out.push(`      ${reason.points > 0 ? `+${reason.points.toFixed(1)}` : '  ─ '} ${reason.rule}: ${reason.text}`);
    }
    for (const e of h.evidence.slice(0, 4)) {
      const where = e.link ? ` <${e.link}>` : e.traceIds?.length ? ` [trace ${e.traceIds[0]}]` : '';
      out.push(`      ${e.stance === 'refutes' ? '✗' : '✓'} [${e.id}] ${e.summary}${where}`);
    }
  }
  if (r.hypotheses.length > maxHypotheses)
    out.push('', `(${r.hypotheses.length - maxHypotheses} more with lower scores; --json shows all)`);
  return `${out.join('\n')}\n`;
}

/** A calibrated probability as " 87%", kept between 1% and 99% (it is an estimate). */
function percent(p: number | undefined): string {
  if (p === undefined) return '';
  return ` ${String(Math.min(99, Math.max(1, Math.round(p * 100)))).padStart(3)}%`;
}
