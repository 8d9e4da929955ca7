import type { ShadowRecord } from './shadow-record.ts';

/**
 * A runbook's shadow track record since it was last demoted: incidents recorded, how many were
 * scored (people acted), agreed and disagreed, and the latest agreed record (what earned it).
 */
export type ShadowTrack = {
  readonly runbookId: string;
  readonly recorded: number;
  readonly scored: number;
  readonly agreed: number;
  readonly disagreed: number;
  /** agreed / scored (0 when nothing was scored). */
  readonly agreement: number;
  /** agreed / recorded: how often what it would have run was, in the end, what people ran. */
  readonly precision: number;
  readonly earnedBy: ShadowRecord | undefined;
  /** When the runbook was last demoted (records before it do not count); undefined: never. */
  readonly since: number | undefined;
};

/** The track of one runbook from its shadow records, counting only those recorded after `since` (a demotion). */
export function shadowTrack(runbookId: string, records: readonly ShadowRecord[], since?: number): ShadowTrack {
  const mine = records.filter((r) => r.runbookId === runbookId && (since === undefined || r.recordedAt > since));
  const agreed = mine.filter((r) => r.outcome === 'agreed');
  const disagreed = mine.filter((r) => r.outcome === 'disagreed').length;
  const scored = agreed.length + disagreed;
  const latest = agreed.reduce<ShadowRecord | undefined>(
    (best, r) => (best === undefined || r.recordedAt > best.recordedAt ? r : best),
    undefined,
  );
  return {
    runbookId,
    recorded: mine.length,
    scored,
    agreed: agreed.length,
    disagreed,
    agreement: scored === 0 ? 0 : agreed.length / scored,
    precision: mine.length === 0 ? 0 : agreed.length / mine.length,
    earnedBy: latest,
    since,
  };
}
