/** The journal id of an incident's investigation (attempt 1, or a retry after an unknown outcome). */
export function investigationId(incidentId: string, attempt = 1): string {
  return attempt === 1 ? `investigation:${incidentId}` : `investigation:${incidentId}#${attempt}`;
}
