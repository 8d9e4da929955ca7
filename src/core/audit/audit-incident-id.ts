import type { JsonObject } from '../model/json-value.ts';

/**
 * The incident a record is filed under, derived from what its hash covers: `data.incidentId`
 * when it is a string, else the id of an `incident:<id>` subject. The writer stores it in the
 * indexed `incident_id` column; verification derives it again and compares.
 */
export function auditIncidentId(subject: string, data: JsonObject | undefined): string | undefined {
  const fromData = data !== undefined && typeof data.incidentId === 'string' ? data.incidentId : undefined;
  return fromData ?? (subject.startsWith('incident:') ? subject.slice('incident:'.length) : undefined);
}
