import { type ChildProcess, spawn } from 'node:child_process';
import { testDataHome } from '../../support/run-causeway.ts';

const MAIN = new URL('../../../src/main.ts', import.meta.url).pathname;

export type ServeProcess = {
  readonly url: string;
  readonly child: ChildProcess;
  /** stdout and stderr, interleaved. */
  output(): string;
  /** stdout alone (JSON log lines only). */
  stdout(): string;
  /** SIGTERM, then waits for the exit code. */
  stop(): Promise<number | null>;
};

/**
 * Starts the real `node src/main.ts serve --port 0` with `env` (log level info unless `env` says
 * otherwise) and waits for its JSON "causeway serve listening" log line, which carries the URL.
 */
export async function startServe(env: Record<string, string>, cwd?: string): Promise<ServeProcess> {
  const child = spawn(process.execPath, [MAIN, 'serve', '--port', '0', '--host', '127.0.0.1'], {
    env: { ...process.env, XDG_DATA_HOME: testDataHome(cwd), CAUSEWAY_LOG_LEVEL: 'info', ...env },
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let stdout = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`serve did not start in 30 s:\n${out}`)), 30_000);
    const check = () => {
      const m =
        /"msg":"causeway serve listening".*?"url":"(http:\/\/127\.0\.0\.1:\d+)"|"url":"(http:\/\/127\.0\.0\.1:\d+)".*?"msg":"causeway serve listening"/.exec(
          stdout,
        );
      if (m) {
        clearTimeout(t);
        resolve((m[1] ?? m[2]) as string);
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(t);
      reject(new Error(`serve exited (${code}) before listening:\n${out}`));
    });
  });
  return {
    url,
    child,
    output: () => out,
    stdout: () => stdout,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      return exited;
    },
  };
}
