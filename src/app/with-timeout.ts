import type { SourceResult } from '../core/telemetry/source-result.ts';

/**
 * Runs one source call with its own deadline: on timeout the call's signal is aborted and a
 * typed SOURCE_TIMEOUT failure is returned; an unexpected throw becomes SOURCE_UNAVAILABLE.
 * Never rejects.
 */
export async function withTimeout<T>(
  label: string,
  ms: number,
  call: (signal: AbortSignal) => Promise<SourceResult<T>>,
): Promise<SourceResult<T>> {
  const ctl = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<SourceResult<T>>((resolve) => {
    timer = setTimeout(() => {
      ctl.abort(new Error(`${label} timed out after ${ms} ms`));
      resolve({ state: 'failed', code: 'SOURCE_TIMEOUT', detail: `${label}: no answer within ${ms} ms` });
    }, ms);
  });
  const work = call(ctl.signal).catch(
    (e: unknown): SourceResult<T> => ({
      state: 'failed',
      code: 'SOURCE_UNAVAILABLE',
      detail: `${label}: ${e instanceof Error ? e.message : String(e)}`,
    }),
  );
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
