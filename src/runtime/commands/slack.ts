import type { CliCommand } from '../../adapters/cli/cli-command.ts';
import { COMMAND_SUMMARIES } from '../../adapters/cli/command-summaries.ts';
import { parseCliArgs } from '../../adapters/cli/parse-cli-args.ts';
import { describeDatabase } from '../../adapters/storage/describe-database.ts';
import type { Config } from '../../core/config/config-schema.ts';
import type { Runtime } from '../runtime.ts';
import { startSlackStack } from '../start-slack-stack.ts';

const USAGE = `usage: causeway slack [--http] [--port N]

Runs the Slack app until stopped (SIGINT/SIGTERM): /causeway, auto-triage of the alert channels
(slack.alertChannels), living incident messages, charts and feedback. Socket Mode by default
(slack.botToken + slack.appToken; no public URL needed); --http (or slack.mode: http) listens for
Slack's signed requests on POST /slack/events (slack.botToken + slack.signingSecret). See docs/slack.md.

  --http     HTTP mode instead of Socket Mode
  --port N   HTTP mode: the port (default slack.port; 0 picks a free one)
`;

/** `causeway slack`: the Slack app on the runtime (its storage, logger, secrets), until told to stop. */
export function buildSlackCommand(
  runtime: Runtime,
  env: { readonly onShutdown: (stop: () => void) => void },
): CliCommand {
  const config = runtime.config;
  return {
    name: 'slack',
    summary: COMMAND_SUMMARIES.slack,
    usage: USAGE,
    async run(argv, io) {
      const args = parseCliArgs(argv, { http: { type: 'boolean' }, port: { type: 'string' } });
      if (!args.ok) {
        io.stderr(`causeway slack: USAGE: ${args.error}\n`);
        return 2;
      }
      if (args.value.values.help) {
        io.stdout(USAGE);
        return 0;
      }
      const port = args.value.values.port;
      if (port !== undefined && !/^\d+$/.test(String(port))) {
        io.stderr('causeway slack: USAGE: --port expects a number\n');
        return 2;
      }
      const effective: Config = {
        ...config,
        slack: {
          ...config.slack,
          ...(args.value.values.http ? { mode: 'http' as const } : {}),
          ...(port !== undefined ? { port: Number(port) } : {}),
        },
      };
      const started = await startSlackStack(effective, runtime);
      if (!started.ok) {
        io.stderr(`causeway slack: ${started.error.code}: ${started.error.message}\n`);
        await runtime.close();
        return started.error.code === 'SLACK_NOT_CONFIGURED' ? 2 : 3;
      }
      const s = started.value;
      const where =
        effective.slack.mode === 'http'
          ? `HTTP on ${effective.slack.host}:${s.port} (POST /slack/events)`
          : 'Socket Mode';
      io.stdout(
        `causeway slack: listening in ${where}; command ${effective.slack.command}; watching ${effective.slack.alertChannels.length} alert channel(s); database: ${describeDatabase(effective.storage.url, runtime.cwd)}\n`,
      );
      await new Promise<void>((resolve) => env.onShutdown(resolve));
      io.stdout('causeway slack: stopping (finishing the work in progress)\n');
      await s.stop();
      await runtime.close();
      return 0;
    },
  };
}
