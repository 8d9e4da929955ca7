/** How a shadow record was scored once people acted (or did not). */
export type ShadowOutcome = 'pending' | 'agreed' | 'disagreed' | 'no-outcome';

/** One step of the plan a runbook would have run, with the hash an approval (or a gate) binds to. */
export type ShadowStep = { readonly index: number; readonly id: string; readonly hash: string };

/**
 * What one runbook would have proposed and run for one incident, recorded without running
 * anything: the rendered plan's step hashes and a hash of the whole plan. Scored later against
 * what people approved, ran, rejected or said (👍/👎).
 */
export type ShadowRecord = {
  readonly id: string;
  readonly incidentId: string;
  readonly runbookId: string;
  readonly hypothesisId: string | undefined;
  readonly service: string | undefined;
  readonly kind: string | undefined;
  readonly probability: number | undefined;
  /** `sha256:…` of the canonical JSON of the step hashes, in order. */
  readonly planHash: string;
  readonly steps: readonly ShadowStep[];
  readonly recordedAt: number;
  readonly outcome: ShadowOutcome;
  readonly scoredAt: number | undefined;
  /** Why it was scored so (a few words), e.g. "run r1 of the same plan succeeded". */
  readonly reason: string | undefined;
};
