import { resolve } from 'node:path';
import type { CliCommand } from '../../adapters/cli/cli-command.ts';
import { COMMAND_SUMMARIES } from '../../adapters/cli/command-summaries.ts';
import { parseCliArgs } from '../../adapters/cli/parse-cli-args.ts';
import { openBundle } from '../../adapters/files/open-bundle.ts';
import { buildLlmDeps } from '../../adapters/llm/build-llm-deps.ts';
import { configWithLlmOverrides } from '../../adapters/llm/config-with-llm-overrides.ts';
import { createMemoryLlmAudit } from '../../adapters/llm/create-memory-llm-audit.ts';
import { formatLlmCalls } from '../../adapters/llm/format-llm-calls.ts';
import { investigateCase } from '../../app/investigate-case.ts';
import { investigateOptionsFromConfig } from '../../app/investigate-options-from-config.ts';
import { answerFollowUp } from '../../app/llm/answer-follow-up.ts';
import { triageQuery } from '../../app/llm/triage-query.ts';
import type { Config } from '../../core/config/config-schema.ts';
import { renderAnswerText } from '../../core/llm/render-answer-text.ts';

const USAGE = `usage: causeway ask [--bundle DIR] [--llm-url URL] [--llm-model NAME] [--json] QUESTION...

Triages a bundle (default: the bundled example) and answers a follow-up question about it the way
the Slack thread does: a model with read-only queries over the bundle's logs, traces and changes,
answering with citations. Needs a model: llm.model (CAUSEWAY_LLM_MODEL) or --llm-url.

  --bundle DIR      the incident bundle
  --llm-url URL     an OpenAI-compatible base URL (e.g. http://127.0.0.1:11434/v1)
  --llm-model NAME  the model to ask for (default: llm.model, else "local-model")
  --json            print the answer as JSON
`;

/** `causeway ask`: a follow-up question about a bundle's incident, answered by the read-only agent. */
export function buildAskCommand(
  config: Readonly<Config>,
  exampleDir: string,
  llm: { readonly promptsDir: string; readonly clock: () => number },
): CliCommand {
  return {
    name: 'ask',
    summary: COMMAND_SUMMARIES.ask,
    usage: USAGE,
    async run(argv, io) {
      const args = parseCliArgs(
        argv,
        {
          bundle: { type: 'string' },
          'llm-url': { type: 'string' },
          'llm-model': { type: 'string' },
          json: { type: 'boolean' },
        },
        true,
      );
      if (!args.ok) {
        io.stderr(`causeway ask: USAGE: ${args.error}\n`);
        return 2;
      }
      const v = args.value.values;
      if (v.help) {
        io.stdout(USAGE);
        return 0;
      }
      const question = args.value.positionals.join(' ').trim();
      if (!question) {
        io.stderr('causeway ask: USAGE: give the question, e.g. causeway ask "why not the database?"\n');
        return 2;
      }
      const cfg = configWithLlmOverrides(config, v['llm-url'], v['llm-model']);
      const deps = await buildLlmDeps(cfg, { promptsDir: llm.promptsDir, clock: llm.clock });
      if (!deps.ok) {
        io.stderr(`causeway ask: ${deps.error.code}: ${deps.error.message}\n`);
        return 2;
      }
      const dir = typeof v.bundle === 'string' ? resolve(io.cwd, v.bundle) : exampleDir;
      const opened = await openBundle(dir, cfg.triage.serviceLabels, cfg.sources.maxLineBytes);
      if (!opened.ok) {
        io.stderr(`causeway ask: ${opened.error.code}: ${opened.error.message}\n`);
        return 1;
      }
      const b = opened.value;
      const options = investigateOptionsFromConfig(cfg);
      const report = await investigateCase(b, { options });
      const audit = createMemoryLlmAudit(llm.clock);
      const r = await answerFollowUp(
        {
          ...deps.value,
          audit,
          sources: {
            logs: b.logs,
            traces: b.traces,
            changes: b.changes,
            query: triageQuery(options, b.asOf),
            sourceTimeoutMs: options.sourceTimeoutMs,
          },
        },
        { incidentId: b.id, report, question, asker: 'cli' },
      );
      if (!r.ok) {
        const hint = r.error.code === 'LLM_DISABLED' ? ' (or pass --llm-url URL)' : '';
        io.stderr(`causeway ask: ${r.error.code}: ${r.error.message}${hint}\n`);
        return 1;
      }
      if (v.json) io.stdout(`${JSON.stringify(r.value, null, 2)}\n`);
      else
        io.stdout(
          `${b.id}: ${report.summary}\n\nQ: ${question}\n${renderAnswerText(r.value)}${formatLlmCalls(audit.records)}`,
        );
      return 0;
    },
  };
}
