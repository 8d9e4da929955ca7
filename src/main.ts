import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { CliIo } from './adapters/cli/cli-command.ts';
import { lazyCommand } from './adapters/cli/lazy-command.ts';
import { osUserName } from './adapters/cli/os-user-name.ts';
import { runCli } from './adapters/cli/run-cli.ts';
import { takeConfigFlag } from './adapters/cli/take-config-flag.ts';
import { formatConfigProblems } from './adapters/config/format-config-problems.ts';
import { loadConfig } from './adapters/config/load-config.ts';
import { loadPrompts } from './adapters/llm/load-prompts.ts';
import { describeDatabase } from './adapters/storage/describe-database.ts';
import { cliActor } from './core/audit/cli-actor.ts';
import { unknownEnvVariables } from './core/config/unknown-env-variables.ts';

// The composition root: the only file that touches the process (argv, env, stdout, exit code).
const io: CliIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
};

const flag = takeConfigFlag(process.argv.slice(2));
if (!flag.ok) {
  io.stderr(`causeway: ${flag.error}\n`);
  process.exit(2);
}
const argv = flag.value.argv;
const configPath = flag.value.path ?? io.env.CAUSEWAY_CONFIG;

let file: { path: string; text: string } | undefined;
if (configPath) {
  try {
    file = { path: configPath, text: readFileSync(resolve(io.cwd, configPath), 'utf8') };
  } catch (e) {
    io.stderr(`causeway: CONFIG_INVALID: cannot read the configuration file ${configPath}: ${(e as Error).message}\n`);
    process.exit(2);
  }
}
const config = loadConfig({ env: io.env, ...(file ? { file } : {}) });
if (!config.ok) {
  io.stderr(`causeway: ${formatConfigProblems(config.error)}\n`);
  process.exit(2);
}
// A misspelt CAUSEWAY_* variable would silently leave its key at the default: say so, once.
for (const u of unknownEnvVariables(Object.keys(io.env), config.value.runbooks.secretEnv))
  io.stderr(
    `causeway: warning: unknown environment variable ${u.name} is ignored${u.closest ? ` (did you mean ${u.closest}?)` : ''}\n`,
  );

const now = () => performance.now();

// The LLM layer (docs/llm.md): off unless llm.model is set. When on, the prompt files are validated
// now, so a broken prompt stops the start instead of an incident. LangChain never traces to LangSmith.
for (const k of ['LANGSMITH_TRACING_V2', 'LANGCHAIN_TRACING_V2', 'LANGSMITH_TRACING', 'LANGCHAIN_TRACING'])
  delete process.env[k];
const llmWiring = {
  promptsDir: config.value.llm.promptsDir
    ? resolve(io.cwd, config.value.llm.promptsDir)
    : fileURLToPath(new URL('../prompts', import.meta.url)),
  clock: Date.now,
};
if (config.value.llm.model) {
  const prompts = await loadPrompts(llmWiring.promptsDir);
  if (!prompts.ok) {
    io.stderr(`causeway: ${prompts.error.code}: ${prompts.error.message}\n`);
    process.exit(2);
  }
}
const instanceId = process.env.CAUSEWAY_INSTANCE_ID || hostname();
const onShutdown = (stop: () => void) => {
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};
// The runtime (config, logger, secrets, ids, clocks, storage) is built once, by the command that
// needs it: one-shot commands such as `triage --bundle` never load it.
const runtime = async (id: string) =>
  (await import('./runtime/build-runtime.ts')).buildRuntime(config.value, {
    cwd: io.cwd,
    environment: process.env,
    now: Date.now,
    monotonic: () => performance.now(),
    instanceId: id,
    promptsDir: llmWiring.promptsDir,
  });
const example = fileURLToPath(new URL('../examples/webshop-deploy', import.meta.url));
// Each command's modules load when it runs (lazyCommand): `--help` and `triage` start fast.
const commands = [
  lazyCommand('triage', async () => (await import('./runtime/commands/triage.ts')).buildTriageCommand(config.value)),
  lazyCommand('eval', async () => (await import('./runtime/commands/eval.ts')).buildEvalCommand(config.value, now)),
  lazyCommand('simulate', async () => (await import('./adapters/cli/commands/simulate.ts')).simulateCommand),
  lazyCommand('seed', async () => (await import('./runtime/commands/seed.ts')).buildSeedCommand(config.value)),
  lazyCommand('templates', async () => (await import('./adapters/cli/commands/templates.ts')).templatesCommand),
  lazyCommand('audit', async () =>
    (await import('./runtime/commands/audit.ts')).buildAuditCommand(await runtime(instanceId)),
  ),
  lazyCommand('autonomy', async () =>
    (await import('./runtime/commands/autonomy.ts')).buildAutonomyCommand(await runtime(instanceId)),
  ),
  lazyCommand('demo', async () =>
    (await import('./runtime/commands/demo.ts')).buildDemoCommand(config.value, example, llmWiring),
  ),
  lazyCommand('ask', async () =>
    (await import('./runtime/commands/ask.ts')).buildAskCommand(config.value, example, llmWiring),
  ),
  lazyCommand('slack', async () =>
    (await import('./runtime/commands/slack.ts')).buildSlackCommand(await runtime(`${instanceId}/slack`), {
      onShutdown,
    }),
  ),
  lazyCommand('feedback', async () =>
    (await import('./runtime/commands/feedback.ts')).buildFeedbackCommand(await runtime(instanceId)),
  ),
  lazyCommand('incident', async () =>
    (await import('./runtime/commands/incident.ts')).buildIncidentCommand(await runtime(instanceId)),
  ),
  lazyCommand('stats', async () =>
    (await import('./runtime/commands/stats.ts')).buildStatsCommand(await runtime(instanceId)),
  ),
  lazyCommand('serve', async () =>
    (await import('./runtime/commands/serve.ts')).buildServeCommand(await runtime(instanceId), { onShutdown }),
  ),
  lazyCommand('change', async () =>
    (await import('./runtime/commands/change.ts')).buildChangeCommand(await runtime(instanceId)),
  ),
  lazyCommand('runbooks', async () =>
    (await import('./runtime/commands/runbooks.ts')).buildRunbooksCommand(
      await runtime(instanceId),
      example,
      cliActor(osUserName(io.env)),
    ),
  ),
];

process.on('unhandledRejection', (e) => {
  io.stderr(`causeway: INTERNAL: unhandled rejection: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 70;
});

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const database = describeDatabase(config.value.storage.url, io.cwd);
process.exitCode = await runCli(argv, io, commands, version, [
  `database: ${database} (storage.url, or storage.dataDir; see docs/configuration.md)`,
]);
