import type { CliCommand, CliIo } from './cli-command.ts';

/**
 * Dispatches `causeway <command> ...` to its command; `--help` at the top lists them and
 * `--version` (`-v`) prints `causeway <version>`. Returns the exit code.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly CliCommand[],
  version = 'unknown',
  /** Lines printed under the options in `--help`: what this process would use (e.g. its database). */
  context: readonly string[] = [],
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage(commands, context));
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`causeway ${version}\n`);
    return 0;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    io.stderr(`causeway: USAGE: unknown command "${name}"; run causeway --help for the list\n`);
    return 2;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    io.stderr(`causeway ${name}: INTERNAL: ${e instanceof Error ? e.message : String(e)}\n`);
    return 70;
  }
}

function usage(commands: readonly CliCommand[], context: readonly string[]): string {
  const w = Math.max(...commands.map((c) => c.name.length));
  return [
    'causeway — ranks root-cause hypotheses for an alert from logs, traces and changes',
    '',
    'usage: causeway [--config FILE] <command> [options]   (causeway <command> --help for its options)',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(w)}  ${c.summary}`),
    '',
    'options:',
    '  --config FILE  the configuration file (or CAUSEWAY_CONFIG)',
    '  -v, --version  print the version',
    '  -h, --help     print this list',
    '',
    ...(context.length > 0 ? [...context, ''] : []),
  ].join('\n');
}
