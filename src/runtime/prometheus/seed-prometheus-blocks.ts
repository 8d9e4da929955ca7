import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileMetricSource } from '../../adapters/files/create-file-metric-source.ts';
import { seriesToOpenMetrics } from '../../adapters/prometheus/series-to-openmetrics.ts';
import type { CausewayError } from '../../core/errors/causeway-error.ts';
import type { Result } from '../../core/result/result.ts';

export type SeededBlocks = {
  readonly series: number;
  readonly samples: number;
  /** Series that cannot be stored (no valid metric name or label name). */
  readonly skipped: number;
  /** Epoch ms of the first and last sample. */
  readonly from: number;
  readonly to: number;
};

/**
 * A bundle's metrics.ndjson → Prometheus TSDB blocks in `dataDir`: the series are read as triage
 * reads them (a bad line is INPUT_INVALID naming file, line and field), written as OpenMetrics to a
 * temporary file, and turned into blocks by `promtool tsdb create-blocks-from openmetrics` (no
 * shell; `timeoutMs` for promtool). A promtool that is missing or fails is SEED_REJECTED.
 */
export async function seedPrometheusBlocks(
  bundleDir: string,
  dataDir: string,
  options: { readonly promtool: string; readonly timeoutMs: number; readonly maxLineBytes?: number },
): Promise<Result<SeededBlocks, CausewayError>> {
  const source = createFileMetricSource(join(bundleDir, 'metrics.ndjson'), [], options.maxLineBytes);
  const read = await source.range({ from: 0, to: Number.POSITIVE_INFINITY }, AbortSignal.timeout(options.timeoutMs));
  if (read.state === 'failed') return { ok: false, error: { code: read.code, message: read.detail } };
  if (read.state === 'no-data')
    return { ok: false, error: { code: 'INPUT_MISSING', message: read.detail ?? 'metrics.ndjson has no series' } };
  const { text, samples, skipped } = seriesToOpenMetrics(read.value);
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const s of read.value) {
    from = Math.min(from, s.times[0] ?? from);
    to = Math.max(to, s.times.at(-1) ?? to);
  }
  const tmp = await mkdtemp(join(tmpdir(), 'causeway-openmetrics-'));
  try {
    const file = join(tmp, 'metrics.om.txt');
    await writeFile(file, text);
    await mkdir(dataDir, { recursive: true });
    const run = await new Promise<{ code: number | string | null; stderr: string }>((resolve) => {
      execFile(
        options.promtool,
        ['tsdb', 'create-blocks-from', 'openmetrics', file, dataDir],
        { timeout: options.timeoutMs, maxBuffer: 16 * 1024 * 1024 },
        (err, _stdout, stderr) =>
          resolve({ code: err ? ((err as NodeJS.ErrnoException).code ?? 1) : 0, stderr: String(stderr) }),
      );
    });
    if (run.code === 'ENOENT')
      return {
        ok: false,
        error: {
          code: 'SEED_REJECTED',
          message: `${options.promtool} not found: install promtool (Debian package prometheus) or pass --promtool PATH`,
        },
      };
    if (run.code !== 0)
      return {
        ok: false,
        error: {
          code: 'SEED_REJECTED',
          message: `promtool tsdb create-blocks-from openmetrics failed: ${run.stderr.trim().split('\n').slice(-3).join(' ').slice(0, 500)}`,
        },
      };
    return {
      ok: true,
      value: {
        series: read.value.length - skipped,
        samples,
        skipped,
        from,
        to,
      },
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
