import { basename } from 'node:path';
import type { SourceResult } from '../../core/telemetry/source-result.ts';
import { BundleLineError } from './bundle-line-error.ts';

/** A failure while reading a bundle file, as a typed source failure naming the file (and line). */
export function describeReadError(path: string, e: unknown): SourceResult<never> {
  const file = basename(path);
  if (e instanceof BundleLineError) {
    return { state: 'failed', code: 'INPUT_INVALID', detail: `${file}:${e.lineNo}: ${e.detail}` };
  }
  if (e instanceof Error && e.name === 'AbortError') {
    return { state: 'failed', code: 'SOURCE_TIMEOUT', detail: `${file}: reading was stopped (timeout)` };
  }
  return { state: 'failed', code: 'SOURCE_UNAVAILABLE', detail: `${file}: ${(e as Error).message}` };
}
