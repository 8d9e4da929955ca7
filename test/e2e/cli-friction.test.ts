import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCauseway } from '../support/run-causeway.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'causeway-cli-friction-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('causeway --version', () => {
  it('--version and -v print "causeway <package.json version>" and exit 0', async () => {
    for (const flag of ['--version', '-v']) {
      const r = await runCauseway([flag]);
      expect({ flag, code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({
        flag,
        code: 0,
        stdout: `causeway ${pkg.version}\n`,
        stderr: '',
      });
    }
  });

  it('the top-level help mentions --version', async () => {
    const r = await runCauseway(['--help']);
    expect(r.stdout).toMatch(/^ {2}-v, --version +print the version$/m);
  });
});
