import type { Client } from '@elastic/elasticsearch';
import { type SeedIndexNames, seedIndexNames } from '../../adapters/elasticsearch/seed/seed-index-names.ts';
import { type SeedCounts, seedIndices } from '../../adapters/elasticsearch/seed/seed-indices.ts';
import { spanDocs } from '../../adapters/elasticsearch/seed/span-docs.ts';
import type { TraceFields } from '../../adapters/elasticsearch/trace-fields.ts';
import type { CausewayError } from '../../core/errors/causeway-error.ts';
import type { Result } from '../../core/result/result.ts';
import { readBundleDocs } from './read-bundle-docs.ts';

export type SeedBundleOptions = {
  readonly url: string;
  readonly prefix: string;
  readonly schema: TraceFields['schema'];
  readonly replace: boolean;
  /** The longest line a bundle file may hold (sources.maxLineBytes). */
  readonly maxLineBytes?: number;
};

/** `causeway seed`'s work: a bundle folder's logs, spans and changes into fresh Elasticsearch indices. */
export async function seedBundle(
  client: Client,
  dir: string,
  o: SeedBundleOptions,
): Promise<Result<{ names: SeedIndexNames; counts: SeedCounts }, CausewayError>> {
  const docs = await readBundleDocs(dir, o.maxLineBytes);
  if (!docs.ok) return docs;
  const names = seedIndexNames(o.prefix, o.schema);
  const seeded = await seedIndices(client, {
    url: o.url,
    names,
    schema: o.schema,
    replace: o.replace,
    logs: docs.value.logs,
    spans: spanDocs(docs.value.spans, o.schema),
    changes: docs.value.changes,
  });
  return seeded.ok ? { ok: true, value: { names, counts: seeded.value } } : seeded;
}
