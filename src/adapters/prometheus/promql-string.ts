/** A PromQL string literal (double-quoted; backslash, quote and newline escaped). */
export function promqlString(v: string): string {
  return `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
