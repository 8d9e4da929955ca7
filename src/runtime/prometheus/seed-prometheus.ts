import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CausewayError } from '../../core/errors/causeway-error.ts';
import { plural } from '../../core/formats/plural.ts';
import type { Result } from '../../core/result/result.ts';
import { seedPrometheusBlocks } from './seed-prometheus-blocks.ts';

/** Blocks keep this long: seeded data is usually older than Prometheus' default 15 days. */
const RETENTION = '100y';

/**
 * `causeway seed --prometheus OUT`: the bundle's metrics as TSDB blocks in OUT/data, a minimal
 * OUT/prometheus.yml (no scrape targets), and what to print: the counts and the one prometheus
 * command line that serves them on 127.0.0.1:9090.
 */
export async function seedPrometheus(
  bundleDir: string,
  out: string,
  o: { readonly promtool: string; readonly maxLineBytes?: number },
): Promise<Result<string, CausewayError>> {
  const data = join(out, 'data');
  const seeded = await seedPrometheusBlocks(bundleDir, data, {
    promtool: o.promtool,
    timeoutMs: 10 * 60_000,
    ...(o.maxLineBytes ? { maxLineBytes: o.maxLineBytes } : {}),
  });
  if (!seeded.ok) return seeded;
  const config = join(out, 'prometheus.yml');
  await writeFile(
    config,
    '# Written by causeway seed --prometheus: serves the seeded blocks, scrapes nothing.\nscrape_configs: []\n',
  );
  const v = seeded.value;
  const command = [
    'prometheus',
    `--config.file=${config}`,
    `--storage.tsdb.path=${data}`,
    `--storage.tsdb.retention.time=${RETENTION}`,
    '--web.listen-address=127.0.0.1:9090',
  ].join(' ');
  return {
    ok: true,
    value: [
      `${data}: ${plural(v.series, 'series', 'series')}, ${plural(v.samples, 'sample')} from ${new Date(v.from).toISOString()} to ${new Date(v.to).toISOString()}${v.skipped ? ` (${plural(v.skipped, 'series', 'series')} without a valid metric or label name left out)` : ''}`,
      'serve them with:',
      `  ${command}`,
      'then set prometheus.url (CAUSEWAY_PROMETHEUS_URL) to http://127.0.0.1:9090',
      '',
    ].join('\n'),
  };
}
