const marks = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `$${from + i}`).join(', ');

/**
 * The "seen before" look-up's statements, for `n` features or incidents (PostgreSQL placeholders).
 * Exported for the storage contract test, which EXPLAINs them on both backends: each must read
 * through an index (the inverted index's primary key, the incident index), never scan a table.
 */
export const SEEN_BEFORE_SQL = {
  /** The `limit` incidents sharing the most weight of the `n` features; params: features…, excluded id, limit. */
  candidates: (n: number) =>
    `SELECT f.incident_id, SUM(f.weight) AS shared, MAX(i.resolved_at) AS resolved_at
       FROM seen_before_features f JOIN seen_before_incidents i ON i.incident_id = f.incident_id
      WHERE f.feature IN (${marks(n)}) AND f.incident_id <> $${n + 1}
      GROUP BY f.incident_id
      ORDER BY shared DESC, resolved_at DESC, f.incident_id
      LIMIT $${n + 2}`,
  /** The summaries of `n` incidents; params: ids…. */
  summaries: (n: number) =>
    `SELECT incident_id, resolved_at, summary FROM seen_before_incidents WHERE incident_id IN (${marks(n)})`,
  /** The whole fingerprints of `n` incidents; params: ids…. */
  fingerprints: (n: number) =>
    `SELECT incident_id, feature, weight FROM seen_before_features WHERE incident_id IN (${marks(n)}) ORDER BY incident_id, feature`,
} as const;
