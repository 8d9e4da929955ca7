import type { ActionValue } from './action-value.ts';

/** A button value: compact JSON `{"i":…,"h":…,"r":…}`. */
export function encodeActionValue(v: ActionValue): string {
  return JSON.stringify({
    i: v.incidentId,
    ...(v.hypothesisId ? { h: v.hypothesisId } : {}),
    ...(v.runbookId ? { r: v.runbookId } : {}),
  });
}
