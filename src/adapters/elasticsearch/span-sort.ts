import type { TraceFields } from './trace-fields.ts';

/** Spans in bundle order when the seed recorded it (`event.sequence`), else by start time. */
export function spanSort(f: TraceFields): Record<string, unknown>[] {
  return [
    ...(f.sequence ? [{ [f.sequence]: { order: 'asc', missing: '_last', unmapped_type: 'long' } }] : []),
    { [f.start]: { order: 'asc' } },
    { _shard_doc: { order: 'asc' } },
  ];
}
