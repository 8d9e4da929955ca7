import type { FieldError } from '../formats/field-error.ts';
import { parseChangeEvent } from '../formats/parse-change-event.ts';
import type { ChangeEvent } from '../model/change-event.ts';
import type { Result } from '../result/result.ts';
import type { NormalizedDelivery } from './normalized-delivery.ts';

/** Change events in the bundle spec's shape: one object, an array, or `{"changes": [...]}`; errors name the index and field. */
export function normalizeGenericChanges(doc: unknown): Result<NormalizedDelivery, FieldError> {
  const wrapped = doc !== null && typeof doc === 'object' && !Array.isArray(doc) && 'changes' in doc;
  const list = Array.isArray(doc) ? doc : wrapped ? (doc as { changes: unknown }).changes : [doc];
  const base = Array.isArray(doc) ? '' : wrapped ? 'changes' : undefined;
  if (!Array.isArray(list) || list.length === 0)
    return { ok: false, error: { field: base || 'changes', message: 'expected a non-empty array of change events' } };
  const changes: ChangeEvent[] = [];
  for (let i = 0; i < list.length; i++) {
    const r = parseChangeEvent(list[i]);
    if (!r.ok) {
      const at = base === undefined ? '' : `${base}[${i}]`;
      const field = r.error.field === '(record)' ? at || '(document)' : at ? `${at}.${r.error.field}` : r.error.field;
      return { ok: false, error: { field, message: r.error.message } };
    }
    changes.push(r.value);
  }
  return { ok: true, value: { kind: 'changes', changes } };
}
