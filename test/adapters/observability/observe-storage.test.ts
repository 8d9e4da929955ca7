import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../../src/adapters/observability/create-metrics.ts';
import { observeStorage } from '../../../src/adapters/observability/observe-storage.ts';
import { openStorage } from '../../../src/adapters/storage/open-storage.ts';

const counter = (text: string, name: string, label: string) =>
  Number(new RegExp(`^${name}\\{${label}\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);

describe('observeStorage: /metrics counts what the store records', () => {
  it('counts approval decisions and runbook step outcomes (failed, outcome-unknown), not investigations', async () => {
    const opened = await openStorage('sqlite::memory:', { clock: Date.now });
    if (!opened.ok) throw new Error(opened.error.message);
    const metrics = createMetrics();
    const s = observeStorage(opened.value, metrics);
    const begin = (id: string, kind: string) =>
      s.effects.begin({ id, kind, subject: id, actor: 'slack:U1', incidentId: 'INC-1' });

    await begin('run:r1/step:1', 'runbook.http');
    await s.effects.finish('run:r1/step:1', { status: 'failed', detail: { status: 503 } });
    await begin('run:r1/step:2', 'runbook.command');
    await s.effects.markOutcomeUnknown('run:r1/step:2', 'the process stopped while it ran');
    await begin('investigate:INC-1#1', 'investigation');
    await s.effects.finish('investigate:INC-1#1', { status: 'succeeded' });
    await s.audit.append({
      actor: 'slack:U2',
      action: 'approval.granted',
      subject: 'run:r1/step:1',
      data: { incidentId: 'INC-1', runId: 'r1', step: 1 },
    });
    await s.audit.append({
      actor: 'system',
      action: 'approval.expired',
      subject: 'run:r1/step:3',
      data: { incidentId: 'INC-1', runId: 'r1', step: 3 },
    });

    const text = await metrics.text();
    expect(counter(text, 'causeway_executions_total', 'status="failed"')).toBe(1);
    expect(counter(text, 'causeway_executions_total', 'status="outcome-unknown"')).toBe(1);
    // The investigation's effect is not a runbook step.
    expect(counter(text, 'causeway_executions_total', 'status="succeeded"')).toBe(0);
    expect(counter(text, 'causeway_approvals_total', 'decision="granted"')).toBe(1);
    expect(counter(text, 'causeway_approvals_total', 'decision="expired"')).toBe(1);
    expect(counter(text, 'causeway_approvals_total', 'decision="denied"')).toBe(0);
    // The observed store is the store: what was counted is there.
    expect((await s.audit.query({ incidentId: 'INC-1' })).map((r) => r.action)).toContain('approval.granted');
    await s.close();
  });
});
