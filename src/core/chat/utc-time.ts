/** `HH:MM:SS UTC` of an epoch-ms time (chat messages show UTC; Slack has no per-reader time zone in plain text). */
export function utcTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 19)} UTC`;
}
