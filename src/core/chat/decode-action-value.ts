import type { ActionValue } from './action-value.ts';

/** Reads a button value written by `encodeActionValue`; undefined when it is not one (never throws). */
export function decodeActionValue(value: unknown): ActionValue | undefined {
  if (typeof value !== 'string') return undefined;
  let v: unknown;
  try {
    v = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.i !== 'string' || o.i === '') return undefined;
  return {
    incidentId: o.i,
    ...(typeof o.h === 'string' ? { hypothesisId: o.h } : {}),
    ...(typeof o.r === 'string' ? { runbookId: o.r } : {}),
  };
}
