import type { Storage } from '../../core/storage/storage.ts';

/** What the runbook flow did, as counted by `/metrics`. */
export type RunbookObserver = {
  readonly approval?: (decision: 'granted' | 'denied' | 'expired') => void;
  readonly execution?: (status: 'succeeded' | 'failed' | 'outcome-unknown') => void;
};

const DECISIONS = {
  'approval.granted': 'granted',
  'approval.denied': 'denied',
  'approval.expired': 'expired',
} as const;

/** Runbook steps are journalled as effects of kind `runbook.<executor>` (investigations are not). */
const isStep = (kind: string) => kind.startsWith('runbook.');

/**
 * The storage with its durable records observed: each approval decision appended to the audit log
 * and each runbook step the effect journal closes (succeeded, failed, or outcome-unknown after a
 * crash) is told to the observer once it is stored. Counting at the store means every path that
 * decides or runs (Slack buttons, expiry ticks, crash recovery) is counted, and nothing that
 * failed to be recorded is.
 */
export function observeStorage(storage: Storage, observer: RunbookObserver): Storage {
  const { audit, effects } = storage;
  return {
    ...storage,
    audit: {
      ...audit,
      async append(entry) {
        const record = await audit.append(entry);
        const decision = DECISIONS[entry.action as keyof typeof DECISIONS];
        if (decision) observer.approval?.(decision);
        return record;
      },
    },
    effects: {
      ...effects,
      async finish(id, end) {
        const r = await effects.finish(id, end);
        if (r && isStep(r.effect.kind)) observer.execution?.(end.status);
        return r;
      },
      async markOutcomeUnknown(id, reason) {
        const r = await effects.markOutcomeUnknown(id, reason);
        if (r && isStep(r.effect.kind)) observer.execution?.('outcome-unknown');
        return r;
      },
    },
  };
}
