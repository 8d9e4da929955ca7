import { formatDuration } from './format-duration.ts';
import type { IncidentDurations } from './incident-timeline.ts';

/** The four derived durations as label/value pairs, in the order people read them. */
export function durationLines(d: IncidentDurations): readonly (readonly [string, string])[] {
  return [
    ['time to detect (onset → first alert)', formatDuration(d.detectMs)],
    ['time to first hypothesis (first alert → first ranking)', formatDuration(d.firstHypothesisMs)],
    ['time to mitigate (first alert → first successful run)', formatDuration(d.mitigateMs)],
    ['time to resolve (first alert → resolved)', formatDuration(d.resolveMs)],
  ];
}
