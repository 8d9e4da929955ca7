import type { AuditActor } from '../audit/audit-actor.ts';
import type { AuditRecord } from '../audit/audit-record.ts';

export type EffectState = 'started' | 'succeeded' | 'failed' | 'outcome-unknown';

/** One effect on the outside world (a runbook step, a chat post …) in the write-ahead journal. */
export type Effect = {
  readonly id: string;
  readonly kind: string;
  readonly subject: string;
  readonly incidentId: string | undefined;
  readonly actor: AuditActor;
  readonly state: EffectState;
  /** Which process (instance id) started it: recovery after a restart closes only its own. */
  readonly owner: string;
  readonly startedAt: number;
  readonly finishedAt: number | undefined;
  /** Audit seq of the `step.started` record and of the closing record. */
  readonly startedSeq: number;
  readonly finishedSeq: number | undefined;
};

export type EffectStart = {
  /** Unique per effect (e.g. `run:r1/step:2`): a second `begin` with the same id starts nothing. */
  readonly id: string;
  readonly kind: string;
  readonly subject: string;
  readonly actor: AuditActor;
  readonly incidentId?: string;
  /** What exactly is about to run (rendered command, step hash …); audited, secrets redacted. */
  readonly intent?: Readonly<Record<string, unknown>>;
};

export type EffectEnd = {
  readonly status: 'succeeded' | 'failed';
  readonly exitCode?: number;
  /** Command output or response: audited as a payload referenced by hash when large. */
  readonly output?: string;
  readonly detail?: Readonly<Record<string, unknown>>;
};

/**
 * Write-ahead journal for effects. `begin` makes "started" durable (the effect row and a
 * `step.started` audit record in one transaction) before the caller runs the effect; `finish`
 * records the end. After a crash, `unfinished` lists what was started but never finished, and
 * `markOutcomeUnknown` closes it (`step.outcome-unknown`): it is never run again by itself. A
 * `finish` that arrives after that (another replica's effect was still running) is recorded too.
 */
export type EffectJournal = {
  begin(
    start: EffectStart,
  ): Promise<
    | { readonly started: true; readonly effect: Effect; readonly record: AuditRecord }
    | { readonly started: false; readonly effect: Effect }
  >;
  finish(id: string, end: EffectEnd): Promise<{ readonly effect: Effect; readonly record: AuditRecord } | undefined>;
  get(id: string): Promise<Effect | undefined>;
  /** Effects started but not finished, oldest first: by `owner`, or started before a time. */
  unfinished(filter?: { readonly owner?: string; readonly startedBefore?: number }): Promise<Effect[]>;
  markOutcomeUnknown(
    id: string,
    reason: string,
  ): Promise<{ readonly effect: Effect; readonly record: AuditRecord } | undefined>;
};
