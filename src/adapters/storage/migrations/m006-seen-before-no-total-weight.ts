import type { Migration } from './migration.ts';

/**
 * "Seen before" never read an incident's total feature weight (the similarity is computed from
 * the whole fingerprints of the candidates found): `seen_before_incidents.total_weight` is dropped.
 */
export const m006SeenBeforeNoTotalWeight: Migration = {
  version: 6,
  name: 'seen before: no total weight',
  statements: () => ['ALTER TABLE seen_before_incidents DROP COLUMN total_weight'],
};
