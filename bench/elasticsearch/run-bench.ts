// Triage time from Elasticsearch as data grows (issue 4): seeds 10^5, 10^6, 10^7 log documents
// (plus one five-span trace per ten lines) around one incident, then triages it from
// Elasticsearch several times with cold caches and reports the median wall time and the
// documents transferred.
//
//   node bench/elasticsearch/run-bench.ts [--es URL] [--sizes 1e5,1e6,1e7] [--runs 5] [--shards 2] [--reseed]
//
// Indices stay under the prefix bench-<size>- for reuse (--reseed loads them again).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/adapters/config/load-config.ts';
import { createEsClient } from '../../src/adapters/elasticsearch/create-es-client.ts';
import { seedIndexNames } from '../../src/adapters/elasticsearch/seed/seed-index-names.ts';
import { seedIndices } from '../../src/adapters/elasticsearch/seed/seed-indices.ts';
import { investigate } from '../../src/app/investigate.ts';
import { investigateOptionsFromConfig } from '../../src/app/investigate-options-from-config.ts';
import { openEsCase } from '../../src/runtime/elasticsearch/open-es-case.ts';
import { syntheticIncident } from './synthetic-incident.ts';

const { values } = parseArgs({
  options: {
    es: { type: 'string', default: process.env.ES_URL ?? 'http://127.0.0.1:19200' },
    sizes: { type: 'string', default: '1e5,1e6,1e7' },
    runs: { type: 'string', default: '5' },
    shards: { type: 'string', default: '2' },
    reseed: { type: 'boolean', default: false },
  },
});
const url = values.es;
const runs = Number(values.runs);
const client = createEsClient({ url, requestTimeoutMs: 600_000 });
const cfg = loadConfig({ env: {} });
if (!cfg.ok) throw new Error('config');
const config = cfg.value;
const options = investigateOptionsFromConfig(config);
const dir = mkdtempSync(join(tmpdir(), 'causeway-bench-es-'));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] as number;
};

const rows: string[] = [];
for (const size of values.sizes.split(',').map(Number)) {
  const prefix = `bench-${size}-`;
  const names = seedIndexNames(prefix, 'elastic-apm');
  const inc = syntheticIncident(size);
  const alertPath = join(dir, `alert-${size}.json`);
  writeFileSync(alertPath, JSON.stringify(inc.alert));
  const have = await client
    .count({ index: names.logs })
    .then((r) => r.count)
    .catch(() => -1);
  let load = '(reused)';
  if (values.reseed || have !== size) {
    const t0 = performance.now();
    const r = await seedIndices(client, {
      url,
      names,
      schema: 'elastic-apm',
      replace: true,
      logs: inc.logs(),
      spans: inc.spans(),
      changes: inc.changes,
      shards: Number(values.shards),
    });
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    const s = (performance.now() - t0) / 1000;
    load = `${s.toFixed(0)} s (${Math.round((r.value.logs + r.value.spans) / s)} docs/s)`;
    process.stderr.write(`seeded ${size}: ${r.value.logs} logs, ${r.value.spans} spans in ${load}\n`);
  }
  const times: number[] = [];
  let docs = 0;
  let requests = 0;
  let top = '';
  for (let k = 0; k < runs; k++) {
    await client.indices.clearCache({ index: `${prefix}*` });
    const t0 = performance.now();
    const c = await openEsCase(config, alertPath, { url, prefix });
    if (!c.ok) throw new Error(c.error.message);
    const report = await investigate({ ...c.value, options }, c.value.alerts, c.value.asOf);
    times.push(performance.now() - t0);
    await c.value.close();
    docs = c.value.transfer.docs;
    requests = c.value.transfer.requests;
    const h = report.hypotheses[0];
    top = h ? `${h.service}/${h.kind}${h.changeId ? ` ${h.changeId}` : ''}` : '-';
    const bad = Object.entries(report.sources).filter(([, s]) => s.state !== 'ok');
    if (bad.length) throw new Error(`sources not ok: ${JSON.stringify(bad)}`);
  }
  const spans = (await client.count({ index: names.traces })).count;
  const row = `| ${size.toExponential(0)} | ${spans.toLocaleString('en')} | ${median(times).toFixed(0)} ms | ${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms | ${docs.toLocaleString('en')} | ${requests} | ${top} | ${load} |`;
  rows.push(row);
  process.stderr.write(`${row}\n`);
}
await client.close();
process.stdout.write(
  `| log documents | spans | triage (median of ${runs}, cold caches) | range | documents transferred | requests | top hypothesis | seeding |\n|---|---|---|---|---|---|---|---|\n${rows.join('\n')}\n`,
);
