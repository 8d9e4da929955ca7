import { spawn } from 'node:child_process';
import type { StepRunOutcome } from '../../core/runbooks/step-run-outcome.ts';
import type { StepRunner } from '../../core/runbooks/step-runner.ts';
import { createOutputCollector } from './create-output-collector.ts';

export type CommandRunnerOptions = {
  /** Executables that may be started (names resolved on the PATH of `baseEnv`, or absolute paths). */
  readonly allow: readonly string[];
  readonly maxOutputBytes: number;
  /** The environment every process starts from (PATH, HOME, LANG, KUBECONFIG …; never Causeway's secrets). */
  readonly baseEnv: Readonly<Record<string, string>>;
  /** After SIGTERM to the process group on timeout, SIGKILL follows this much later. */
  readonly killGraceMs?: number;
};

const seconds = (ms: number) => `${Math.round(ms / 100) / 10}s`;

/**
 * Runs `{executable, args, env, cwd}` as a child process without a shell: argv elements are
 * passed as they are, so nothing in a parameter is ever interpreted. The child leads its own
 * process group; on timeout or abort the whole group gets SIGTERM, then SIGKILL after the grace
 * time (a script that ignores SIGTERM, or its children, cannot outlive the step). Output (stdout
 * and stderr, interleaved) is capped.
 */
export function createCommandRunner(o: CommandRunnerOptions): StepRunner {
  const grace = o.killGraceMs ?? 2000;
  return (action, ctx) =>
    new Promise<StepRunOutcome>((resolve) => {
      const executable = String(action.executable);
      const args = Array.isArray(action.args) ? action.args.map(String) : [];
      const env = { ...o.baseEnv, ...((action.env ?? {}) as Record<string, string>) };
      const failed = (summary: string): StepRunOutcome => ({
        status: 'failed',
        output: summary,
        truncatedBytes: 0,
        timedOut: false,
        summary,
      });
      if (!o.allow.includes(executable)) {
        resolve(failed(`refused: ${executable} is not an allowed executable`));
        return;
      }
      const started = Date.now();
      const out = createOutputCollector(o.maxOutputBytes);
      let child: ReturnType<typeof spawn>;
      try {
        child = spawn(executable, args, {
          cwd: typeof action.cwd === 'string' ? action.cwd : undefined,
          env,
          shell: false,
          detached: true,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
      } catch (e) {
        resolve(failed(`cannot start ${executable}: ${(e as Error).message}`));
        return;
      }
      let timedOut = false;
      let aborted = false;
      let killTimer: NodeJS.Timeout | undefined;
      let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
      const group = (sig: NodeJS.Signals) => {
        if (child.pid === undefined) return;
        try {
          process.kill(-child.pid, sig);
        } catch {
          // The group is already gone.
        }
      };
      const stop = () => {
        group('SIGTERM');
        killTimer ??= setTimeout(() => group('SIGKILL'), grace);
      };
      const timer = setTimeout(() => {
        timedOut = true;
        stop();
      }, ctx.timeoutMs);
      const onAbort = () => {
        aborted = true;
        stop();
      };
      ctx.signal.addEventListener('abort', onAbort, { once: true });
      child.stdout?.on('data', (c: Buffer) => out.push(c));
      child.stderr?.on('data', (c: Buffer) => out.push(c));
      child.on('exit', (code, signal) => {
        exit = { code, signal };
        // Whatever the process left behind in its group (a background child holding the pipes) goes
        // too, and pipes still held open by something outside the group are closed from this side.
        setTimeout(() => {
          group('SIGKILL');
          child.stdout?.destroy();
          child.stderr?.destroy();
        }, 200).unref();
      });
      child.on('error', (e) => {
        clearTimeout(timer);
        clearTimeout(killTimer);
        ctx.signal.removeEventListener('abort', onAbort);
        resolve(failed(`cannot start ${executable}: ${e.message}`));
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        clearTimeout(killTimer);
        ctx.signal.removeEventListener('abort', onAbort);
        const c = exit?.code ?? code;
        const s = exit?.signal ?? signal;
        const took = seconds(Date.now() - started);
        const summary = timedOut
          ? `timed out after ${seconds(ctx.timeoutMs)}: the process group was killed`
          : aborted
            ? 'stopped: the process group was killed'
            : c === 0
              ? `exit code 0 in ${took}`
              : c !== null
                ? `exit code ${c} in ${took}`
                : `killed by ${s}`;
        resolve({
          status: c === 0 && !timedOut && !aborted ? 'succeeded' : 'failed',
          ...(c !== null ? { exitCode: c } : {}),
          output: out.text(),
          truncatedBytes: out.droppedBytes,
          timedOut,
          summary,
          detail: { ...(s ? { signal: s } : {}), durationMs: Date.now() - started },
        });
      });
    });
}
