import type { SignalName } from '../../core/runbooks/signal.ts';
import type { SignalProbe } from '../../core/runbooks/signal-probe.ts';
import type { StepRunOutcome } from '../../core/runbooks/step-run-outcome.ts';
import type { StepRunner } from '../../core/runbooks/step-runner.ts';
import { abortableSleep } from './abortable-sleep.ts';

export type CheckRunnerOptions = {
  /** Where signals are read; without one every check fails with a clear reason. */
  readonly probe: SignalProbe | undefined;
  readonly now: () => number;
};

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Number(v.toPrecision(3)).toString());

/**
 * Reads the signal every `everyMs` until it is below (or above) the threshold — success — or the
 * step's time is up — failure, with every reading in the output. "No data" and source failures
 * count as "not yet".
 */
export function createCheckRunner(o: CheckRunnerOptions): StepRunner {
  return async (action, ctx): Promise<StepRunOutcome> => {
    const started = o.now();
    const deadline = AbortSignal.any([ctx.signal, AbortSignal.timeout(ctx.timeoutMs)]);
    const q = {
      signal: String(action.signal) as SignalName,
      service: String(action.service),
      windowMs: Number(action.windowMs),
    };
    const below = action.op === 'below';
    const threshold = Number(action.threshold);
    const lines: string[] = [];
    if (!o.probe) {
      const summary = 'no signal source is configured for checks (Elasticsearch or a bundle)';
      return { status: 'failed', output: summary, truncatedBytes: 0, timedOut: false, summary };
    }
    let last: number | undefined;
    for (let n = 1; ; n++) {
      const r = await o.probe.read(q, deadline).catch((e: unknown) => ({
        state: 'failed' as const,
        code: 'SOURCE_UNAVAILABLE' as const,
        detail: (e as Error).message,
      }));
      const t = new Date(o.now()).toISOString().slice(11, 19);
      if (r.state === 'ok') {
        last = r.value;
        const holds = below ? r.value < threshold : r.value > threshold;
        lines.push(
          `${t} ${q.signal} of ${q.service} = ${fmt(r.value)} (needs ${below ? '<' : '>'} ${threshold})${holds ? ' ✓' : ''}`,
        );
        if (holds) {
          return {
            status: 'succeeded',
            output: lines.join('\n'),
            truncatedBytes: 0,
            timedOut: false,
            summary: `${q.signal} of ${q.service} is ${fmt(r.value)} (${below ? '<' : '>'} ${threshold}) after ${n} reading${n > 1 ? 's' : ''}`,
            detail: { value: r.value, readings: n, durationMs: o.now() - started },
          };
        }
      } else {
        lines.push(
          `${t} ${q.signal} of ${q.service}: ${r.state === 'no-data' ? 'no data' : `source failed (${r.detail})`}`,
        );
      }
      if (deadline.aborted || !(await abortableSleep(Number(action.everyMs), deadline))) break;
    }
    const timedOut = !ctx.signal.aborted;
    const summary = `${q.signal} of ${q.service} did not get ${below ? 'below' : 'above'} ${threshold}${
      last !== undefined ? ` (last ${fmt(last)})` : ''
    } within ${ctx.timeoutMs / 1000}s`;
    return {
      status: 'failed',
      output: lines.slice(-200).join('\n'),
      truncatedBytes: 0,
      timedOut,
      summary,
      detail: { ...(last !== undefined ? { value: last } : {}), durationMs: o.now() - started },
    };
  };
}
