import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAIN = new URL('../../src/main.ts', import.meta.url).pathname;

export type RunResult = { code: number; stdout: string; stderr: string };

/**
 * The default database lives under $XDG_DATA_HOME (storage.dataDir): a run in `cwd` gets
 * `<cwd>/.xdg-data`, so runs in one folder share a database as they would in one home, and tests never
 * touch the real home; a run without `cwd` gets this test file's own folder.
 */
let ownDataHome: string | undefined;
export function testDataHome(cwd?: string): string {
  if (cwd) return join(cwd, '.xdg-data');
  ownDataHome ??= mkdtempSync(join(tmpdir(), 'causeway-data-'));
  return ownDataHome;
}

/** Runs the real CLI entry point (`node src/main.ts ...`) as a child process. */
export function runCauseway(
  args: readonly string[],
  env: Record<string, string> = {},
  cwd?: string,
): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [MAIN, ...args],
      { env: { ...process.env, XDG_DATA_HOME: testDataHome(cwd), ...env }, cwd, maxBuffer: 64 << 20, timeout: 120_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
