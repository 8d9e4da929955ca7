import { join } from 'node:path';
import { FAULT_KINDS, type FaultKind } from '../../core/model/fault-kind.ts';
import type { Truth } from '../../core/model/truth.ts';
import type { Result } from '../../core/result/result.ts';
import { DEFAULT_MAX_LINE_BYTES } from '../../core/sources/default-max-line-bytes.ts';
import { BundleLineError } from './bundle-line-error.ts';
import { readBoundedText } from './read-bounded-text.ts';

/** A bundle's truth.json (evaluation only), or undefined when the bundle has none. */
export async function readTruth(
  dir: string,
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
): Promise<Result<Truth | undefined, string>> {
  let text: string;
  try {
    text = await readBoundedText(join(dir, 'truth.json'), maxLineBytes);
  } catch (e) {
    if (e instanceof BundleLineError) return { ok: false, error: `truth.json:${e.lineNo}: ${e.detail}` };
    return { ok: true, value: undefined };
  }
  let d: unknown;
  try {
    d = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `truth.json: not valid JSON (${(e as Error).message})` };
  }
  const t = d as Record<string, unknown>;
  if (!t || typeof t.service !== 'string' || t.service === '')
    return { ok: false, error: 'truth.json: field service: missing' };
  if (typeof t.kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(t.kind)) {
    return {
      ok: false,
      error: `truth.json: field kind: ${JSON.stringify(t.kind)} is not one of ${FAULT_KINDS.join(', ')}`,
    };
  }
  return {
    ok: true,
    value: {
      service: t.service,
      kind: t.kind as FaultKind,
      ...(typeof t.changeId === 'string' && t.changeId ? { changeId: t.changeId } : {}),
      ...(typeof t.note === 'string' ? { note: t.note } : {}),
    },
  };
}
