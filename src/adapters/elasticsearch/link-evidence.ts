import type { Evidence } from '../../core/model/evidence.ts';
import type { TriageReport } from '../../core/model/triage-report.ts';
import { discoverUrl } from './discover-url.ts';
import type { EsSettings } from './es-settings.ts';

/**
 * Gives each log and trace finding a link a person can open: Kibana's APM trace view (Elastic
 * APM) or Discover (OTel) for its first trace id, else a Discover query for the service's
 * documents (error lines for error findings) over the baseline and incident windows.
 */
export function linkEvidence(report: TriageReport, s: EsSettings): TriageReport {
  const from = report.windows.baseline.from;
  const to = report.windows.incident.to;
  const link = (e: Evidence): string | undefined => {
    if (e.link) return e.link;
    if (e.source === 'traces') {
      const f = s.traceFields;
      const id = e.traceIds?.[0];
      if (id && f.schema === 'elastic-apm') return `${s.kibanaUrl}/app/apm/link-to/trace/${encodeURIComponent(id)}`;
      const where = id ? `${f.traceId[0]} == ${str(id)}` : serviceIs(f.service[0] as string, e.service);
      return discoverUrl(
        s.kibanaUrl,
        `FROM ${s.indices.traces} | WHERE ${where} | SORT ${f.start} | LIMIT 1000`,
        from,
        to,
      );
    }
    if (e.source === 'logs') {
      const f = s.logFields;
      const level = typeof e.data.level === 'string' ? e.data.level : undefined;
      const errorish = e.kind === 'error-rate' || level === 'error' || level === 'fatal';
      const errors = errorish ? ` AND TO_LOWER(${f.level}) IN ("error", "err", "fatal", "critical", "severe")` : '';
      const where =
        e.traceIds?.[0] && e.kind !== 'error-rate'
          ? `${f.traceId} == ${str(e.traceIds[0])}`
          : `${serviceIs(f.service, e.service)}${errors}`;
      return discoverUrl(
        s.kibanaUrl,
        `FROM ${s.indices.logs} | WHERE ${where} | SORT ${f.timestamp} DESC | LIMIT 1000`,
        from,
        to,
      );
    }
    return undefined;
  };
  return {
    ...report,
    hypotheses: report.hypotheses.map((h) => ({
      ...h,
      evidence: h.evidence.map((e) => {
        const url = link(e);
        return url ? { ...e, link: url } : e;
      }),
    })),
  };
}

/** The service's documents, also under pod names (`checkout-7d9f8c6b5-x2k4q`). */
function serviceIs(field: string, service: string): string {
  const re = `${service.replace(/[.?+*|{}[\]()"\\#@&<>~]/g, '\\\\$&')}-[a-z0-9]{5,10}-[a-z0-9]{5}`;
  return `(${field} == ${str(service)} OR ${field} RLIKE ${str(re)})`;
}

function str(s: string): string {
  return JSON.stringify(s);
}
