import { resolve } from 'node:path';
import { investigate } from '../../../app/investigate.ts';
import { investigateOptionsFromConfig } from '../../../app/investigate-options-from-config.ts';
import type { Config } from '../../../core/config/config-schema.ts';
import { openBundle } from '../../files/open-bundle.ts';
import type { CliCommand } from '../cli-command.ts';
import { parseCliArgs } from '../parse-cli-args.ts';
import { renderChatPreview } from '../render-chat-preview.ts';
import { renderReportText } from '../render-report-text.ts';

const USAGE = `usage: causeway demo [--bundle DIR]

Triages a bundled example incident end to end with no services (files in, console out): prints
the ranked hypotheses with their evidence, and the message it would post to Slack.

  --bundle DIR   triage this bundle instead of the bundled example
`;

/** `causeway demo`: the embedded default end to end on a shipped example bundle. */
export function buildDemoCommand(config: Readonly<Config>, exampleDir: string): CliCommand {
  return {
    name: 'demo',
    summary: 'triage a bundled example incident end to end (no services needed)',
    usage: USAGE,
    async run(argv, io) {
      const args = parseCliArgs(argv, { bundle: { type: 'string' } });
      if (!args.ok) {
        io.stderr(`causeway demo: USAGE: ${args.error}\n`);
        return 2;
      }
      if (args.value.values.help) {
        io.stdout(USAGE);
        return 0;
      }
      const dir = typeof args.value.values.bundle === 'string' ? resolve(io.cwd, args.value.values.bundle) : exampleDir;
      const opened = await openBundle(dir, config.triage.serviceLabels);
      if (!opened.ok) {
        io.stderr(`causeway demo: ${opened.error.code}: ${opened.error.message}\n`);
        return 1;
      }
      const b = opened.value;
      const rule = '─'.repeat(78);
      io.stdout(
        `${rule}\nCauseway demo — triaging ${b.id} from files (no Elasticsearch, Slack or LLM needed)\n${rule}\n`,
      );
      const report = await investigate(
        {
          logs: b.logs,
          traces: b.traces,
          changes: b.changes,
          options: investigateOptionsFromConfig(config),
          onProgress: (source, s) =>
            io.stdout(`  … ${source}: ${s.state}${s.state === 'failed' ? ` (${s.detail})` : ''}\n`),
        },
        b.alerts,
        b.asOf,
      );
      io.stdout(
        `\n${renderReportText(report)}\n${rule}\nWhat Causeway would post to Slack:\n${rule}\n${renderChatPreview(report)}`,
      );
      return 0;
    },
  };
}
