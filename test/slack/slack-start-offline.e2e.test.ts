import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeSlack } from '../support/fake-slack.ts';
import { runCauseway } from '../support/run-causeway.ts';

const TOKEN = 'xoxb-1111-2222-offlinetesttoken';
const home = mkdtempSync(join(tmpdir(), 'causeway-slack-offline-'));

/** A port on 127.0.0.1 that nothing listens on (bound, then closed): connecting is refused. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const env = (mode: 'socket' | 'http', apiUrl: string, token = TOKEN) => ({
  XDG_DATA_HOME: home,
  CAUSEWAY_SLACK_MODE: mode,
  CAUSEWAY_SLACK_BOT_TOKEN: token,
  CAUSEWAY_SLACK_APP_TOKEN: 'xapp-1-A0-offlineapptoken',
  CAUSEWAY_SLACK_SIGNING_SECRET: 'offline-signing-secret-0123456789',
  CAUSEWAY_SLACK_PORT: '0',
  CAUSEWAY_SLACK_HOST: '127.0.0.1',
  CAUSEWAY_SLACK_API_URL: apiUrl,
});

describe('causeway slack without a reachable Slack', () => {
  const fake = startFakeSlack({ botToken: TOKEN });
  afterAll(async () => (await fake).close());

  for (const mode of ['socket', 'http'] as const) {
    it(`${mode} mode: one clear line naming the URL, exit code 3, no stack trace`, async () => {
      const apiUrl = `http://127.0.0.1:${await closedPort()}/api/`;
      const r = await runCauseway(['slack'], env(mode, apiUrl));
      expect(r.code).toBe(3);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^causeway slack: SLACK_UNAVAILABLE: cannot reach Slack's Web API at /);
      expect(lines[0]).toContain(apiUrl);
      expect(lines[0]).toContain('ECONNREFUSED');
      expect(r.stderr).not.toMatch(/UnhandledPromiseRejection|unhandled rejection|\n\s+at /i);
      expect(r.stderr + r.stdout).not.toContain(TOKEN);
      expect(r.stdout).not.toContain('listening');
    });
  }

  it('a token Slack refuses: SLACK_NOT_CONFIGURED in one line, exit code 2', async () => {
    const { apiUrl, callsOf } = await fake;
    const wrong = 'xoxb-9999-8888-notthetoken';
    const r = await runCauseway(['slack'], env('http', apiUrl, wrong));
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'causeway slack: SLACK_NOT_CONFIGURED: Slack refused the bot token (invalid_auth): check slack.botToken is the Bot User OAuth Token of an installed app',
    ]);
    expect(callsOf('auth.test').length).toBeGreaterThan(0);
  });

  it('with a reachable Slack and no bot ids, the token is checked once (auth.test) and the app starts', async () => {
    const { apiUrl, callsOf } = await fake;
    const before = callsOf('auth.test').length;
    const child = spawn(process.execPath, [new URL('../../src/main.ts', import.meta.url).pathname, 'slack'], {
      env: { ...process.env, ...env('http', apiUrl) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    const deadline = Date.now() + 30_000;
    while (!out.includes('listening') && child.exitCode === null && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(out).toContain('causeway slack: listening in HTTP on 127.0.0.1:');
    expect(callsOf('auth.test').length).toBe(before + 1);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
