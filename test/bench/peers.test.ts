import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { EvalCase } from '../../src/core/eval/eval-case.ts';
import { rankOf } from '../../src/core/eval/rank-of.ts';
import { scoreEval } from '../../src/core/eval/score-eval.ts';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const peers = join(root, 'bench/peers');
const scratch = mkdtempSync(join(tmpdir(), 'causeway-peers-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Rankings with repeats, a truth past rank 5, a missing truth and an empty answer.
const rankings: { services: string[]; truth: string }[] = [
  { services: ['a', 'b', 'c'], truth: 'a' },
  { services: ['b', 'b', 'a', 'c'], truth: 'a' },
  { services: ['x', 'y', 'x', 'z', 'w', 'a'], truth: 'a' },
  { services: ['p', 'q', 'r', 's', 't', 'a'], truth: 'a' },
  { services: ['p', 'q'], truth: 'a' },
  { services: [], truth: 'a' },
  { services: ['c', 'b', 'a'], truth: 'a' },
];

/** The Python scorer the peers use, run with the machine's python3 (stdlib only). */
async function pythonScore(): Promise<{ ranks: (number | null)[]; ac1: number; ac3: number; avg5: number }> {
  const script = [
    'import json, sys',
    `sys.path.insert(0, ${JSON.stringify(peers)})`,
    'from score import rank_of, score',
    'cases = json.loads(sys.argv[1])',
    'ranks = [rank_of(c["services"], c["truth"]) for c in cases]',
    'print(json.dumps(dict(score(ranks), ranks=ranks)))',
  ].join('\n');
  const { stdout } = await run('python3', ['-c', script, JSON.stringify(rankings)], { timeout: 30_000 });
  return JSON.parse(stdout);
}

describe('bench/peers scoring', () => {
  it('ranks and scores the peers exactly as causeway eval does', async () => {
    const cases: EvalCase[] = rankings.map((r, i) => ({
      id: `case-${i}`,
      truth: { service: r.truth, kind: 'latency' },
      rank: rankOf(r.services, r.truth),
      top: [],
      ms: 0,
    }));
    const ts = scoreEval(cases);
    const py = await pythonScore();
    expect(py.ranks).toEqual(cases.map((c) => c.rank));
    expect(py.ranks).toEqual([1, 2, 5, 6, null, null, 3]);
    for (const k of ['ac1', 'ac3', 'avg5'] as const) expect(py[k]).toBeCloseTo(ts[k], 4);
    expect(ts.ac1).toBeCloseTo(1 / 7, 4);
    expect(ts.ac3).toBeCloseTo(3 / 7, 4);
  });
});

describe('bench/peers without the data', () => {
  it('the Python script says it skipped and exits 0', async () => {
    const { stdout } = await run('python3', [join(peers, 'run_peers.py'), '--data', join(scratch, 'none')], {
      timeout: 30_000,
    });
    expect(stdout).toMatch(/^skipped: data absent/);
  });

  it('the one-line entry skips before making any venv', async () => {
    const venvBefore = existsSync(join(root, '.cache/peers-venv'));
    const { stdout, stderr } = await run(
      process.execPath,
      [join(peers, 'run-peers.ts'), '--data', join(scratch, 'none'), '--out', join(scratch, 'out')],
      { timeout: 30_000, cwd: root },
    );
    expect(stdout).toMatch(/^skipped: data absent/);
    expect(stderr).not.toMatch(/making the peers venv/);
    expect(existsSync(join(root, '.cache/peers-venv'))).toBe(venvBefore);
    expect(existsSync(join(scratch, 'out'))).toBe(false);
  });
});
