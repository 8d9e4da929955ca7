// Slack app benchmark (issue 5): ack latency of signed slash commands over loopback, and the time
// from an alert message to the first progress (message posted, first edit) and to the result.
// usage: node bench/slack/run-slack-bench.ts [--commands 1000] [--concurrency 10] [--bundles 5] [--json]
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/adapters/config/load-config.ts';
import { buildRuntime } from '../../src/runtime/build-runtime.ts';
import { startSlackStack } from '../../src/runtime/start-slack-stack.ts';
import { alertmanagerLabelledMessage } from '../../test/slack/alert-messages.ts';
import { startFakeSlack } from '../../test/support/fake-slack.ts';
import { eventCallbackBody, sendSigned } from '../../test/support/fake-slack-client.ts';

const { values } = parseArgs({
  options: {
    commands: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '10' },
    bundles: { type: 'string', default: '5' },
    json: { type: 'boolean', default: false },
  },
});
const N = Number(values.commands);
const C = Number(values.concurrency);
const B = Number(values.bundles);
const SECRET = 'bench-signing-secret-0123456789';
const TOKEN = 'xoxb-bench-token';
const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN;
};
const median = (xs: number[]) => q(xs, 0.5);

const work = mkdtempSync(join(tmpdir(), 'causeway-slack-bench-'));
const main = new URL('../../src/main.ts', import.meta.url).pathname;
execFileSync(process.execPath, [main, 'simulate', '--out', work, '--count', String(B), '--seed', '20261124'], {
  stdio: 'ignore',
});
const bundles = readdirSync(work)
  .map((d) => join(work, d))
  .filter((d) => readdirSync(d).includes('alert.json'));

const slack = await startFakeSlack({ botToken: TOKEN });
const channels = bundles.map((_, i) => `C0BENCH${String(i).padStart(3, '0')}`);
const config = loadConfig({
  env: {
    CAUSEWAY_STORAGE_URL: 'sqlite::memory:',
    CAUSEWAY_SLACK_MODE: 'http',
    CAUSEWAY_SLACK_BOT_TOKEN: TOKEN,
    CAUSEWAY_SLACK_SIGNING_SECRET: SECRET,
    CAUSEWAY_SLACK_API_URL: slack.apiUrl,
    CAUSEWAY_SLACK_BOT_ID: 'B0BOT',
    CAUSEWAY_SLACK_BOT_USER_ID: 'U0BOT',
    CAUSEWAY_SLACK_PORT: '0',
    CAUSEWAY_SLACK_HOST: '127.0.0.1',
    CAUSEWAY_SLACK_ALERT_CHANNELS: channels.join(','),
    CAUSEWAY_SLACK_RATE_LIMIT_INVESTIGATIONS: '100',
    CAUSEWAY_SOURCES_BUNDLE_DIR: work,
    CAUSEWAY_LOG_LEVEL: 'error',
  },
});
if (!config.ok) throw new Error(JSON.stringify(config.error));
const runtime = buildRuntime(config.value, {
  cwd: process.cwd(),
  environment: {},
  now: Date.now,
  monotonic: () => performance.now(),
  instanceId: 'bench/slack',
  promptsDir: fileURLToPath(new URL('../../prompts', import.meta.url)),
  logDestination: { write: () => undefined },
});
const started = await startSlackStack(config.value, runtime);
if (!started.ok) throw new Error(started.error.message);
const stack = started.value;
const url = `http://127.0.0.1:${stack.port}/slack/events`;

// 1. Ack latency: N signed `/causeway help` commands, C in flight, sent from a separate process
// (bench/slack/ack-load.ts) so the load generator does not share the app's event loop.
const load = await new Promise<{ acks: number[]; bad: number; wallMs: number }>((resolve, reject) => {
  execFile(
    process.execPath,
    [new URL('./ack-load.ts', import.meta.url).pathname, url, SECRET, slack.responseUrl('b'), String(N), String(C)],
    { maxBuffer: 64 << 20 },
    (err, stdout) => (err ? reject(err) : resolve(JSON.parse(stdout))),
  );
});
const acks = load.acks;
const bad = load.bad;
const ackWall = load.wallMs;

// 2. Alert message → message posted (progress shown) → first edit (first source settled) → result.
const runs: { posted: number; firstEdit: number; result: number; bundle: string }[] = [];
for (const [i, dir] of bundles.entries()) {
  const payload = JSON.parse(readFileSync(join(dir, 'alert.json'), 'utf8'));
  const channel = channels[i] as string;
  const ts = `1763990000.${String(i + 1).padStart(6, '0')}`;
  const before = slack.calls.length;
  const t = Date.now();
  await sendSigned(
    url,
    eventCallbackBody(alertmanagerLabelledMessage(payload, ts, channel), `EvB${i}`),
    'application/json',
    { secret: SECRET },
  );
  await stack.slack.idle();
  const mine = slack.calls.slice(before).filter((c) => c.params.channel === channel);
  const post = mine.find((c) => c.method === 'chat.postMessage');
  const edits = mine.filter((c) => c.method === 'chat.update');
  const final = edits.find((c) => JSON.stringify(c.params.blocks).includes('causeway_actions'));
  runs.push({
    bundle: dir.split('/').at(-1) as string,
    posted: (post?.at ?? Number.NaN) - t,
    firstEdit: (edits[0]?.at ?? Number.NaN) - t,
    result: (final?.at ?? Number.NaN) - t,
  });
}
await stack.stop();
await runtime.close();
await slack.close();
rmSync(work, { recursive: true, force: true });

const result = {
  ack: {
    n: N,
    concurrency: C,
    non200: bad,
    p50: median(acks),
    p99: q(acks, 0.99),
    max: Math.max(...acks),
    perSecond: N / (ackWall / 1000),
  },
  alert: {
    bundles: runs.length,
    postedMedianMs: median(runs.map((r) => r.posted)),
    firstEditMedianMs: median(runs.map((r) => r.firstEdit)),
    resultMedianMs: median(runs.map((r) => r.result)),
    resultMaxMs: Math.max(...runs.map((r) => r.result)),
    runs,
  },
};
if (values.json) console.log(JSON.stringify(result, null, 2));
else {
  console.log(
    `ack latency, ${N} signed slash commands, ${C} in flight: p50 ${result.ack.p50.toFixed(1)} ms, p99 ${result.ack.p99.toFixed(1)} ms, max ${result.ack.max.toFixed(1)} ms, ${result.ack.perSecond.toFixed(0)}/s, non-200: ${bad}`,
  );
  console.log(`alert → message posted (progress shown): median ${result.alert.postedMedianMs} ms`);
  console.log(`alert → first edit (first source settled): median ${result.alert.firstEditMedianMs} ms`);
  console.log(
    `alert → result: median ${result.alert.resultMedianMs} ms, max ${result.alert.resultMaxMs} ms (${runs.length} simulator bundles)`,
  );
  for (const r of runs)
    console.log(`  ${r.bundle}: posted ${r.posted} ms, first edit ${r.firstEdit} ms, result ${r.result} ms`);
}
