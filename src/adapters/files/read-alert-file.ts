import { basename } from 'node:path';
import type { CausewayError } from '../../core/errors/causeway-error.ts';
import { type AlertmanagerPayload, parseAlertmanagerPayload } from '../../core/formats/parse-alertmanager-payload.ts';
import type { Result } from '../../core/result/result.ts';
import { DEFAULT_MAX_LINE_BYTES } from '../../core/sources/default-max-line-bytes.ts';
import { BundleLineError } from './bundle-line-error.ts';
import { readBoundedText } from './read-bounded-text.ts';

/** Reads an Alertmanager webhook body from a file (a bundle's alert.json; UTF-8, no line longer than `maxLineBytes`). */
export async function readAlertFile(
  path: string,
  serviceLabels?: readonly string[],
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
): Promise<Result<AlertmanagerPayload, CausewayError>> {
  const file = basename(path);
  let text: string;
  try {
    text = await readBoundedText(path, maxLineBytes);
  } catch (e) {
    if (e instanceof BundleLineError)
      return { ok: false, error: { code: 'INPUT_INVALID', message: `${file}:${e.lineNo}: ${e.detail}` } };
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      ok: false,
      error: {
        code: missing ? 'INPUT_MISSING' : 'INPUT_INVALID',
        message: `${path}: ${missing ? 'not found' : (e as Error).message}`,
      },
    };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      error: { code: 'INPUT_INVALID', message: `${file}: not valid JSON (${(e as Error).message})` },
    };
  }
  const r = parseAlertmanagerPayload(doc, serviceLabels);
  if (!r.ok)
    return {
      ok: false,
      error: { code: 'INPUT_INVALID', message: `${file}: field ${r.error.field}: ${r.error.message}` },
    };
  return r;
}
