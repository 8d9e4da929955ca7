/** A key for a label set, the same whatever the order of its labels (`prefix` first). */
export function labelKey(prefix: string, labels: Readonly<Record<string, string>>): string {
  return `${prefix}\u0000${Object.entries(labels)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('\u0000')}`;
}
