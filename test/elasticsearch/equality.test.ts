import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFixtures } from '../sim/generate-fixtures.ts';
import { comparable, dropPrefix, esUrl, seed, testPrefix, triageEs, triageFiles } from '../support/elasticsearch.ts';
import { writeMiniBundle } from '../support/mini-bundle.ts';

// One simulator bundle per fault kind (7 kinds, 5 topology families) plus the hand-written mini
// bundle, each seeded in both trace schemas: the ranking read from Elasticsearch must equal the
// ranking read from the files, exactly (same hypotheses, scores, evidence, windows, sources).
let root: string;
let dirs: string[];
const prefix = testPrefix('eq');

beforeAll(async () => {
  const url = esUrl();
  const fx = generateFixtures(4100);
  root = fx.root;
  dirs = [...fx.dirs, writeMiniBundle(join(root, 'mini'))];
  // Elasticsearch holds the logs, traces and changes; metrics come from files or Prometheus
  // (tested in test/adapters/prometheus). The comparison is of what both sides read.
  for (const d of dirs) rmSync(join(d, 'metrics.ndjson'), { force: true });
  await Promise.all(
    dirs.flatMap((d, i) => [seed(url, d, `${prefix}${i}a-`, 'elastic-apm'), seed(url, d, `${prefix}${i}o-`, 'otel')]),
  );
}, 180_000);

afterAll(async () => {
  if (root) rmSync(root, { recursive: true, force: true });
  await dropPrefix(esUrl(), prefix);
});

describe('triage from Elasticsearch equals triage from files', () => {
  it('covers bundles of every fault kind', () => {
    const kinds = dirs.map((d) => JSON.parse(readFileSync(join(d, 'truth.json'), 'utf8')).kind);
    expect(new Set(kinds).size).toBeGreaterThanOrEqual(7);
  });

  for (const schema of ['elastic-apm', 'otel'] as const) {
    it(`gives the same ranking with ${schema} traces, on every bundle`, async () => {
      for (const [i, dir] of dirs.entries()) {
        const files = await triageFiles(dir);
        const { report, transfer } = await triageEs(
          esUrl(),
          dir,
          `${prefix}${i}${schema === 'otel' ? 'o' : 'a'}-`,
          schema,
        );
        expect(comparable(report), dir).toEqual(comparable(files));
        expect(report.hypotheses.length, dir).toBeGreaterThan(0);
        expect(transfer.requests).toBeLessThan(20);
      }
    });
  }
});
