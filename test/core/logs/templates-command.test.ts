import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templatesCommand } from '../../../src/adapters/cli/commands/templates.ts';

const fixtures = resolve(import.meta.dirname, '../../fixtures/logs');

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await templatesCommand.run(argv, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    env: {},
    cwd: fixtures,
  });
  return { code, stdout, stderr };
}

describe('causeway templates', () => {
  it('prints the templates of an ECS NDJSON file (flat and nested message fields)', async () => {
    const { code, stdout, stderr } = await run('service.ndjson', '--format', 'ecs');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual([
      'id  count  template',
      ' 1      3  upstream payment returned <*> after <*>',
      ' 2      2  java.net.ConnectException: Connection refused (redis:<*>)',
      ' 3      2  user <*> logged in from <*>',
      '',
    ]);
  });

  it('prints the template id of every line with --json (blank lines skipped)', async () => {
    const { code, stdout } = await run('service.ndjson', '--format', 'ecs', '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { templates: unknown[]; lines: { line: number; id: number }[] };
    expect(out.templates).toHaveLength(3);
    expect(out.lines).toEqual([
      { line: 1, id: 1 },
      { line: 2, id: 1 },
      { line: 3, id: 2 },
      { line: 4, id: 2 },
      { line: 6, id: 3 },
      { line: 7, id: 3 },
      { line: 8, id: 1 },
    ]);
  });

  it('cuts Loghub headers with --format loghub --system', async () => {
    const { code, stdout } = await run('hdfs-sample.txt', '--format', 'loghub', '--system', 'HDFS');
    expect(code).toBe(0);
    expect(stdout).toContain(' 1      3  PacketResponder <*> for block <*> terminating');
    expect(stdout).toContain('BLOCK* NameSystem.addStoredBlock: blockMap updated: <*>:<*> is added to <*> size <*>');
  });

  it('reads plain lines by default', async () => {
    const { code, stdout } = await run('plain.txt');
    expect(code).toBe(0);
    expect(stdout).toContain('VM Started (Lifecycle Event)');
    expect(stdout).toContain('VM Stopped (Lifecycle Event)');
    expect(stdout).toContain('Took <*> seconds to build instance.');
  });

  it.each([
    [['service-malformed.ndjson', '--format', 'ecs'], 'service-malformed.ndjson:3: not a JSON record'],
    [
      ['service-no-message.ndjson', '--format', 'ecs'],
      'service-no-message.ndjson:2: the record has no "message" string',
    ],
    [
      ['hdfs-malformed.txt', '--format', 'loghub', '--system', 'HDFS'],
      'hdfs-malformed.txt:2: the line does not match the HDFS log format',
    ],
  ])('rejects bad input %j with one line naming the file and line', async (argv, message) => {
    const { code, stdout, stderr } = await run(...argv);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`causeway templates: INPUT_INVALID: ${message}\n`);
  });

  it('reports a missing file', async () => {
    const { code, stderr } = await run('missing.txt');
    expect(code).toBe(1);
    expect(stderr).toBe('causeway templates: INPUT_MISSING: cannot read missing.txt: ENOENT\n');
  });

  it('reports a file it cannot read as a file', async () => {
    const { code, stderr } = await run('.');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^causeway templates: INPUT_INVALID: cannot read \.: E[A-Z]+\n$/);
  });

  it.each([
    [[]],
    [['a.txt', 'b.txt']],
    [['a.txt', '--format', 'xml']],
    [['a.txt', '--format', 'loghub']],
    [['a.txt', '--format', 'loghub', '--system', 'Nope']],
    [['a.txt', '--bogus']],
  ])('rejects the usage %j', async (argv) => {
    const { code, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^causeway templates: USAGE: .*\n$/);
    expect(stderr.split('\n')).toHaveLength(2);
  });

  it('prints usage with --help', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('usage: causeway templates FILE');
    expect(stdout).toBe(templatesCommand.usage);
  });
});
