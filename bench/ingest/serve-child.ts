import { type ChildProcess, spawn } from 'node:child_process';

const MAIN = new URL('../../src/main.ts', import.meta.url).pathname;

/** The real `causeway serve` as a child process on 127.0.0.1 (port chosen by the OS). */
export async function serveChild(
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess; stop(): Promise<number | null> }> {
  const child = spawn(process.execPath, [MAIN, 'serve', '--port', '0', '--host', '127.0.0.1'], {
    env: { ...process.env, CAUSEWAY_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)"[^\n]*"msg":"causeway serve listening"/.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(m[1] as string);
      }
    });
    void exited.then((c) => reject(new Error(`serve exited (${c}): ${out}`)));
  });
  child.stdout?.resume();
  return {
    url,
    child,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
