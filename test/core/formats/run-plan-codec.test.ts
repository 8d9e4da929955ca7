import { describe, expect, it } from 'vitest';
import { runPlanCodec } from '../../../src/core/formats/run-plan-codec.ts';
import type { RunPlan } from '../../../src/core/runbooks/run-plan.ts';

const PLAN: RunPlan = {
  runbookId: 'rollback',
  title: 'Roll back',
  params: { service: 'checkout', replicas: 3 },
  paramSources: { service: 'hypothesis.service', replicas: 'default' },
  steps: [
    {
      index: 0,
      id: 'inspect',
      role: 'main',
      parent: undefined,
      name: 'Inspect checkout',
      uses: 'http',
      risk: 'read',
      approval: undefined,
      timeoutMs: 10_000,
      onFailure: 'stop',
      action: { method: 'GET', url: 'http://deploy/checkout', headers: [] },
      display: ['GET http://deploy/checkout'],
      hash: `sha256:${'a'.repeat(64)}`,
    },
    {
      index: 1,
      id: 'rollback',
      role: 'main',
      parent: undefined,
      name: 'Roll back checkout',
      uses: 'http',
      risk: 'high',
      approval: { min: 2, from: ['sre'] },
      timeoutMs: 10_000,
      onFailure: 'rollback',
      action: { method: 'POST', url: 'http://deploy/checkout/rollback', body: { change: null } },
      display: ['POST http://deploy/checkout/rollback'],
      hash: `sha256:${'b'.repeat(64)}`,
    },
  ],
};

describe('the stored run plan', () => {
  it('decodes what it encodes, through JSON text, with the hypothesis it was proposed for', () => {
    const text = JSON.stringify(runPlanCodec.encode({ plan: PLAN, hypothesisId: 'h2' }));
    expect(runPlanCodec.decode(JSON.parse(text))).toEqual({ ok: true, value: { plan: PLAN, hypothesisId: 'h2' } });
    const none = runPlanCodec.decode(runPlanCodec.encode({ plan: PLAN, hypothesisId: undefined }));
    expect(none).toEqual({ ok: true, value: { plan: PLAN, hypothesisId: undefined } });
  });

  it('a damaged or missing plan is a field error naming the path', () => {
    const doc = JSON.parse(JSON.stringify(runPlanCodec.encode({ plan: PLAN, hypothesisId: undefined })));
    doc.steps[1].risk = 'extreme';
    const r = runPlanCodec.decode(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.field).toBe('steps.1.risk');
    expect(runPlanCodec.decode(undefined).ok).toBe(false);
  });
});
