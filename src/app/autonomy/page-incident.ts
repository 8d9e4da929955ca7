import type { AutonomyDeps } from './autonomy-deps.ts';

/** The dedup key of an incident's page: repeats update one PagerDuty alert, and `resolve` closes it. */
export const pageKey = (incidentId: string) => `causeway/${incidentId}`;

/**
 * Pages people for an incident autonomy did not resolve (`trigger`, with a link to the thread),
 * or closes the page when the incident resolves (`resolve`). Audits `page.sent` with the outcome
 * (never the routing key). Without a pager configured, audits `not-configured`. Returns whether
 * PagerDuty took it.
 */
export async function pageIncident(
  deps: Pick<AutonomyDeps, 'pager' | 'audit'>,
  input:
    | {
        readonly action: 'trigger';
        readonly incidentId: string;
        readonly summary: string;
        readonly service: string;
        readonly threadUrl?: string;
      }
    | { readonly action: 'resolve'; readonly incidentId: string },
): Promise<boolean> {
  const dedupKey = pageKey(input.incidentId);
  const audit = (outcome: string, extra: Record<string, string | number> = {}) =>
    deps.audit.append({
      actor: 'system',
      action: 'page.sent',
      subject: `incident:${input.incidentId}`,
      data: { incidentId: input.incidentId, event: input.action, dedupKey, outcome, ...extra },
    });
  if (!deps.pager) {
    await audit('not-configured');
    return false;
  }
  const r = await deps.pager.send(
    input.action === 'resolve'
      ? { action: 'resolve', dedupKey }
      : {
          action: 'trigger',
          dedupKey,
          summary: input.summary,
          source: input.service,
          severity: 'critical',
          ...(input.threadUrl
            ? { link: { href: input.threadUrl, text: `Causeway thread of ${input.incidentId}` } }
            : {}),
        },
  );
  if (r.ok) await audit('sent', { attempts: r.value.attempts });
  else await audit(r.error.code, { attempts: r.error.attempts, message: r.error.message });
  return r.ok;
}
