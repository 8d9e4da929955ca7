import type { AutonomySettings } from '../../core/autonomy/autonomy-settings.ts';
import type { Pager } from '../../core/paging/pager.ts';
import type { ApprovalPolicy } from '../../core/runbooks/approval-policy.ts';
import type { ExecutorRegistry } from '../../core/runbooks/executor-registry.ts';
import type { RunbookCatalog } from '../../core/runbooks/runbook-catalog.ts';
import type { AuditLog } from '../../core/storage/audit-log.ts';
import type { AutonomyStore } from '../../core/storage/autonomy-store.ts';
import type { EffectJournal } from '../../core/storage/effect-journal.ts';
import type { FeedbackStore } from '../../core/storage/feedback-store.ts';
import type { IncidentStore } from '../../core/storage/incident-store.ts';
import type { RunStore } from '../../core/storage/run-store.ts';

/** Everything the autonomy use-cases use; each declares the part it needs (`Pick<AutonomyDeps, …>`). */
export type AutonomyDeps = {
  readonly autonomy: AutonomyStore;
  readonly runs: RunStore;
  readonly feedback: FeedbackStore;
  readonly incidents: IncidentStore;
  readonly audit: AuditLog;
  readonly effects: EffectJournal;
  /** Pages people (PagerDuty); undefined: nobody is paged, the thread says so. */
  readonly pager: Pager | undefined;
  readonly catalog: RunbookCatalog;
  readonly executors: ExecutorRegistry;
  readonly policy: ApprovalPolicy;
  readonly settings: AutonomySettings;
  /** Epoch milliseconds. */
  readonly now: () => number;
  readonly newId: () => string;
};
