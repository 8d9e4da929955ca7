import { describe, expect, it } from 'vitest';
import { formatRunbookProblem } from '../../src/adapters/runbooks/format-runbook-problem.ts';
import { parseRunbookFile } from '../../src/adapters/runbooks/parse-runbook-file.ts';
import { proposeRun } from '../../src/app/runbooks/propose-run.ts';
import { buildRunbookPlanBlocks } from '../../src/core/chat/runbook-plan-blocks.ts';
import { catalogOf, runbookDeps, testValidationContext } from '../runbooks/support/runbook-harness.ts';
import { BACKENDS } from '../storage/support/backends.ts';

const runbook = (autonomy: string, step = '', verify = true, rollback = true) => `id: restart
title: Restart
autonomy: ${autonomy}
params:
  service:
    type: string
    default: checkout
steps:
  - id: restart
    name: Restart {{ params.service }}
    uses: kubectl
    with:
      verb: rollout restart
      resource: deployment/{{ params.service }}
    approval:
      from: [oncall]
    onFailure: ${rollback ? 'rollback' : 'stop'}
${step}${
  verify
    ? `    verify:
      id: rolled
      name: Rolled out
      uses: kubectl
      with:
        verb: rollout status
        resource: deployment/{{ params.service }}
`
    : ''
}${
  rollback
    ? `    rollback:
      - id: undo
        name: Undo
        uses: kubectl
        with:
          verb: rollout undo
          resource: deployment/{{ params.service }}
        approval:
          from: [oncall]
`
    : ''
}`;

const problems = (text: string) => {
  const r = parseRunbookFile('rb.yaml', text, testValidationContext());
  return r.ok ? [] : r.error.map(formatRunbookProblem);
};

describe('autonomy levels in the runbook file', () => {
  it('defaults to supervised; a runbook and its steps carry their level (verify and rollback go with their step)', () => {
    const plain = parseRunbookFile('rb.yaml', runbook('supervised'), testValidationContext());
    expect(plain.ok && plain.value.runbook.autonomy).toBe('supervised');
    const auto = parseRunbookFile('rb.yaml', runbook('autonomous'), testValidationContext());
    expect(auto.ok && auto.value.runbook.steps[0]).toMatchObject({
      autonomy: 'autonomous',
      verify: { autonomy: 'autonomous' },
      rollback: [{ autonomy: 'autonomous' }],
    });
    const lowered = parseRunbookFile(
      'rb.yaml',
      runbook('autonomous', '    autonomy: supervised\n'),
      testValidationContext(),
    );
    expect(lowered.ok && lowered.value.runbook.steps[0]?.autonomy).toBe('supervised');
  });

  it('takes a runbook’s own probability threshold for autonomy from match.minProbability', () => {
    const text = runbook('autonomous').replace(
      'params:',
      'match:\n  kinds: [latency]\n  minProbability: 0.95\nparams:',
    );
    const r = parseRunbookFile('rb.yaml', text, testValidationContext());
    expect(r.ok && r.value.runbook.match?.minProbability).toBe(0.95);
    expect(problems(text.replace('0.95', '1.5'))).toEqual([expect.stringMatching(/minProbability.*between 0 and 1/)]);
  });

  it('refuses an unknown level, a step above its runbook, a high-risk autonomous step, and one without verify or rollback', () => {
    expect(problems(runbook('sometimes'))).toEqual([
      expect.stringMatching(/autonomy.*expected advisory, supervised or autonomous/),
    ]);
    expect(problems(runbook('supervised', '    autonomy: autonomous\n'))).toEqual([
      expect.stringMatching(/steps\[0\]\.autonomy.*autonomous is more than the runbook's autonomy \(supervised\)/),
    ]);
    expect(problems(runbook('autonomous', '    risk: high\n'))).toEqual([
      expect.stringMatching(/a high-risk step is never autonomous/),
    ]);
    expect(problems(runbook('autonomous', '', false, false))).toEqual([
      expect.stringMatching(/needs a verify step/),
      expect.stringMatching(/needs rollback steps/),
    ]);
  });

  it.each(BACKENDS)(
    'an advisory runbook is never stored as a run, and its plan card offers no button ($name)',
    async (backend) => {
      const db = await backend.fresh();
      try {
        const storage = await db.open();
        const catalog = catalogOf([runbook('advisory')]);
        const deps = runbookDeps(storage, { catalog, path: '/nonexistent' });
        const r = await proposeRun(deps, { runbookId: 'restart', incidentId: 'INC-1', proposedBy: 'slack:U0OPS1' });
        expect(r.ok ? 'proposed' : r.error.code).toBe('RUNBOOK_ADVISORY');
        expect(await storage.runs.list('INC-1')).toEqual([]);
        // The advisory outcome carries the plan as it would run, to be shown.
        if (r.ok || !('advisory' in r)) throw new Error('expected the advisory outcome with its plan');
        expect(r.advisory.plan.runbookId).toBe('restart');
        const card = buildRunbookPlanBlocks(r.advisory.plan, undefined, 'INC-1', true);
        expect(card.blocks?.some((b) => b.type === 'actions')).toBe(false);
        expect(JSON.stringify(card.blocks)).toContain('nothing can be run from here');
      } finally {
        await db.cleanup();
      }
    },
  );
});
