import type { AuditEntry } from '../../../src/core/audit/audit-entry.ts';
import type { Storage } from '../../../src/core/storage/storage.ts';

/** A realistic incident's audit trail: every kind of actor, a large payload, two incidents. */
export const SAMPLE_ENTRIES: readonly AuditEntry[] = [
  { actor: 'system', action: 'config.loaded', subject: 'config', data: { hash: 'sha256:9f2c' } },
  {
    actor: 'webhook:alertmanager',
    action: 'alert.received',
    subject: 'alert:fp-a',
    data: { name: 'HighErrorRate', status: 'firing', labels: { service: 'checkout' } },
  },
  {
    actor: 'system',
    action: 'incident.opened',
    subject: 'incident:INC-1',
    data: { title: 'HighErrorRate', service: 'checkout', fingerprint: 'fp-a' },
  },
  {
    actor: 'system',
    action: 'evidence.queried',
    subject: 'source:logs',
    data: {
      incidentId: 'INC-1',
      source: 'logs',
      query: 'service:checkout AND level:error',
      status: 'ok',
      summary: '412 errors',
      resultHash: 'sha256:01',
    },
  },
  {
    actor: 'system',
    action: 'evidence.queried',
    subject: 'source:traces',
    data: { incidentId: 'INC-1', source: 'traces', status: 'ok', summary: 'origin payments' },
  },
  {
    actor: 'system',
    action: 'hypotheses.produced',
    subject: 'incident:INC-1',
    data: {
      ranked: [
        { id: 'h1', service: 'payments', score: 7.5 },
        { id: 'h2', service: 'checkout', score: 2 },
      ],
    },
  },
  {
    actor: 'llm',
    action: 'llm.called',
    subject: 'incident:INC-1',
    data: { model: 'gpt-x', prompt: `Explain the incident.\n${'evidence line\n'.repeat(600)}`, promptTokens: 1234 },
  },
  {
    actor: 'system',
    action: 'message.posted',
    subject: 'incident:INC-1',
    data: { channel: 'C1', ts: '1700000000.0001' },
  },
  {
    actor: 'slack:U123ABC',
    action: 'feedback.recorded',
    subject: 'incident:INC-1',
    data: { hypothesisId: 'h1', verdict: 'confirmed' },
  },
  {
    actor: 'system',
    action: 'runbook.proposed',
    subject: 'run:r1',
    data: { incidentId: 'INC-1', runbook: 'restart', steps: ['sha256:aa', 'sha256:bb'] },
  },
  {
    actor: 'slack:U123ABC',
    action: 'approval.requested',
    subject: 'run:r1/step:1',
    data: { incidentId: 'INC-1', stepHash: 'sha256:bb', required: 1 },
  },
  {
    actor: 'slack:U999XYZ',
    action: 'approval.granted',
    subject: 'run:r1/step:1',
    data: { incidentId: 'INC-1', stepHash: 'sha256:bb' },
  },
  {
    actor: 'system',
    action: 'step.started',
    subject: 'run:r1/step:1',
    data: { incidentId: 'INC-1', command: 'kubectl rollout restart deploy/checkout' },
  },
  {
    actor: 'system',
    action: 'step.finished',
    subject: 'run:r1/step:1',
    data: { incidentId: 'INC-1', status: 'succeeded', exitCode: 0 },
  },
  {
    actor: 'webhook:alertmanager',
    action: 'alert.received',
    subject: 'alert:fp-z',
    data: { name: 'DiskFull', status: 'firing' },
  },
  { actor: 'system', action: 'incident.opened', subject: 'incident:INC-2', data: { title: 'DiskFull' } },
  { actor: 'slack:U123ABC', action: 'approval.denied', subject: 'run:r2/step:0', data: { incidentId: 'INC-2' } },
  { actor: 'system', action: 'approval.expired', subject: 'run:r2/step:1', data: { incidentId: 'INC-2' } },
  {
    actor: 'webhook:alertmanager',
    action: 'incident.joined',
    subject: 'incident:INC-1',
    data: { fingerprint: 'fp-b' },
  },
  { actor: 'slack:U123ABC', action: 'incident.resolved', subject: 'incident:INC-1', data: {} },
];

/** Appends the sample trail; returns how many records it wrote. */
export async function writeSampleChain(storage: Storage): Promise<number> {
  for (const e of SAMPLE_ENTRIES) await storage.audit.append(e);
  return SAMPLE_ENTRIES.length;
}
