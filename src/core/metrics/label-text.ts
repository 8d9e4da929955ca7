/** A series' labels as evidence shows them, in the order the series holds them: `k=v,k=v`. */
export function labelText(labels: Readonly<Record<string, string>>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}
