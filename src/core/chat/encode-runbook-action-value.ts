import type { RunbookActionValue } from './runbook-action-value.ts';

/** A runbook button value: compact JSON `{"r":runId,"s":step,"h":stepHash}` (well under Slack's 2000 characters). */
export function encodeRunbookActionValue(v: RunbookActionValue): string {
  return JSON.stringify({
    r: v.runId,
    ...(v.step !== undefined ? { s: v.step } : {}),
    ...(v.stepHash !== undefined ? { h: v.stepHash } : {}),
  });
}
