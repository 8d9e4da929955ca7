import type { AuditActor } from '../audit/audit-actor.ts';

/** A person's verdict on a hypothesis (or on the incident's triage as a whole). */
export type Feedback = {
  readonly incidentId: string;
  /** Undefined: feedback on the triage as a whole. */
  readonly hypothesisId: string | undefined;
  readonly user: AuditActor;
  readonly verdict: 'confirmed' | 'rejected' | 'unsure';
  readonly note: string | undefined;
  readonly at: number;
};

/** Feedback, one current verdict per (incident, hypothesis, user): voting again replaces it. */
export type FeedbackStore = {
  record(feedback: Feedback): Promise<Feedback>;
  /** Oldest first. */
  list(incidentId: string): Promise<Feedback[]>;
};
