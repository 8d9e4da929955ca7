import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCauseway } from '../support/run-causeway.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'causeway-canary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a degraded canary among concurrent rollouts', () => {
  it('offers the rollback for the release whose new pods are worse, not for the healthy ones released with it', async () => {
    const sim = await runCauseway(
      ['simulate', '--out', dir, '--count', '1', '--seed', '4', '--kind', 'deploy', '--concurrent-rollouts'],
      {},
      dir,
    );
    expect(sim.code, sim.stderr).toBe(0);
    const bundle = join(dir, 'sim-4-000');
    const truth = JSON.parse(readFileSync(join(bundle, 'truth.json'), 'utf8')) as { service: string; changeId: string };
    const changes = JSON.parse(readFileSync(join(bundle, 'changes.json'), 'utf8')) as { service: string }[];
    // Other services were released within the same minute: the change alone cannot tell them apart.
    expect(new Set(changes.map((c) => c.service)).size).toBeGreaterThan(1);

    const triage = await runCauseway(['triage', '--bundle', bundle, '--json'], {}, dir);
    expect(triage.code, triage.stderr).toBe(0);
    const top = (
      JSON.parse(triage.stdout) as {
        hypotheses: { service: string; changeId?: string; evidence: { kind: string }[] }[];
      }
    ).hypotheses[0];
    expect(top?.service).toBe(truth.service);
    expect(top?.changeId).toBe(truth.changeId);
    // The canary comparison is part of the evidence shown for it.
    expect(top?.evidence.some((e) => e.kind === 'rollout-canary')).toBe(true);

    const list = await runCauseway(['runbooks', 'list', '--dir', join(ROOT, 'runbooks'), '--bundle', bundle], {}, dir);
    expect(list.code, list.stderr).toBe(0);
    const first = list.stdout.split('\n').find((l) => l.startsWith('rollback-last-deploy'));
    expect(first).toContain(`fits ${truth.service} — deploy`);
  });
});
