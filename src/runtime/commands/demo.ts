import { resolve } from 'node:path';
import type { CliCommand } from '../../adapters/cli/cli-command.ts';
import { COMMAND_SUMMARIES } from '../../adapters/cli/command-summaries.ts';
import { parseCliArgs } from '../../adapters/cli/parse-cli-args.ts';
import { renderReportText } from '../../adapters/cli/render-report-text.ts';
import { openBundle } from '../../adapters/files/open-bundle.ts';
import { buildLlmDeps } from '../../adapters/llm/build-llm-deps.ts';
import { configWithLlmOverrides } from '../../adapters/llm/config-with-llm-overrides.ts';
import { narrateForCli } from '../../adapters/llm/narrate-for-cli.ts';
import { investigateCase } from '../../app/investigate-case.ts';
import { investigateOptionsFromConfig } from '../../app/investigate-options-from-config.ts';
import type { Config } from '../../core/config/config-schema.ts';
import { printRunbookDemo } from '../runbooks/print-runbook-demo.ts';
import { renderSlackPreview } from '../slack/render-slack-preview.ts';

const USAGE = `usage: causeway demo [--bundle DIR] [--chart FILE] [--llm-url URL [--llm-model NAME]] [--no-runbook]

Triages a bundled example incident end to end with no services (files in, console out): prints
the ranked hypotheses with their evidence, the Slack message it would post (readable, and its
Block Kit JSON), and writes the timeline chart it would upload as a PNG. Then acts on it: a
runbook's plan is proposed, two people approve it (the requester is refused), a harmless step
runs against a deploy API on 127.0.0.1, its verification runs, and the audit chain is verified.

  --bundle DIR      triage this bundle instead of the bundled example
  --chart FILE      where to write the chart PNG (default: var/demo-timeline.png)
  --llm-url URL     also write the grounded narrative with a model at this OpenAI-compatible
                    base URL (e.g. http://127.0.0.1:11434/v1 for Ollama); same as setting
                    CAUSEWAY_LLM_BASE_URL. Without it (and without llm.model) no request is made.
  --llm-model NAME  the model to ask for (default: llm.model, else "local-model")
  --no-runbook      stop after the triage (no runbook demo)
`;

/** `causeway demo`: the embedded default end to end on a shipped example bundle. */
export function buildDemoCommand(
  config: Readonly<Config>,
  exampleDir: string,
  llm?: { readonly promptsDir: string; readonly clock: () => number },
  now: () => number = Date.now,
): CliCommand {
  return {
    name: 'demo',
    summary: COMMAND_SUMMARIES.demo,
    usage: USAGE,
    async run(argv, io) {
      const args = parseCliArgs(argv, {
        bundle: { type: 'string' },
        'llm-url': { type: 'string' },
        'llm-model': { type: 'string' },
        chart: { type: 'string' },
        'no-runbook': { type: 'boolean' },
      });
      if (!args.ok) {
        io.stderr(`causeway demo: USAGE: ${args.error}\n`);
        return 2;
      }
      if (args.value.values.help) {
        io.stdout(USAGE);
        return 0;
      }
      const cfg = configWithLlmOverrides(config, args.value.values['llm-url'], args.value.values['llm-model']);
      const deps = llm ? await buildLlmDeps(cfg, { promptsDir: llm.promptsDir, clock: llm.clock }) : undefined;
      if (deps && !deps.ok) {
        io.stderr(`causeway demo: ${deps.error.code}: ${deps.error.message}\n`);
        return 2;
      }
      const dir = typeof args.value.values.bundle === 'string' ? resolve(io.cwd, args.value.values.bundle) : exampleDir;
      const opened = await openBundle(dir, config.triage.serviceLabels, config.sources.maxLineBytes);
      if (!opened.ok) {
        io.stderr(`causeway demo: ${opened.error.code}: ${opened.error.message}\n`);
        return 1;
      }
      const b = opened.value;
      const rule = '─'.repeat(78);
      io.stdout(
        `${rule}\nCauseway demo — triaging ${b.id} from files (no Elasticsearch, Slack or LLM needed)\n${rule}\n`,
      );
      const report = await investigateCase(b, {
        options: investigateOptionsFromConfig(config),
        onProgress: (source, s) =>
          io.stdout(`  … ${source}: ${s.state}${s.state === 'failed' ? ` (${s.detail})` : ''}\n`),
      });
      io.stdout(`\n${renderReportText(report)}\n`);
      const chart =
        typeof args.value.values.chart === 'string'
          ? resolve(io.cwd, args.value.values.chart)
          : resolve(io.cwd, 'var/demo-timeline.png');
      io.stdout(await renderSlackPreview(report, b.id, chart, rule, { files: config.charts.fontFiles, cwd: io.cwd }));
      if (deps?.value.llm) io.stdout(await narrateForCli(deps.value, b.id, report));
      if (args.value.values['no-runbook']) return 0;
      io.stdout('\n');
      return printRunbookDemo(io, now, { id: b.id, report, alert: b.alerts[0] });
    },
  };
}
