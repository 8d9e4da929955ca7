import { describe, expect, it } from 'vitest';
import { runCauseway } from '../support/run-causeway.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

describe('npm run demo: the earned-autonomy path after the approval demo', () => {
  it('shadow → eligible → runs by itself after its stop window and verifies → a pause sends it back to supervised', async () => {
    const r = await runCauseway(['demo'], {}, ROOT);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const tail = r.stdout.slice(r.stdout.indexOf('Earned autonomy —'));
    expect(tail).toContain('Shadow: 10 incidents approved and run by people; agreement 100% → eligible');
    expect(tail).toContain('Incident 11: "Running Roll back quoterservice in 60 s — [Stop]" (nobody stops it)');
    expect(tail).toContain(
      '✓ ran by itself, verified: resolved without paging anyone (rollback succeeded, recovered succeeded)',
    );
    expect(tail).toMatch(/autonomy\.decided: Allowed to run by itself: runbook demo-auto-rollback/);
    expect(tail).toContain('/causeway pause all → incident 12 waits for approval (paused: paused (all)');
  });
});
