import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Real shell scripts for the command executor tests, in a temporary folder (absolute paths to allowlist). */
export type TestScripts = {
  readonly dir: string;
  /** Prints each argument on its own line as [arg]. */
  readonly args: string;
  /** Sleeps 30 s (and writes its pid). */
  readonly sleep: string;
  /** Prints to stderr and exits 3. */
  readonly fail: string;
  /** Prints 5 MB. */
  readonly loud: string;
  /** Ignores SIGTERM, starts a child that ignores it too (pids in stubborn.pids), waits. */
  readonly stubborn: string;
  /** Prints $GREETING, $PATH-less environment check and its working directory. */
  readonly env: string;
  cleanup(): void;
};

export function writeTestScripts(): TestScripts {
  const dir = mkdtempSync(join(tmpdir(), 'causeway-scripts-'));
  const script = (name: string, body: string) => {
    const p = join(dir, name);
    writeFileSync(p, `#!/bin/sh\n${body}\n`);
    chmodSync(p, 0o755);
    return p;
  };
  return {
    dir,
    args: script('args.sh', `for a in "$@"; do printf '[%s]\\n' "$a"; done`),
    sleep: script('sleep.sh', `echo $$ > "${dir}/sleep.pid"\nexec sleep 30`),
    fail: script('fail.sh', 'echo "boom: the deploy API said no" >&2\nexit 3'),
    loud: script('loud.sh', 'head -c 5000000 /dev/zero | tr "\\000" x'),
    stubborn: script(
      'stubborn.sh',
      `trap '' TERM\nsleep 30 &\necho "$$ $!" > "${dir}/stubborn.pids"\necho started\nwait\nwait`,
    ),
    env: script('env.sh', ['echo "greeting=$GREETING secret=$', '{CAUSEWAY_SLACK_BOT_TOKEN:-none}"\npwd'].join('')),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
