import { execFile } from 'node:child_process';

const MAIN = new URL('../../src/main.ts', import.meta.url).pathname;

export type RunResult = { code: number; stdout: string; stderr: string };

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
      { env: { ...process.env, ...env }, cwd, maxBuffer: 64 << 20, timeout: 120_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
