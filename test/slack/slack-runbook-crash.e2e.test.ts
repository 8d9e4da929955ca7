import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/adapters/config/load-config.ts';
import { openStorage } from '../../src/adapters/storage/open-storage.ts';
import { CHAT_IDS } from '../../src/core/chat/chat-ids.ts';
import { RUNBOOK_ACTION_IDS } from '../../src/core/chat/runbook-action-ids.ts';
import type { Runtime } from '../../src/runtime/runtime.ts';
import { type SlackStack, startSlackStack } from '../../src/runtime/start-slack-stack.ts';
import { type FakeMessage, type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';
import { blockActionsBody, eventCallbackBody, sendSigned } from '../support/fake-slack-client.ts';
import { testRuntime } from '../support/test-runtime.ts';
import { waitUntil } from '../support/wait-until.ts';
import { alertmanagerDefaultMessage } from './alert-messages.ts';

const MAIN = new URL('../../src/main.ts', import.meta.url).pathname;
const SECRET = 'crash-signing-secret-0123456789abcdef';
const TOKEN = 'xoxb-5555-6666-crashtoken';
const ALERTS = 'C0ALERTS3';
const BUNDLE = new URL('../../examples/webshop-deploy', import.meta.url).pathname;
const payload = JSON.parse(readFileSync(`${BUNDLE}/alert.json`, 'utf8'));

const dir = mkdtempSync(join(tmpdir(), 'causeway-slack-crash-'));
const runbooksDir = join(dir, 'runbooks');
mkdirSync(runbooksDir);
const marker = join(dir, 'started.txt');
const RUNBOOK = `id: hold-and-mark
title: Hold the deploy
match:
  kinds: [deploy]
steps:
  - id: hold
    name: Hold the deploy pipeline
    uses: command
    with:
      executable: ${process.execPath}
      args: ['-e', 'require("node:fs").writeFileSync(process.argv[1], "started " + process.pid); setTimeout(() => {}, 60000)', '${marker}']
    risk: low
    approval:
      from: [sre]
    timeout: 2m
`;
writeFileSync(join(runbooksDir, 'hold.yaml'), RUNBOOK);
const CONFIG = join(dir, 'causeway.yaml');
writeFileSync(
  CONFIG,
  `storage: {url: 'sqlite:${join(dir, 'causeway.db')}'}
runbooks:
  dir: ${runbooksDir}
  approval:
    groups:
      sre: [U0ALICE]
  command:
    # node runs the step's script: a program runner, allowed here on purpose (its arguments are literal).
    allowProgramRunners: true
    allow: [${process.execPath}]
`,
);
const ENV = {
  CAUSEWAY_SLACK_MODE: 'http',
  CAUSEWAY_SLACK_BOT_TOKEN: TOKEN,
  CAUSEWAY_SLACK_SIGNING_SECRET: SECRET,
  CAUSEWAY_SLACK_BOT_ID: 'B0BOT',
  CAUSEWAY_SLACK_BOT_USER_ID: 'U0BOT',
  CAUSEWAY_SLACK_HOST: '127.0.0.1',
  CAUSEWAY_SLACK_PORT: '0',
  CAUSEWAY_SLACK_ALERT_CHANNELS: ALERTS,
  CAUSEWAY_SOURCES_BUNDLE_DIR: BUNDLE,
  CAUSEWAY_INSTANCE_ID: 'crash-test',
};

let slack: FakeSlack | undefined;
let child: ChildProcess | undefined;
let stack: SlackStack | undefined;
let runtime: Runtime | undefined;
/** The step's process, left running by the killed parent (as after a real crash). */
let orphan: number | undefined;

const waitFor = <T>(what: string, f: () => T | undefined | Promise<T | undefined>) => waitUntil(what, f, 30_000);
type Button = { action_id: string; value: string };
const buttons = (m: FakeMessage) =>
  (m.blocks as { type: string; elements?: Button[] }[]).flatMap((b) =>
    b.type === 'actions' ? (b.elements ?? []) : [],
  );
const blockOf = (m: FakeMessage, actionId: string) =>
  (m.blocks as { block_id?: string; elements?: Button[] }[]).find((b) =>
    b.elements?.some((e) => e.action_id === actionId),
  )?.block_id;

afterAll(async () => {
  child?.kill('SIGKILL');
  try {
    if (orphan) process.kill(orphan, 'SIGKILL');
  } catch {
    // already gone
  }
  await stack?.stop();
  await runtime?.close();
  await slack?.close();
});

describe('a Slack process that dies while a runbook step runs', () => {
  it('leaves the step outcome-unknown: on restart it is announced in the thread and never re-run', async () => {
    slack = await startFakeSlack({ botToken: TOKEN });
    const fake = slack;
    // The real CLI process: `causeway slack --http` with the configuration file.
    child = spawn(process.execPath, [MAIN, '--config', CONFIG, 'slack', '--http'], {
      env: { ...process.env, ...ENV, CAUSEWAY_SLACK_API_URL: fake.apiUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const port = await waitFor('listening', () => /listening in HTTP on 127\.0\.0\.1:(\d+)/.exec(out)?.[1]).catch(
      (e) => {
        throw new Error(`${e.message}: ${out}`);
      },
    );
    const url = `http://127.0.0.1:${port}/slack/events`;
    const click = async (m: FakeMessage, actionId: string, user: string) => {
      const b = buttons(m).find((e) => e.action_id.startsWith(actionId)) as Button;
      const r = await sendSigned(
        url,
        blockActionsBody({
          actionId: b.action_id,
          blockId: blockOf(m, b.action_id) as string,
          value: b.value,
          user,
          channel: m.channel,
          message: { ts: m.ts, ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}), text: m.text, blocks: m.blocks },
          responseUrl: fake.responseUrl(`c-${user}`),
        }),
        'application/x-www-form-urlencoded',
        { secret: SECRET },
      );
      expect(r.status).toBe(200);
    };

    const alertTs = '1763899700.000100';
    await sendSigned(
      url,
      eventCallbackBody(alertmanagerDefaultMessage(payload, alertTs, ALERTS), 'Ev0CRASH1'),
      'application/json',
      {
        secret: SECRET,
      },
    );
    const incidentMsg = await waitFor('runbook button on the incident message', () => {
      const m = fake.messages.find((x) => x.thread_ts === alertTs);
      return m && buttons(m).some((b) => b.action_id.startsWith(CHAT_IDS.actions.runbookPrefix)) ? m : undefined;
    });
    await click(incidentMsg, CHAT_IDS.actions.runbookPrefix, 'U0ONCALL');
    const plan = await waitFor('plan', () => fake.messages.find((m) => m.text.startsWith('Plan:')));
    await click(plan, RUNBOOK_ACTION_IDS.requestApproval, 'U0ONCALL');
    const card = await waitFor('approval card', () =>
      fake.messages.find((m) => buttons(m).some((b) => b.action_id.startsWith(RUNBOOK_ACTION_IDS.approvePrefix))),
    );
    await click(card, RUNBOOK_ACTION_IDS.approvePrefix, 'U0ALICE');
    // The step is running (its process wrote the marker); the Slack process dies without warning.
    await waitFor('step running', () => {
      try {
        const m = /^started (\d+)$/.exec(readFileSync(marker, 'utf8'));
        if (m) orphan = Number(m[1]);
        return m ? true : undefined;
      } catch {
        return undefined;
      }
    });
    child.kill('SIGKILL');
    await new Promise((r) => child?.once('exit', r));

    // Restarted (same instance, same database): the run is closed as outcome-unknown and told in its thread.
    const config = loadConfig({
      env: { ...ENV, CAUSEWAY_SLACK_API_URL: fake.apiUrl },
      file: { path: CONFIG, text: readFileSync(CONFIG, 'utf8') },
    });
    if (!config.ok) throw new Error(JSON.stringify(config.error));
    const log: string[] = [];
    const posts = fake.messages.length;
    writeFileSync(marker, 'not again');
    runtime = testRuntime(config.value, { lines: log, cwd: dir, instanceId: 'crash-test/slack' });
    const started = await startSlackStack(config.value, runtime);
    if (!started.ok) throw new Error(started.error.message);
    stack = started.value;
    const notice = await waitFor('notice in the thread', () =>
      fake.messages.slice(posts).find((m) => m.text.includes('outcome is unknown') || m.text.includes('*unknown*')),
    );
    expect(notice.thread_ts).toBe(alertTs);
    expect(notice.text).toContain('will not be re-run');
    const runs = await stack.storage.runs.list((await stack.storage.incidents.list())[0]?.id as string);
    expect(runs.map((r) => r.status)).toEqual(['outcome-unknown']);
    expect(runs[0]?.steps[0]?.status).toBe('outcome-unknown');
    const trail = (await stack.storage.audit.query({ limit: 1000 })).map((a) => a.action);
    expect(trail).toContain('step.outcome-unknown');
    expect(trail.filter((a) => a === 'step.started')).toHaveLength(1);
    // Nothing re-ran the step.
    await new Promise((r) => setTimeout(r, 300));
    expect(readFileSync(marker, 'utf8')).toBe('not again');
    // An independent reader of the same database sees the same.
    const reader = await openStorage(`sqlite:${join(dir, 'causeway.db')}`, { clock: Date.now });
    if (!reader.ok) throw new Error(reader.error.message);
    expect((await reader.value.runs.list(runs[0]?.incidentId as string))[0]?.status).toBe('outcome-unknown');
    await reader.value.close();
  });
});
