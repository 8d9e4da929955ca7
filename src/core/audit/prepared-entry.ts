import type { Payload } from './externalize-payloads.ts';

/** An entry checked, redacted and with its payloads split off: ready to be sealed at a sequence number. */
export type PreparedEntry = {
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  /** Canonical JSON of the redacted data. */
  readonly dataJson: string;
  /** `auditIncidentId(subject, data)`: indexed for `audit show --incident`, checked by verification. */
  readonly incidentId: string | undefined;
  readonly payloads: readonly Payload[];
};
