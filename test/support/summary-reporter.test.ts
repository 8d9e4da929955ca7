import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

describe('the closing line', () => {
  it('counts a suite whose setup failed as a failure, not as skipped tests only', () => {
    const r = spawnSync(
      process.execPath,
      [
        'node_modules/vitest/vitest.mjs',
        'run',
        '--config',
        'test/fixtures/reporter/vitest.config.ts',
        '--reporter=./test/support/summary-reporter.ts',
      ],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.status).not.toBe(0);
    const line = r.stdout.split('\n').find((l) => /^\d+ passed, \d+ failed/.test(l));
    expect(line).toBe('1 passed, 1 failed, 1 skipped');
  });
});
