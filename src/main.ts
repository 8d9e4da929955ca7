import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { CliIo } from './adapters/cli/cli-command.ts';
import { buildAskCommand } from './adapters/cli/commands/ask.ts';
import { buildAuditCommand } from './adapters/cli/commands/audit.ts';
import { buildChangeCommand } from './adapters/cli/commands/change.ts';
import { buildDemoCommand } from './adapters/cli/commands/demo.ts';
import { buildEvalCommand } from './adapters/cli/commands/eval.ts';
import { buildFeedbackCommand } from './adapters/cli/commands/feedback.ts';
import { buildRunbooksCommand } from './adapters/cli/commands/runbooks.ts';
import { buildSeedCommand } from './adapters/cli/commands/seed.ts';
import { buildServeCommand } from './adapters/cli/commands/serve.ts';
import { simulateCommand } from './adapters/cli/commands/simulate.ts';
import { buildSlackCommand } from './adapters/cli/commands/slack.ts';
import { templatesCommand } from './adapters/cli/commands/templates.ts';
import { buildTriageCommand } from './adapters/cli/commands/triage.ts';
import { runCli } from './adapters/cli/run-cli.ts';
import { startSlackStack } from './adapters/cli/slack/start-slack-stack.ts';
import { formatConfigProblems } from './adapters/config/format-config-problems.ts';
import { loadConfig } from './adapters/config/load-config.ts';
import { loadPrompts } from './adapters/llm/load-prompts.ts';

// The composition root: the only file that touches the process (argv, env, stdout, exit code).
const io: CliIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
};

const argv = process.argv.slice(2);
let configPath = io.env.CAUSEWAY_CONFIG;
const at = argv.indexOf('--config');
if (at >= 0) {
  configPath = argv[at + 1];
  argv.splice(at, 2);
}

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
const commands = [
  buildTriageCommand(config.value),
  buildEvalCommand(config.value, now),
  simulateCommand,
  buildSeedCommand(config.value),
  templatesCommand,
  buildAuditCommand(config.value, Date.now),
  buildDemoCommand(config.value, fileURLToPath(new URL('../examples/webshop-deploy', import.meta.url)), llmWiring),
  buildAskCommand(config.value, fileURLToPath(new URL('../examples/webshop-deploy', import.meta.url)), llmWiring),
  buildSlackCommand(config.value, {
    now: Date.now,
    promptsDir: llmWiring.promptsDir,
    secrets: process.env,
    instanceId: `${process.env.CAUSEWAY_INSTANCE_ID || hostname()}/slack`,
    onShutdown: (stop) => {
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
  }),
  buildFeedbackCommand(config.value, Date.now),
  buildServeCommand(config.value, {
    now: Date.now,
    monotonic: () => performance.now(),
    instanceId: process.env.CAUSEWAY_INSTANCE_ID || hostname(),
    onShutdown: (stop) => {
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    startSlack: async (cfg, sources, observe) => {
      const s = await startSlackStack(cfg, {
        observe,
        cwd: io.cwd,
        now: Date.now,
        log: io.stderr,
        sources,
        promptsDir: llmWiring.promptsDir,
        secrets: process.env,
        instanceId: `${process.env.CAUSEWAY_INSTANCE_ID || hostname()}/slack`,
      });
      return s.ok
        ? { ok: true, stop: s.value.stop, ...(s.value.announcer ? { announcer: s.value.announcer } : {}) }
        : { ok: false, message: `${s.error.code}: ${s.error.message}` };
    },
  }),
  buildChangeCommand(config.value, Date.now),
  buildRunbooksCommand(config.value, Date.now, fileURLToPath(new URL('../examples/webshop-deploy', import.meta.url))),
];

process.on('unhandledRejection', (e) => {
  io.stderr(`causeway: INTERNAL: unhandled rejection: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 70;
});

process.exitCode = await runCli(argv, io, commands);
