import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeMiniBundle } from './mini-bundle.ts';

/** The alert time of the mini bundle written with `onsetBeforeAlertMs` (its onset is fixed). */
const onsetOfMini = Date.UTC(2026, 10, 20, 14, 20, 0);

/**
 * An incident bundle whose newest telemetry had not arrived when the alert fired (ingest lag): the
 * mini bundle (payment's deploy breaks it `onsetBeforeAlertMs` before the alert), with every log
 * line and trace from `missingMs` before the alert on held back. `appendLate` appends them to the
 * files, as a shipper delivering its batch late would; the bundle sources read the files again at
 * each triage.
 */
export function writeLateBundle(
  dir: string,
  o: { readonly onsetBeforeAlertMs: number; readonly missingMs: number },
): { readonly dir: string; readonly asOf: number; appendLate(): void } {
  writeMiniBundle(dir, { onsetBeforeAlertMs: o.onsetBeforeAlertMs });
  const asOf = onsetOfMini + o.onsetBeforeAlertMs;
  const cut = asOf - o.missingMs;
  const held = new Map<string, string[]>();
  for (const [file, timeOf] of [
    ['logs.ndjson', (l: string) => Date.parse((JSON.parse(l) as { '@timestamp': string })['@timestamp'])],
    ['traces.ndjson', traceStart],
  ] as const) {
    const lines = readFileSync(join(dir, file), 'utf8').trimEnd().split('\n');
    writeFileSync(join(dir, file), `${lines.filter((l) => timeOf(l) < cut).join('\n')}\n`);
    held.set(
      file,
      lines.filter((l) => timeOf(l) >= cut),
    );
  }
  return {
    dir,
    asOf,
    appendLate() {
      for (const [file, lines] of held) if (lines.length > 0) appendFileSync(join(dir, file), `${lines.join('\n')}\n`);
      held.clear();
    },
  };
}

/** The start of a trace line's first span (epoch ms). */
function traceStart(line: string): number {
  const doc = JSON.parse(line) as {
    resourceSpans: { scopeSpans: { spans: { startTimeUnixNano: string }[] }[] }[];
  };
  const nanos = doc.resourceSpans[0]?.scopeSpans[0]?.spans[0]?.startTimeUnixNano ?? '0';
  return Number(BigInt(nanos) / 1_000_000n);
}
