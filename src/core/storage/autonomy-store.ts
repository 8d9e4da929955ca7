import type { AuditActor } from '../audit/audit-actor.ts';
import type { Demotion } from '../autonomy/demotion.ts';
import type { AutonomousRunMark } from '../autonomy/evaluate-gates.ts';
import type { Pause } from '../autonomy/pause.ts';
import type { ShadowOutcome, ShadowRecord } from '../autonomy/shadow-record.ts';

/**
 * Where an autonomous run stands: announced and counting down, stopped by a person, claimed and
 * running, finished, or undone on request (its rollback run, once).
 */
export type CountdownState = 'counting' | 'stopped' | 'running' | 'finished' | 'undone';

/** An autonomous step announced in the thread: it runs at `dueAt` unless someone stops it first. */
export type Countdown = {
  readonly runId: string;
  readonly incidentId: string;
  readonly runbook: string;
  readonly service: string;
  readonly step: number;
  readonly announcedAt: number;
  readonly dueAt: number;
  readonly state: CountdownState;
  readonly settledBy: AuditActor | undefined;
  readonly settledAt: number | undefined;
};

/**
 * Earned autonomy's durable state: shadow records (one per incident and runbook), pauses (one per
 * scope), demotions, and countdowns. Moves of a countdown are conditional (of concurrent callers,
 * exactly one moves it), as for run steps.
 */
export type AutonomyStore = {
  /** Records what a runbook would have run for an incident; a second record for the same pair keeps the first. */
  recordShadow(
    r: Omit<ShadowRecord, 'outcome' | 'scoredAt' | 'reason'>,
  ): Promise<{ readonly created: boolean; readonly record: ShadowRecord }>;
  shadow(incidentId: string, runbookId: string): Promise<ShadowRecord | undefined>;
  /** Of one incident, oldest first. */
  shadowsOf(incidentId: string): Promise<ShadowRecord[]>;
  /** Of one runbook (or all), oldest first. */
  shadows(runbookId?: string): Promise<ShadowRecord[]>;
  /** Sets a record's outcome; false when it is unknown or already had that outcome. */
  score(id: string, outcome: ShadowOutcome, reason: string | undefined, at: number): Promise<boolean>;
  /** Sets (or replaces) the pause of a scope (a service or `all`). */
  pause(p: Pause): Promise<void>;
  /** Lifts the pause of a scope, or every pause; the scopes lifted. */
  resume(scope?: string): Promise<string[]>;
  pauses(): Promise<Pause[]>;
  /** Records a demotion (the same runbook, incident and cause once). */
  demote(d: Demotion): Promise<boolean>;
  demotions(runbookId?: string): Promise<Demotion[]>;
  /** Announces an autonomous step (one per run); false when the run already has one. */
  announce(c: Omit<Countdown, 'state' | 'settledBy' | 'settledAt'>): Promise<boolean>;
  countdown(runId: string): Promise<Countdown | undefined>;
  /** Conditional: moves the countdown only while it is in `from` (and, for a claim, only once due). */
  moveCountdown(
    runId: string,
    from: CountdownState,
    to: CountdownState,
    at: number,
    by: AuditActor,
  ): Promise<Countdown | undefined>;
  /** Countdowns still counting, earliest due first. */
  counting(): Promise<Countdown[]>;
  /** Autonomous runs on a service announced after `since` (not stopped), for the rate limit. */
  autonomousRuns(service: string, since: number): Promise<AutonomousRunMark[]>;
  /** Of one incident. */
  countdownsOf(incidentId: string): Promise<Countdown[]>;
};
