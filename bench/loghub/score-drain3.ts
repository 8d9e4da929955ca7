// Scores drain3's Loghub clustering (written by drain3/run_drain3.py --labels FILE) with the
// same GA / PA code as the TypeScript miner, so both are measured on one footing.
// Usage: node bench/loghub/score-drain3.ts .cache/bench/drain3-labels.json
import { readFileSync } from 'node:fs';
import { loghubLogFormats } from '../../src/core/logs/loghub-log-formats.ts';
import { groupingAccuracy } from './grouping-accuracy.ts';
import { loadLoghubSystem } from './load-loghub-system.ts';
import { loghubDataDir } from './loghub-data-dir.ts';
import { parsingAccuracy } from './parsing-accuracy.ts';

type Labels = Record<string, Record<string, { ids: number[]; templates: Record<string, string> }>>;

const dir = loghubDataDir();
const file = process.argv[2];
if (dir === undefined || file === undefined) {
  console.log('usage: node bench/loghub/score-drain3.ts LABELS.json (needs ../shared/data/loghub-2k); skipping');
  process.exit(0);
}
const labels = JSON.parse(readFileSync(file, 'utf8')) as Labels;
for (const [setting, systems] of Object.entries(labels)) {
  let ga = 0;
  let pa = 0;
  const rows: string[] = [];
  for (const { name, format } of loghubLogFormats) {
    const sample = loadLoghubSystem(dir, name, format);
    const truth = sample.truths.corrected ?? sample.truths.original;
    const run = systems[name];
    if (run === undefined) throw new Error(`${file}: no labels for ${name}`);
    // drain3 writes masked variables as <NAME>; the metric treats every variable as <*>.
    const templates = run.ids.map((id) => (run.templates[String(id)] ?? '').replace(/<[A-Z]+>/g, '<*>'));
    const g = groupingAccuracy(run.ids, truth);
    const p = parsingAccuracy(templates, truth);
    ga += g;
    pa += p;
    rows.push(`| ${name} | ${g.toFixed(3)} | ${p.toFixed(3)} |`);
  }
  const n = loghubLogFormats.length;
  console.log(`\ndrain3 ${setting}\n| system | GA | PA |\n| --- | ---: | ---: |\n${rows.join('\n')}`);
  console.log(`| **mean** | **${(ga / n).toFixed(3)}** | **${(pa / n).toFixed(3)}** |`);
}
