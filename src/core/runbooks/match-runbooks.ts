import type { Alert } from '../model/alert.ts';
import type { Hypothesis } from '../model/hypothesis.ts';
import type { TriageReport } from '../model/triage-report.ts';
import type { Runbook, RunbookMatch } from './runbook.ts';
import type { RunbookCatalog } from './runbook-catalog.ts';
import type { RunbookOffer } from './runbook-offer.ts';

function alertFits(m: RunbookMatch, alert: Alert | undefined): boolean {
  if (m.alerts.length > 0 && (!alert || !m.alerts.includes(alert.name))) return false;
  for (const [k, values] of Object.entries(m.labels)) {
    const v = alert?.labels[k];
    if (v === undefined || !values.includes(v)) return false;
  }
  return true;
}

function hypothesisFits(m: RunbookMatch, h: Pick<Hypothesis, 'service' | 'kind'>): boolean {
  return (
    (m.services.length === 0 || m.services.includes(h.service)) && (m.kinds.length === 0 || m.kinds.includes(h.kind))
  );
}

/**
 * The runbooks that fit an incident, best first. A runbook with `match` fits when the alert
 * satisfies its alert names and labels and one of the top `match.top` hypotheses has one of its
 * services and kinds (a runbook without service or kind conditions fits on the alert alone, for
 * the leading hypothesis). Runbooks without `match` are never offered (they can still be run by
 * name). Ordered by the rank of the hypothesis they fit, then the more specific match, then id.
 */
export function matchRunbooks(catalog: RunbookCatalog, report: TriageReport, alert?: Alert): RunbookOffer[] {
  const a = alert ?? report.alerts[0];
  const offers: RunbookOffer[] = [];
  for (const runbook of catalog.values()) {
    const m = runbook.match;
    if (!m || !alertFits(m, a)) continue;
    const top = report.hypotheses.slice(0, m.top);
    const i = top.findIndex((h) => hypothesisFits(m, h));
    if (i >= 0) {
      const h = top[i] as Hypothesis;
      offers.push({ runbook, hypothesis: h, rank: i + 1, why: why(runbook, h, a) });
    } else if (
      top.length === 0 &&
      a?.service &&
      m.kinds.length === 0 &&
      (m.services.length === 0 || m.services.includes(a.service))
    ) {
      offers.push({ runbook, hypothesis: undefined, rank: undefined, why: `alert ${a.name} on ${a.service}` });
    }
  }
  return offers.sort(
    (x, y) =>
      (x.rank ?? 99) - (y.rank ?? 99) ||
      specificity(y.runbook) - specificity(x.runbook) ||
      x.runbook.id.localeCompare(y.runbook.id),
  );
}

/** How many kinds of condition a runbook's match sets: at one rank, the more specific runbook comes first. */
function specificity(r: Runbook): number {
  const m = r.match;
  if (!m) return 0;
  return [m.alerts.length, Object.keys(m.labels).length, m.services.length, m.kinds.length].filter((n) => n > 0).length;
}

function why(runbook: Runbook, h: Hypothesis, alert: Alert | undefined): string {
  const m = runbook.match as RunbookMatch;
  const parts: string[] = [];
  if (m.services.length > 0 || m.kinds.length > 0) parts.push(`${h.service} — ${h.kind}`);
  else parts.push(`leading hypothesis ${h.service}`);
  if (alert && (m.alerts.length > 0 || Object.keys(m.labels).length > 0)) parts.push(`alert ${alert.name}`);
  return parts.join(', ');
}
