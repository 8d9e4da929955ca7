import type { ChangeEvent } from '../model/change-event.ts';
import { CHANGE_TYPES, type ChangeType } from '../model/change-type.ts';
import type { Result } from '../result/result.ts';
import type { FieldError } from './field-error.ts';
import { parseTimestamp } from './parse-timestamp.ts';
import { serviceFromPodName } from './service-from-pod-name.ts';

/** One change event in the bundle spec's shape → ChangeEvent, or the first field that is wrong. */
export function parseChangeEvent(doc: unknown): Result<ChangeEvent, FieldError> {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return { ok: false, error: { field: '(record)', message: 'expected a JSON object' } };
  }
  const d = doc as Record<string, unknown>;
  const id = d.id;
  if (typeof id !== 'string' || id === '') return fail('id', 'missing or empty (required)');
  const type = d.type;
  if (typeof type !== 'string' || !(CHANGE_TYPES as readonly string[]).includes(type)) {
    return fail('type', `${JSON.stringify(type)} is not one of ${CHANGE_TYPES.join(', ')}`);
  }
  const service = d.service;
  if (typeof service !== 'string' || service === '') return fail('service', 'missing or empty (required)');
  const started = parseTimestamp(d.startedAt, 'rfc3339');
  if (!started.ok) return fail('startedAt', started.error === 'missing' ? 'missing (required)' : started.error);
  const startedAt = started.value;
  let finishedAt: number | undefined;
  if (d.finishedAt !== undefined && d.finishedAt !== null) {
    const finished = parseTimestamp(d.finishedAt, 'rfc3339');
    if (!finished.ok) return fail('finishedAt', finished.error);
    finishedAt = finished.value;
  }
  return {
    ok: true,
    value: {
      id,
      type: type as ChangeType,
      service: serviceFromPodName(service),
      startedAt,
      finishedAt,
      environment: opt(d.environment),
      version: opt(d.version),
      previousVersion: opt(d.previousVersion),
      status: opt(d.status),
      author: opt(d.author),
      commit: opt(d.commit),
      url: opt(d.url),
      description: opt(d.description),
    },
  };
}

function opt(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function fail(field: string, message: string): { ok: false; error: FieldError } {
  return { ok: false, error: { field, message } };
}
