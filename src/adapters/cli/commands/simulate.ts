import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { simulateBundles, TOPOLOGY_NAMES } from '../../../../sim/simulate-bundles.ts';
import { FAULT_KINDS, isFaultKind } from '../../../core/model/fault-kind.ts';
import type { CliCommand } from '../cli-command.ts';
import { COMMAND_SUMMARIES } from '../command-summaries.ts';

const USAGE = `usage: causeway simulate --out DIR [--kind K] [--count N] [--seed S] [--topology T]
                         [--concurrent-rollouts]

Writes simulated incident bundles with ground truth (alert.json, logs.ndjson,
traces.ndjson, metrics.ndjson, changes.json, truth.json, scenario.json) under
DIR/<id>/, one folder per bundle. The same arguments always produce byte-identical
bundles.

  --out DIR        where to write (created if needed)
  --kind K         root-cause kind of every bundle: ${FAULT_KINDS.join(', ')}
                   (default: cycle through all kinds)
  --count N        number of bundles (default 1)
  --seed S         run seed, a non-negative integer (default 1)
  --topology T     system family: ${TOPOLOGY_NAMES.join(', ')}
                   (default: a seeded mix, about 40 % random topologies)
  --concurrent-rollouts
                   every deploy bundle also releases 1–3 healthy services within
                   the same minute; only the root's release is defective
                   (default: about 20 % of deploy bundles)
  -h, --help       print this help
`;

/** `causeway simulate`: writes simulated incident bundles (see docs/simulator.md). */
export const simulateCommand: CliCommand = {
  name: 'simulate',
  summary: COMMAND_SUMMARIES.simulate,
  usage: USAGE,
  async run(argv, io) {
    const fail = (message: string) => {
      io.stderr(`causeway simulate: USAGE: ${message}\n`);
      return 2;
    };
    const spec = {
      out: { type: 'string' },
      kind: { type: 'string' },
      count: { type: 'string' },
      seed: { type: 'string' },
      topology: { type: 'string' },
      'concurrent-rollouts': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    } as const;
    let values: ReturnType<typeof parseArgs<{ options: typeof spec }>>['values'];
    try {
      values = parseArgs({ args: [...argv], options: spec, strict: true }).values;
    } catch (e) {
      return fail(`${(e as Error).message.split('\n')[0]} (see --help)`);
    }
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }
    if (!values.out) return fail('--out DIR is required (see --help)');
    if (values.kind !== undefined && !isFaultKind(values.kind))
      return fail(`unknown --kind ${values.kind}: use one of ${FAULT_KINDS.join(', ')}`);
    if (values.topology !== undefined && !TOPOLOGY_NAMES.includes(values.topology))
      return fail(`unknown --topology ${values.topology}: use one of ${TOPOLOGY_NAMES.join(', ')}`);
    const count = values.count === undefined ? 1 : Number(values.count);
    if (!Number.isInteger(count) || count < 1 || count > 100_000)
      return fail(`--count must be a positive integer, got ${values.count}`);
    const seed = values.seed === undefined ? 1 : Number(values.seed);
    if (!Number.isSafeInteger(seed) || seed < 0)
      return fail(`--seed must be a non-negative integer, got ${values.seed}`);
    const out = resolve(io.cwd, values.out);
    const written = simulateBundles({
      out,
      count,
      seed,
      ...(values.kind && isFaultKind(values.kind) ? { kind: values.kind } : {}),
      ...(values.topology ? { topology: values.topology } : {}),
      ...(values['concurrent-rollouts'] ? { concurrentRollouts: true } : {}),
    });
    let total = 0;
    let n = 0;
    for (const b of written) {
      total += b.bytes;
      n++;
      io.stdout(`${b.id}  ${b.kind.padEnd(19)} ${b.topology.padEnd(16)} ${(b.bytes / 1e6).toFixed(1)} MB\n`);
    }
    io.stdout(`wrote ${n} bundle${n === 1 ? '' : 's'} (${(total / 1e6).toFixed(1)} MB) to ${out}\n`);
    return 0;
  },
};
