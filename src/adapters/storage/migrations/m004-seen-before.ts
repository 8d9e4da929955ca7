import type { Migration } from './migration.ts';

/**
 * "Seen before": each resolved incident's fingerprint (what it was, what fixed it) and an inverted
 * index of its features (feature → incidents), so a new incident's look-up reads only the past
 * incidents sharing a feature with it, never the whole history.
 */
export const m004SeenBefore: Migration = {
  version: 4,
  name: 'seen before',
  statements: (dialect) => {
    const big = dialect === 'postgres' ? 'BIGINT' : 'INTEGER';
    const real = dialect === 'postgres' ? 'DOUBLE PRECISION' : 'REAL';
    return [
      `CREATE TABLE seen_before_incidents (
         incident_id TEXT PRIMARY KEY,
         resolved_at ${big} NOT NULL,
         total_weight ${real} NOT NULL,
         summary TEXT NOT NULL
       )`,
      `CREATE TABLE seen_before_features (
         feature TEXT NOT NULL,
         incident_id TEXT NOT NULL,
         weight ${real} NOT NULL,
         PRIMARY KEY (feature, incident_id)
       )`,
      'CREATE INDEX seen_before_features_incident ON seen_before_features (incident_id)',
    ];
  },
};
