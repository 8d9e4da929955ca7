/** What one timeline entry is about. */
export type TimelineKind =
  | 'onset'
  | 'alert'
  | 'opened'
  | 'source'
  | 'hypotheses'
  | 'proposed'
  | 'approval'
  | 'refused'
  | 'step'
  | 'verification'
  | 'run'
  | 'feedback'
  | 'resolved';

/** Where an entry comes from: its audit record (by sequence number) and/or a piece of evidence (by id). */
export type TimelineRef = { readonly audit?: number; readonly evidence?: string };

export type TimelineEntry = {
  /** Epoch ms. */
  readonly at: number;
  readonly kind: TimelineKind;
  readonly text: string;
  readonly ref: TimelineRef;
};

/**
 * The derived durations (ms), each undefined when its end has not happened. Detection is measured
 * on the telemetry's clock (onset → the first alert's own start); the others from the moment
 * Causeway received the first alert (the incident opened): first hypothesis = → first ranking;
 * mitigate = → first runbook run that succeeded; resolve = → resolution.
 */
export type IncidentDurations = {
  readonly detectMs: number | undefined;
  readonly firstHypothesisMs: number | undefined;
  readonly mitigateMs: number | undefined;
  readonly resolveMs: number | undefined;
};

/** The moments the durations are measured between (epoch ms). */
export type IncidentMarks = {
  readonly onset: number | undefined;
  /** The first firing alert's own start (`startsAt`). */
  readonly firstAlert: number;
  /** When Causeway received it: the incident opened. */
  readonly received: number;
  readonly firstHypothesis: number | undefined;
  readonly mitigated: number | undefined;
  readonly resolved: number | undefined;
};

export type IncidentTimeline = {
  readonly incidentId: string;
  readonly title: string;
  readonly entries: readonly TimelineEntry[];
  readonly marks: IncidentMarks;
  readonly durations: IncidentDurations;
};
