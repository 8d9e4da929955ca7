import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** A fake `kubectl` installed in a temporary folder: put `dir` first on PATH; it records every argv. */
export type FakeKubectl = {
  readonly dir: string;
  /** `dir` prepended to the current PATH. */
  readonly path: string;
  /** Every call's arguments, in order. */
  calls(): string[][];
  /** What the next calls do: exit code, text printed, and how long to sleep first. */
  behave(b: { readonly exitCode?: number; readonly stdout?: string; readonly sleepMs?: number }): void;
  cleanup(): void;
};

/**
 * Writes an executable `kubectl` (a Node script with this Node's absolute path in its shebang, so
 * it runs with the minimal environment executors pass) that appends its argv as one JSON line to
 * `calls.jsonl` next to it, then behaves as `behavior.json` says (default: prints a line, exit 0).
 */
export function installFakeKubectl(): FakeKubectl {
  const dir = mkdtempSync(join(tmpdir(), 'causeway-fake-kubectl-'));
  const log = join(dir, 'calls.jsonl');
  const behavior = join(dir, 'behavior.json');
  const script = `#!${process.execPath}
const fs = require('node:fs');
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(args) + '\\n');
let b = {};
try { b = JSON.parse(fs.readFileSync(${JSON.stringify(behavior)}, 'utf8')); } catch {}
const done = () => {
  process.stdout.write(b.stdout ?? ('fake kubectl: ' + args.join(' ') + '\\n'));
  process.exit(b.exitCode ?? 0);
};
if (b.sleepMs) setTimeout(done, b.sleepMs); else done();
`;
  const file = join(dir, 'kubectl');
  // No extension and no package.json above it (under the system temp folder): Node reads it as CommonJS.
  writeFileSync(file, script, 'utf8');
  chmodSync(file, 0o755);
  return {
    dir,
    path: `${dir}${delimiter}${process.env.PATH ?? ''}`,
    calls() {
      let text = '';
      try {
        text = readFileSync(log, 'utf8');
      } catch {
        return [];
      }
      return text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as string[]);
    },
    behave(b) {
      writeFileSync(behavior, JSON.stringify(b));
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
