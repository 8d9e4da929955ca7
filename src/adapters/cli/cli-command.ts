/** What a CLI command sees of the process: everything it touches comes in here (no globals). */
export type CliIo = {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
};

/**
 * One `causeway <name>` sub-command. `run` returns the exit code; expected failures
 * (bad input, missing file) are reported on stderr as one line and a non-zero code,
 * never thrown.
 */
export type CliCommand = {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly run: (argv: readonly string[], io: CliIo) => Promise<number>;
};
