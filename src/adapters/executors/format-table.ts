/** Rows as a plain-text table with aligned columns; cells are single-line and cut at `maxCell` characters. */
export function formatTable(columns: readonly string[], rows: readonly (readonly string[])[], maxCell = 120): string {
  const clean = (s: string) => {
    const one = s.replace(/\s+/g, ' ').trim();
    return one.length > maxCell ? `${one.slice(0, maxCell - 1)}…` : one;
  };
  const body = rows.map((r) => columns.map((_, i) => clean(r[i] ?? '')));
  const widths = columns.map((c, i) => Math.max(c.length, ...body.map((r) => (r[i] as string).length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
