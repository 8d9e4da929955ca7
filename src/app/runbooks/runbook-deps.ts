import type { ApprovalPolicy } from '../../core/runbooks/approval-policy.ts';
import type { ExecutorRegistry } from '../../core/runbooks/executor-registry.ts';
import type { RunbookCatalog } from '../../core/runbooks/runbook-catalog.ts';
import type { AuditLog } from '../../core/storage/audit-log.ts';
import type { EffectJournal } from '../../core/storage/effect-journal.ts';
import type { RunStore } from '../../core/storage/run-store.ts';

/** Everything the runbook use-cases use; each declares the part it needs (`Pick<RunbookDeps, …>`). */
export type RunbookDeps = {
  readonly runs: RunStore;
  readonly audit: AuditLog;
  readonly effects: EffectJournal;
  readonly catalog: RunbookCatalog;
  readonly executors: ExecutorRegistry;
  readonly policy: ApprovalPolicy;
  /** Epoch milliseconds. */
  readonly now: () => number;
  /** A new, unique run id. */
  readonly newId: () => string;
};
