import { join } from 'node:path';
import { otlpSeedSpans } from '../../adapters/elasticsearch/seed/otlp-seed-spans.ts';
import type { SeedSpan } from '../../adapters/elasticsearch/seed/seed-span.ts';
import { describeReadError } from '../../adapters/files/describe-read-error.ts';
import { fileExists } from '../../adapters/files/file-exists.ts';
import { readBoundedText } from '../../adapters/files/read-bounded-text.ts';
import { readChanges } from '../../adapters/files/read-changes.ts';
import { readNdjson } from '../../adapters/files/read-ndjson.ts';
import type { CausewayError } from '../../core/errors/causeway-error.ts';
import { parseEcsLog } from '../../core/formats/parse-ecs-log.ts';
import { parseOtlpRequest } from '../../core/formats/parse-otlp-request.ts';
import type { Result } from '../../core/result/result.ts';
import { DEFAULT_MAX_LINE_BYTES } from '../../core/sources/default-max-line-bytes.ts';

export type BundleDocs = {
  /** ECS log documents as they are in the file, each with its line number as `event.sequence`. */
  readonly logs: Record<string, unknown>[];
  readonly spans: SeedSpan[];
  readonly changes: Record<string, unknown>[];
};

/**
 * A bundle's logs, spans and changes, validated exactly as the file connectors validate them
 * (a malformed record fails naming the file, line and field), ready to be seeded.
 */
export async function readBundleDocs(
  dir: string,
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
): Promise<Result<BundleDocs, CausewayError>> {
  const logs: Record<string, unknown>[] = [];
  const spans: SeedSpan[] = [];
  const logPath = join(dir, 'logs.ndjson');
  const tracePath = join(dir, 'traces.ndjson');
  try {
    if (await fileExists(logPath)) {
      for await (const { lineNo, value } of readNdjson(logPath, maxLineBytes)) {
        const rec = parseEcsLog(value);
        if (!rec.ok) return invalid(`logs.ndjson:${lineNo}: field ${rec.error.field}: ${rec.error.message}`);
        logs.push({ ...(value as Record<string, unknown>), 'event.sequence': lineNo });
      }
    }
  } catch (e) {
    return fromRead(logPath, e);
  }
  try {
    if (await fileExists(tracePath)) {
      for await (const { lineNo, value } of readNdjson(tracePath, maxLineBytes)) {
        const r = parseOtlpRequest(value);
        if (!r.ok) return invalid(`traces.ndjson:${lineNo}: field ${r.error.field}: ${r.error.message}`);
        spans.push(...otlpSeedSpans(value, spans.length));
      }
    }
  } catch (e) {
    return fromRead(tracePath, e);
  }
  const changes: Record<string, unknown>[] = [];
  const c = await readChanges(join(dir, 'changes.json'), maxLineBytes);
  if (c.state === 'failed') return { ok: false, error: { code: c.code, message: c.detail } };
  if (c.state === 'ok') {
    // Validated above; index the records as written (the connector parses them the same way).
    const raw: unknown = JSON.parse(await readBoundedText(join(dir, 'changes.json'), maxLineBytes));
    for (const x of raw as Record<string, unknown>[]) changes.push(x);
  }
  return { ok: true, value: { logs, spans, changes } };
}

function invalid(message: string): { ok: false; error: CausewayError } {
  return { ok: false, error: { code: 'INPUT_INVALID', message } };
}

function fromRead(path: string, e: unknown): { ok: false; error: CausewayError } {
  const r = describeReadError(path, e);
  return r.state === 'failed'
    ? { ok: false, error: { code: r.code, message: r.detail } }
    : { ok: false, error: { code: 'INTERNAL', message: String(e) } };
}
