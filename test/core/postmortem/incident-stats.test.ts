import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../../src/core/audit/audit-record.ts';
import type { IncidentFacts } from '../../../src/core/postmortem/incident-facts.ts';
import { incidentStats } from '../../../src/core/postmortem/incident-stats.ts';
import type { Run } from '../../../src/core/storage/run-store.ts';

const T0 = Date.parse('2026-12-01T10:00:00Z');
let seq = 0;
const record = (action: string, data: AuditRecord['data']): AuditRecord =>
  ({
    seq: ++seq,
    at: new Date(T0 + seq * 1000).toISOString(),
    actor: 'system',
    action,
    subject: 'incident:x',
    data,
    prevHash: '0'.repeat(64),
    hash: '0'.repeat(64),
  }) as AuditRecord;

/** One incident's facts: resolved or not, its runs by id and status, its audit records. */
function facts(
  id: string,
  status: 'open' | 'resolved',
  runs: { id: string; status: string }[],
  audit: AuditRecord[],
): IncidentFacts {
  return {
    incident: {
      id,
      title: id,
      service: 'checkout',
      status,
      openedAt: T0,
      asOf: T0,
      resolvedAt: status === 'resolved' ? T0 + 600_000 : undefined,
      fingerprints: [],
    },
    alerts: [],
    triage: undefined,
    runs: runs.map((r) => ({ ...r, runbook: 'restart-service', incidentId: id }) as unknown as Run),
    feedback: [],
    audit,
    chain: { intact: true, verifiedThrough: seq },
  };
}

describe('incident stats: pages avoided', () => {
  it('counts a resolved incident an allowed autonomous run fixed with no page, and nothing else', () => {
    const stats = incidentStats(
      [
        // Fixed by an autonomous run, never paged: a page avoided.
        facts(
          'a',
          'resolved',
          [{ id: 'run-a', status: 'succeeded' }],
          [record('autonomy.decided', { incidentId: 'a', runId: 'run-a', allowed: true })],
        ),
        // The autonomous run failed its verify and people were paged.
        facts(
          'b',
          'resolved',
          [{ id: 'run-b', status: 'failed' }],
          [
            record('autonomy.decided', { incidentId: 'b', runId: 'run-b', allowed: true }),
            record('page.sent', { incidentId: 'b', event: 'trigger', outcome: 'sent' }),
          ],
        ),
        // Not allowed (supervised): people fixed it; not the autonomy's doing.
        facts(
          'c',
          'resolved',
          [{ id: 'run-c', status: 'succeeded' }],
          [record('autonomy.decided', { incidentId: 'c', runId: 'run-c', allowed: false })],
        ),
        // Allowed and succeeded but still open: not yet avoided.
        facts(
          'd',
          'open',
          [{ id: 'run-d', status: 'succeeded' }],
          [record('autonomy.decided', { incidentId: 'd', runId: 'run-d', allowed: true })],
        ),
        // A page that PagerDuty refused is not a page.
        facts('e', 'open', [], [record('page.sent', { incidentId: 'e', event: 'trigger', outcome: 'failed' })]),
      ],
      T0,
    );
    expect(stats.pagesAvoided).toBe(1);
    expect(stats.paged).toBe(1);
  });
});
