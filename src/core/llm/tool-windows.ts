import type { TimeWindow } from '../model/time-window.ts';

const MINUTE = 60_000;

/**
 * The windows a follow-up tool compares: the `minutes` (default: the triage's incident window)
 * ending at the anchor, and the window before it (at least 30 minutes), both clamped to the range
 * the incident's sources were read for. Nothing outside that range is ever queried.
 */
export function toolWindows(
  range: TimeWindow,
  anchor: number,
  minutes: number | null | undefined,
  defaultMs: number,
): { readonly incident: TimeWindow; readonly baseline: TimeWindow } {
  const end = Math.min(Math.max(anchor, range.from + 2 * MINUTE), range.to);
  const want = minutes ? minutes * MINUTE : defaultMs;
  const len = Math.max(MINUTE, Math.min(want, Math.floor((end - range.from) / 2)));
  const incident = { from: end - len, to: end };
  const baseLen = Math.max(len, 30 * MINUTE);
  return { incident, baseline: { from: Math.max(range.from, incident.from - baseLen), to: incident.from } };
}
