// Loghub-2k accuracy benchmark: grouping accuracy (GA) and parsing accuracy (PA) of the
// template miner on 14 systems, with one setting for all of them, against published Drain.
// Reads ../shared/data/loghub-2k (or LOGHUB_DIR); skips with exit 0 when it is absent.
// Usage: node bench/loghub/run-accuracy.ts [--json] [--options '{"similarity":0.5}'] [--explain System]
import { parseArgs } from 'node:util';
import type { MinerOptions } from '../../src/core/logs/create-template-miner.ts';
import { loghubLogFormats } from '../../src/core/logs/loghub-log-formats.ts';
import { explainMismatches } from './explain-mismatches.ts';
import { groupingAccuracy } from './grouping-accuracy.ts';
import { loadLoghubSystem } from './load-loghub-system.ts';
import { loghubDataDir } from './loghub-data-dir.ts';
import { mineSample } from './mine-sample.ts';
import { parsingAccuracy } from './parsing-accuracy.ts';
import { publishedDrainFigures } from './published-drain-figures.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    options: { type: 'string', default: '{}' },
    explain: { type: 'string' },
  },
});
const dir = loghubDataDir();
if (dir === undefined) {
  console.log('loghub-2k data not found at ../shared/data/loghub-2k (set LOGHUB_DIR); skipping the accuracy benchmark');
  process.exit(0);
}
const options = JSON.parse(values.options) as Partial<MinerOptions>;

type Row = {
  system: string;
  templates: number;
  gaCorrected: number;
  paCorrected: number;
  gaOriginal: number;
  paOriginal: number;
};
const rows: Row[] = [];
for (const { name, format } of loghubLogFormats) {
  const sample = loadLoghubSystem(dir, name, format);
  if (sample.contentMismatches > 0)
    console.error(`${name}: ${sample.contentMismatches} messages differ from the truth's Content`);
  const mined = mineSample(sample.contents, options);
  const corrected = sample.truths.corrected ?? sample.truths.original;
  rows.push({
    system: name,
    templates: mined.templateCount,
    gaCorrected: groupingAccuracy(mined.ids, corrected),
    paCorrected: parsingAccuracy(mined.templates, corrected),
    gaOriginal: groupingAccuracy(mined.ids, sample.truths.original),
    paOriginal: parsingAccuracy(mined.templates, sample.truths.original),
  });
  if (values.explain === name) console.log(explainMismatches(mined, corrected));
}

const mean = (f: (r: Row) => number) => rows.reduce((s, r) => s + f(r), 0) / rows.length;
if (values.json) {
  console.log(JSON.stringify({ options, rows }, null, 2));
} else {
  const f = (x: number) => x.toFixed(3);
  console.log('| system | templates | GA | PA | GA (original truth) | PA (original truth) | Drain GA | Drain PA |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const d = publishedDrainFigures[r.system];
    console.log(
      `| ${r.system} | ${r.templates} | ${f(r.gaCorrected)} | ${f(r.paCorrected)} | ${f(r.gaOriginal)} | ${f(r.paOriginal)} | ${d ? f(d.ga) : '-'} | ${d ? f(d.paperPa) : '-'} |`,
    );
  }
  const drainGa = rows.reduce((s, r) => s + (publishedDrainFigures[r.system]?.ga ?? 0), 0) / rows.length;
  const drainPa = rows.reduce((s, r) => s + (publishedDrainFigures[r.system]?.paperPa ?? 0), 0) / rows.length;
  console.log(
    `| **mean** | | **${f(mean((r) => r.gaCorrected))}** | **${f(mean((r) => r.paCorrected))}** | ${f(mean((r) => r.gaOriginal))} | ${f(mean((r) => r.paOriginal))} | ${f(drainGa)} | ${f(drainPa)} |`,
  );
}
