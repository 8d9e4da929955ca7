// Long tokens and long lines: `causeway triage` of examples/webshop-deploy with one more log line
// (no level, inside the triage range) whose message is a single word of L characters (letters and
// digits: the worst case of the former `\w+(?:Exception|Error)\b`), for L up to just under the
// line limit; the same 1 MiB as 7-character words; and a line of words far over the limit (refused).
// Each case runs in a child process; the wall time and peak RSS come from /usr/bin/time.
//
//   node bench/logs/long-token.ts [--runs 3] [--sizes 0,65536,262144,1048576,4194304,8388000]
//                                 [--long-line-mb 200] [--main src/main.ts] [--out /tmp/causeway-long-token]
//
// --main points at another checkout's src/main.ts to measure it on the same inputs.
import { spawnSync } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { median } from '../loghub/median.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    sizes: { type: 'string', default: '0,65536,262144,1048576,4194304,8388000' },
    'long-line-mb': { type: 'string', default: '200' },
    main: { type: 'string', default: new URL('../../src/main.ts', import.meta.url).pathname },
    out: { type: 'string', default: '/tmp/causeway-long-token' },
  },
});
const src = new URL('../../examples/webshop-deploy', import.meta.url).pathname;
const main = resolve(values.main as string);
const runs = Number(values.runs);
const out = values.out as string;

/** A deterministic word of `n` letters and digits. */
function word(n: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const codes = new Uint8Array(n);
  let s = 1;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    codes[i] = alphabet.charCodeAt(s % alphabet.length);
  }
  return Buffer.from(codes).toString('latin1');
}

/** A copy of the example bundle whose logs end with `extra` (one line, written as it streams). */
async function bundle(name: string, extra: (w: NodeJS.WritableStream) => Promise<void>): Promise<string> {
  const dir = join(out, name);
  if (existsSync(join(dir, 'done'))) return dir;
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(src)) copyFileSync(join(src, f), join(dir, f));
  const w = createWriteStream(join(dir, 'logs.ndjson'), { flags: 'a' });
  await extra(w);
  await new Promise<void>((r) => w.end(r));
  createWriteStream(join(dir, 'done')).end();
  return dir;
}

const template = (() => {
  const first = readFileSync(join(src, 'logs.ndjson'), 'utf8').split('\n')[100] as string;
  const d = JSON.parse(first) as Record<string, unknown>;
  delete d['log.level'];
  delete d.message; // so that the message is the line's last field
  return d;
})();
const lineWith = (message: string) => `${JSON.stringify({ ...template, message })}\n`;

type Row = { name: string; bytes: number; code: number; wall: number; rss: number; note: string };
function measure(name: string, dir: string, bytes: number): Row {
  const walls: number[] = [];
  const rss: number[] = [];
  let code = 0;
  let note = '';
  for (let i = 0; i < runs; i++) {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, main, 'triage', '--bundle', dir], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    code = r.status ?? -1;
    const lines = r.stderr.trim().split('\n');
    const [s, kb] = (lines.pop() ?? '').split(' ').map(Number);
    walls.push(s as number);
    rss.push((kb as number) / 1024);
    note = code === 0 ? (/^Most likely.*?: (.*?) —/m.exec(r.stdout)?.[1] ?? '') : (lines.join(' ').slice(0, 110) ?? '');
  }
  return { name, bytes, code, wall: median(walls), rss: median(rss), note };
}

const rows: Row[] = [];
for (const n of (values.sizes as string).split(',').map(Number)) {
  const dir = await bundle(`word-${n}`, async (w) => {
    if (n > 0) w.write(lineWith(word(n)));
  });
  rows.push(measure(n === 0 ? 'no extra line' : `one word of ${n} chars`, dir, n));
}
const words = await bundle('words-1048576', async (w) => {
  w.write(lineWith((word(1_048_576).match(/.{1,7}/g) as string[]).join(' ')));
});
rows.push(measure('1 MiB as 7-char words', words, 1_048_576));
const mb = Number(values['long-line-mb']);
if (mb > 0) {
  const long = await bundle(`line-${mb}mb`, async (w) => {
    // Words, not one word: a build without the limit then reads it in linear time (see the RSS).
    const chunk = `${(word(1_048_576).match(/.{1,7}/g) as string[]).join(' ').slice(0, 1_048_575)} `;
    w.write(lineWith('').slice(0, -3)); // the line's start, its message still open
    for (let i = 0; i < mb; i++) {
      if (!w.write(chunk)) await new Promise<void>((r) => w.once('drain', () => r()));
    }
    w.write('"}\n');
  });
  rows.push(measure(`a ${mb} MiB line`, long, mb * 1_048_576));
}

console.log(`${main}, ${runs} runs each (medians)\n`);
console.log('| case | exit | triage wall | peak RSS | top hypothesis / error |');
console.log('| --- | ---: | ---: | ---: | --- |');
for (const r of rows)
  console.log(`| ${r.name} | ${r.code} | ${r.wall.toFixed(2)} s | ${r.rss.toFixed(0)} MB | ${r.note} |`);
