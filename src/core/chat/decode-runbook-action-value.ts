import type { RunbookActionValue } from './runbook-action-value.ts';

/** Reads a runbook button value (never throws): undefined when it is not one. */
export function decodeRunbookActionValue(value: unknown): RunbookActionValue | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.r !== 'string' || o.r === '') return undefined;
  if (o.s !== undefined && !(Number.isInteger(o.s) && (o.s as number) >= 0)) return undefined;
  if (o.h !== undefined && (typeof o.h !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(o.h))) return undefined;
  return {
    runId: o.r,
    ...(typeof o.s === 'number' ? { step: o.s } : {}),
    ...(typeof o.h === 'string' ? { stepHash: o.h } : {}),
  };
}
