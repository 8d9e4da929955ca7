import type { StepRunner } from '../../core/runbooks/step-runner.ts';
import { abortableSleep } from './abortable-sleep.ts';

/** Waits `durationMs` (failing if the step's timeout or an abort comes first). */
export function createWaitRunner(): StepRunner {
  return async (action, ctx) => {
    const ms = Number(action.durationMs);
    if (ms > ctx.timeoutMs) {
      const summary = `a wait of ${ms / 1000}s is longer than the step timeout (${ctx.timeoutMs / 1000}s)`;
      return { status: 'failed', output: summary, truncatedBytes: 0, timedOut: true, summary };
    }
    const done = await abortableSleep(ms, ctx.signal);
    const summary = done ? `waited ${ms / 1000}s` : 'stopped while waiting';
    return { status: done ? 'succeeded' : 'failed', output: summary, truncatedBytes: 0, timedOut: false, summary };
  };
}
