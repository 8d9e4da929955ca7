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

describe('causeway templates guesses the format', () => {
  const records = [
    '{"message":"user 1 logged in"}',
    '',
    '{"log":{"level":"info"},"message":"user 22 logged in"}',
    '',
  ].join('\n');
  const json = async (args: string[]) => {
    const r = await runCauseway(['templates', ...args, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return (JSON.parse(r.stdout) as { templates: { template: string; count: number }[] }).templates;
  };

  it('.ndjson and .jsonl files are read as ECS records (the "message" field), without --format', async () => {
    for (const name of ['app.ndjson', 'app.jsonl', 'APP.NDJSON']) {
      const t = await json([file(name, records)]);
      expect({ name, t }).toEqual({ name, t: [{ id: 1, template: 'user <*> logged in', count: 2 }] });
    }
  });

  it('a file of any other name whose first line is a JSON object is read as ECS records', async () => {
    const t = await json([file('app.log', `\n${records}`)]);
    expect(t).toEqual([{ id: 1, template: 'user <*> logged in', count: 2 }]);
  });

  it('plain lines stay plain lines; --format overrides the guess', async () => {
    expect(await json([file('plain.log', 'user 1 logged in\nuser 2 logged in\n')])).toEqual([
      { id: 1, template: 'user <*> logged in', count: 2 },
    ]);
    const raw = await json([file('raw.ndjson', records), '--format', 'lines']);
    expect(raw.map((t) => t.template)).toEqual(['{"<*>":"user <*> logged in"}']);
  });

  it('a guessed-ECS file with a line that is not JSON fails naming the file and line', async () => {
    const bad = file('bad.ndjson', '{"message":"a"}\nnot json\n');
    const r = await runCauseway(['templates', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`causeway templates: INPUT_INVALID: ${bad}:2: not a JSON record\n`);
  });
});
