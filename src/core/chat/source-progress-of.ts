import type { SourceStatus } from '../model/source-status.ts';
import type { SourceProgress } from './incident-view.ts';

/** A settled source's status as progress. */
export function sourceProgressOf(s: SourceStatus): SourceProgress {
  if (s.state === 'ok') return { state: 'ok' };
  if (s.state === 'no-data') return s.detail ? { state: 'no-data', detail: s.detail } : { state: 'no-data' };
  return { state: 'failed', detail: s.detail };
}
