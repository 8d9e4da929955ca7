// Peers side by side on the PetShop bundles: the PyRCA and DoWhy methods the dataset's paper
// evaluated (bench/peers/run_peers.py, in a Python venv under .cache/peers-venv, made here when
// missing) and Causeway's own ranking (`causeway eval`), in one run, scored the same way.
//
//   node bench/peers/run-peers.ts [--data DIR] [--timeout S] [--methods a,b] [--out DIR]
//
// DIR defaults to $PETSHOP_DIR, else ../shared/data/petshop beside the repository; when it is
// absent this prints "skipped: data absent" and exits 0 (nothing is copied into the repository).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values: o } = parseArgs({
  options: {
    data: { type: 'string' },
    timeout: { type: 'string', default: '120' },
    methods: { type: 'string' },
    out: { type: 'string', default: '.cache/peers-out' },
  },
});
const root = resolve(import.meta.dirname, '../..');
const data = resolve(o.data ?? process.env.PETSHOP_DIR ?? join(root, '../shared/data/petshop'));
if (!existsSync(data)) {
  console.log(`skipped: data absent (${o.data ?? '../shared/data/petshop'} is not a folder)`);
  process.exit(0);
}
const out = resolve(root, o.out as string);
mkdirSync(out, { recursive: true });

const venv = join(root, '.cache/peers-venv');
const python = join(venv, 'bin/python');
const installed = join(venv, '.installed');

/** Runs a command (argv, no shell) with its output shown; exits naming it when it fails. */
function run(cmd: string, args: string[], timeoutMs: number): void {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, timeout: timeoutMs });
  if (r.status !== 0) {
    const why = r.error ? r.error.message : r.signal ? `killed by ${r.signal}` : `exit code ${r.status}`;
    console.error(`${cmd} ${args.join(' ')}: ${why}`);
    process.exit(1);
  }
}

if (!existsSync(installed)) {
  console.error('making the peers venv in .cache/peers-venv (once; needs python3 with venv and PyPI) ...');
  run('python3', ['-m', 'venv', venv], 120_000);
  const pip = [join(venv, 'bin/pip'), 'install', '--disable-pip-version-check', '--progress-bar', 'off'];
  run(pip[0] as string, [...pip.slice(1), '-r', 'bench/peers/requirements.txt'], 900_000);
  run(pip[0] as string, [...pip.slice(1), '--no-deps', '-r', 'bench/peers/requirements-nodeps.txt'], 300_000);
  writeFileSync(installed, new Date().toISOString());
}

const peersJson = join(out, 'peers.json');
const peerArgs = ['bench/peers/run_peers.py', '--data', data, '--timeout', o.timeout as string, '--json', peersJson];
if (o.methods) peerArgs.push('--methods', o.methods);
const peersStart = Date.now();
run(python, peerArgs, 4 * 3600_000);
const peersWall = (Date.now() - peersStart) / 1000;

const causewayStart = Date.now();
const ev = spawnSync(process.execPath, [join(root, 'src/main.ts'), 'eval', data, '--json'], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 256 << 20,
  timeout: 1800_000,
});
const causewayWall = (Date.now() - causewayStart) / 1000;
if (ev.status !== 0) {
  console.error(`causeway eval failed: ${ev.error?.message ?? ev.stderr.trim().split('\n').at(-1)}`);
  process.exit(1);
}
writeFileSync(join(out, 'causeway.json'), ev.stdout);

type Row = { n: number; ac1: number; ac3: number; avg5: number; timeouts?: number; errors?: number; empty?: number };
const peers = JSON.parse(readFileSync(peersJson, 'utf8')) as { summary: Record<string, Row> };
const causeway = JSON.parse(ev.stdout) as Row;
const f = (x: number) => x.toFixed(3);
console.log('\n| method | n | AC@1 | AC@3 | Avg@5 | timeouts | errors | empty |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
console.log(
  `| **Causeway** | ${causeway.n} | ${f(causeway.ac1)} | ${f(causeway.ac3)} | ${f(causeway.avg5)} | 0 | 0 | 0 |`,
);
for (const [m, r] of Object.entries(peers.summary)) {
  console.log(
    `| ${m} | ${r.n} | ${f(r.ac1)} | ${f(r.ac3)} | ${f(r.avg5)} | ${r.timeouts} | ${r.errors} | ${r.empty} |`,
  );
}
console.log(`\npeers ${peersWall.toFixed(0)} s, Causeway ${causewayWall.toFixed(0)} s; per-case results in ${o.out}/`);
