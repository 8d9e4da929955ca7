import { formatDuration } from './format-duration.ts';
import type { IncidentDurations } from './incident-timeline.ts';

/** The four derived durations as label/value pairs, in the order people read them. */
export function durationLines(d: IncidentDurations): readonly (readonly [string, string])[] {
  return [
    ['time to detect (onset → first alert)', formatDuration(d.detectMs)],
    ['time to first hypothesis (alert received → first ranking)', formatDuration(d.firstHypothesisMs)],
    ['time to mitigate (alert received → first successful run)', formatDuration(d.mitigateMs)],
    ['time to resolve (alert received → resolved)', formatDuration(d.resolveMs)],
  ];
}
