/** A `range` filter for [from, to) in epoch milliseconds on a date or date_nanos field. */
export function timeRange(field: string, from: number, to: number): Record<string, unknown> {
  return { range: { [field]: { gte: from, lt: to, format: 'epoch_millis' } } };
}
