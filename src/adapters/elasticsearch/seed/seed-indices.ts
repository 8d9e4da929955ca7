import type { Client } from '@elastic/elasticsearch';
import type { CausewayError } from '../../../core/errors/causeway-error.ts';
import type { Result } from '../../../core/result/result.ts';
import { esFailure } from '../es-failure.ts';
import type { TraceFields } from '../trace-fields.ts';
import { INDEX_MAPPINGS } from './index-mappings.ts';
import type { SeedIndexNames } from './seed-index-names.ts';

type Docs = Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>;

export type SeedInput = {
  readonly url: string;
  readonly names: SeedIndexNames;
  readonly schema: TraceFields['schema'];
  /** Delete indices of the same names first (else their existence is an error). */
  readonly replace: boolean;
  readonly logs: Docs;
  readonly spans: Docs;
  readonly changes: Docs;
  /** Primary shards per index (1 unless a benchmark wants more). */
  readonly shards?: number;
};

export type SeedCounts = { readonly logs: number; readonly spans: number; readonly changes: number };

/**
 * Creates the three indices with explicit mappings and bulk-loads the documents through the
 * client's bulk helper (refresh off while loading, one refresh at the end). Any rejected document
 * fails the seed, naming the first one and the reason.
 */
export async function seedIndices(client: Client, input: SeedInput): Promise<Result<SeedCounts, CausewayError>> {
  const { names } = input;
  const mapping = { logs: INDEX_MAPPINGS.logs, traces: INDEX_MAPPINGS[input.schema], changes: INDEX_MAPPINGS.changes };
  try {
    for (const key of ['logs', 'traces', 'changes'] as const) {
      const index = names[key];
      if (await client.indices.exists({ index })) {
        if (!input.replace) {
          return fail(
            'SEED_REJECTED',
            `index ${index} already exists at ${input.url} (pass --replace to overwrite it)`,
          );
        }
        await client.indices.delete({ index });
      }
      await client.indices.create({
        index,
        settings: { number_of_shards: input.shards ?? 1, number_of_replicas: 0, refresh_interval: '-1' },
        mappings: mapping[key] as never,
      });
    }
    const counts = { logs: 0, spans: 0, changes: 0 };
    for (const [key, docs, index] of [
      ['logs', input.logs, names.logs],
      ['spans', input.spans, names.traces],
      ['changes', input.changes, names.changes],
    ] as const) {
      let dropped: string | undefined;
      const stats = await client.helpers.bulk<Record<string, unknown>>({
        datasource: toAsyncIterator(docs),
        onDocument: () => ({ index: { _index: index } }),
        flushBytes: 5_000_000,
        concurrency: 2,
        retries: 0,
        onDrop: (d) => {
          dropped ??= `${index}: ${d.error?.type ?? 'rejected'}: ${d.error?.reason ?? ''} (document ${JSON.stringify(d.document).slice(0, 200)})`;
        },
      });
      if (dropped) return fail('SEED_REJECTED', `${stats.failed} documents rejected; first: ${dropped}`);
      counts[key] = stats.successful;
      await client.indices.putSettings({ index, settings: { refresh_interval: null as unknown as string } });
      await client.indices.refresh({ index });
    }
    return { ok: true, value: counts };
  } catch (e) {
    const f = esFailure(e, input.url);
    return fail(f.code, f.detail);
  }
}

async function* toAsyncIterator(docs: Docs): AsyncGenerator<Record<string, unknown>> {
  for await (const d of docs) yield d;
}

function fail(code: CausewayError['code'], message: string): { ok: false; error: CausewayError } {
  return { ok: false, error: { code, message } };
}
