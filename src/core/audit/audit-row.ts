/**
 * A record exactly as stored: `data` is its canonical JSON text. Verification hashes these
 * bytes, so nothing is re-serialised on the way; actor and action are unchecked strings here.
 */
export type AuditRow = {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly dataJson: string;
  readonly prevHash: string;
  readonly hash: string;
  /**
   * The indexed `incident_id` column (null: none). Not hashed: it is derived from the subject and
   * data (`auditIncidentId`), and verification derives it again and compares.
   */
  readonly incidentId: string | null;
};
