import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCauseway } from '../support/run-causeway.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const CONFIG = ['--config', 'runbooks/config/example.yaml'];

describe('causeway runbooks (the real entry point)', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'causeway-runbooks-cli-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('validate: ok with the example configuration; every problem as file:line: field: message otherwise', async () => {
    const ok = await runCauseway([...CONFIG, 'runbooks', 'validate'], {}, ROOT);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(
      /^ok: 5 runbooks valid in .*runbooks \(clear-stuck-queue, diagnostics, restart-service, rollback-last-deploy, scale-out\)\n$/,
    );
    writeFileSync(join(tmp, 'bad.yaml'), 'id: bad\ntitle: Bad\nsteps:\n  - id: x\n    name: x\n    uses: ssh\n');
    const bad = await runCauseway(['runbooks', 'validate', tmp], {}, ROOT);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.yaml:6: steps\[0\]\.uses: unknown executor "ssh"/);
    expect(bad.stderr).toContain('causeway runbooks: RUNBOOK_INVALID: 1 problem');
  });

  it("plan --dry-run renders the plan for the bundle's incident and runs nothing", async () => {
    const r = await runCauseway(
      [...CONFIG, 'runbooks', 'plan', 'scale-out', 'replicas=8', '--bundle', 'examples/webshop-deploy', '--dry-run'],
      {},
      ROOT,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Plan: Scale out a service (scale-out) — dry run: nothing ran');
    expect(r.stdout).toContain('$ kubectl scale deployment/quoterservice --namespace=default --replicas=8');
    expect(r.stdout).toContain('needs 1 approval from oncall (U0ONCALL1, S0ONCALL1)');
    const bad = await runCauseway([...CONFIG, 'runbooks', 'plan', 'scale-out', 'service=a;b', '--dry-run'], {}, ROOT);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('RUNBOOK_PARAMS_INVALID: scale-out: service "a;b" does not match a plain word');
  });

  it('plan (without --dry-run) proposes the run: stored and audited, nothing ran', async () => {
    const db = `sqlite:${join(tmp, 'c.db')}`;
    const r = await runCauseway(
      [...CONFIG, 'runbooks', 'plan', 'rollback-last-deploy', '--bundle', 'examples/webshop-deploy', '--db', db],
      {},
      ROOT,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Proposed as run run-[0-9a-f]+ for incident webshop-deploy \(audited as runbook.proposed\); nothing ran/,
    );
    const shown = await runCauseway(['audit', 'show', '--incident', 'webshop-deploy', '--db', db], {}, ROOT);
    expect(shown.stdout).toContain('runbook.proposed');
  });
});
