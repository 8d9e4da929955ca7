import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { buildTimelineChartSpec } from '../../core/chat/build-timeline-chart-spec.ts';
import type { TriageReport } from '../../core/model/triage-report.ts';
import { createChartRenderer } from './create-chart-renderer.ts';
import { registerChartFonts } from './register-chart-fonts.ts';

/** What writing the chart gave: the bytes written, no chart (no series), or why the file could not be written. */
export type ChartWritten =
  | { readonly kind: 'written'; readonly bytes: number }
  | { readonly kind: 'no-series' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'bad-fonts'; readonly message: string };

/** `charts.fontFiles` and the folder relative paths in it are read from. */
export type ChartFonts = { readonly files: readonly string[]; readonly cwd: string };

/**
 * The incident timeline chart (the PNG the Slack app uploads into the thread), rendered from a
 * triage report and written to `path` (its folder created when missing).
 */
export async function writeTimelineChart(
  report: TriageReport,
  path: string,
  fonts: ChartFonts = { files: [], cwd: '.' },
): Promise<ChartWritten> {
  const spec = buildTimelineChartSpec(report);
  if (!spec) return { kind: 'no-series' };
  const registered = registerChartFonts(fonts.files, fonts.cwd);
  if (!registered.ok) return { kind: 'bad-fonts', message: `${registered.error.code}: ${registered.error.message}` };
  const png = await createChartRenderer().renderTimeline(spec);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, png);
  } catch (e) {
    return { kind: 'failed', message: (e as Error).message };
  }
  return { kind: 'written', bytes: png.length };
}
