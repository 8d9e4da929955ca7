import type { Migration } from './migration.ts';

/** Where the earlier code kept a grouped alert's own fingerprint (its `fingerprint` held the group key). */
const OWN = `'causeway.fingerprint'`;

/**
 * The group key an incident is claimed under gets its own column: `incident_alerts.group_key`,
 * and the claim table `open_groups (group_key)` (was `open_fingerprints (fingerprint)`), so an
 * alert keeps its own fingerprint everywhere and `incident_fingerprints` lists real fingerprints.
 * Rows written before: the group key was stored as the alert's fingerprint and the own one in the
 * annotation `causeway.fingerprint`; they are rewritten here (the alert JSON is left as written and
 * mended when read).
 */
export const m003GroupKeys: Migration = {
  version: 3,
  name: 'group keys',
  statements: (dialect) => {
    const own =
      dialect === 'postgres'
        ? `(alert::jsonb -> 'annotations' ->> ${OWN})`
        : `json_extract(alert, '$.annotations."causeway.fingerprint"')`;
    return [
      'ALTER TABLE open_fingerprints RENAME TO open_groups',
      'ALTER TABLE open_groups RENAME COLUMN fingerprint TO group_key',
      'ALTER TABLE incident_alerts ADD COLUMN group_key TEXT',
      'UPDATE incident_alerts SET group_key = fingerprint',
      `UPDATE incident_alerts SET fingerprint = ${own} WHERE ${own} IS NOT NULL`,
      // incident_fingerprints held the group keys of grouped alerts: list their own fingerprints instead.
      `INSERT INTO incident_fingerprints (incident_id, fingerprint, first_n, first_seen, last_seen, alerts)
         SELECT incident_id, fingerprint, MIN(n), MIN(received_at), MAX(received_at), COUNT(*)
         FROM incident_alerts WHERE group_key <> fingerprint GROUP BY incident_id, fingerprint
         ON CONFLICT (incident_id, fingerprint) DO NOTHING`,
      `DELETE FROM incident_fingerprints WHERE EXISTS (
         SELECT 1 FROM incident_alerts a WHERE a.incident_id = incident_fingerprints.incident_id
           AND a.group_key = incident_fingerprints.fingerprint AND a.group_key <> a.fingerprint)`,
      'CREATE INDEX incident_fingerprints_fingerprint ON incident_fingerprints (fingerprint)',
    ];
  },
};
