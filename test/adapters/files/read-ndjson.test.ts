import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readNdjson } from '../../../src/adapters/files/read-ndjson.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'causeway-ndjson-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function readAll(path: string, maxLineBytes: number): Promise<{ lineNo: number; value: unknown }[]> {
  const out: { lineNo: number; value: unknown }[] = [];
  for await (const line of readNdjson(path, maxLineBytes)) out.push(line);
  return out;
}

describe('readNdjson', () => {
  it('yields each JSON line with its 1-based number; blank lines and CRLF endings are fine', async () => {
    const path = file('ok.ndjson', '{"a":1}\r\n\n  \n{"b":"é✓"}\n{"c":3}');
    expect(await readAll(path, 1024)).toEqual([
      { lineNo: 1, value: { a: 1 } },
      { lineNo: 4, value: { b: 'é✓' } },
      { lineNo: 5, value: { c: 3 } },
    ]);
  });

  it('takes a line of exactly the limit, and a line split across many read chunks', async () => {
    const exact = `{"m":"${'x'.repeat(1024 - 8)}"}`;
    expect(Buffer.byteLength(exact)).toBe(1024);
    const long = `{"m":"${'y'.repeat(3_000_000)}"}`;
    const path = file('exact.ndjson', `${exact}\n${long}\n`);
    const lines = await readAll(path, 4 * 1_048_576);
    expect(lines.map((l) => l.lineNo)).toEqual([1, 2]);
    expect((lines[1]?.value as { m: string } | undefined)?.m).toHaveLength(3_000_000);
    await expect(readAll(file('exact2.ndjson', `${exact}\n`), 1024)).resolves.toHaveLength(1);
  });

  it('refuses a line longer than the limit, naming the line and the limit', async () => {
    const path = file('long.ndjson', `{"a":1}\n{"a":2}\n{"m":"${'z'.repeat(10_000)}"}\n{"a":4}\n`);
    await expect(readAll(path, 4096)).rejects.toThrow(
      /^line 3: longer than the limit of 4096 bytes \(sources\.maxLineBytes\)/,
    );
    const last = file('long-last.ndjson', `{"a":1}\n${'w'.repeat(5000)}`);
    await expect(readAll(last, 4096)).rejects.toThrow(/^line 2: longer than the limit of 4096 bytes/);
  });

  it('refuses an endless line early: a 64 MB line under a 1 KiB limit is refused at once', async () => {
    const path = file('huge.ndjson', Buffer.alloc(64 * 1_048_576, 0x61));
    let yielded = 0;
    await expect(
      (async () => {
        for await (const _ of readNdjson(path, 1024)) yielded++;
      })(),
    ).rejects.toThrow(/^line 1: longer than the limit of 1024 bytes/);
    expect(yielded).toBe(0);
  });

  it('refuses invalid UTF-8 with its line and byte offsets (in the file and in the line)', async () => {
    const head = Buffer.from('{"a":1}\n{"m":"ok"}\n{"m":"bad ');
    const path = file('bad-utf8.ndjson', Buffer.concat([head, Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]));
    await expect(readAll(path, 1024)).rejects.toThrow(
      /^line 3: invalid UTF-8 at byte offset 29 of the file \(byte 10 of the line\)/,
    );
    // An overlong encoding, a lone surrogate and a truncated sequence at the end are all refused.
    for (const bytes of [
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xe2, 0x82],
    ]) {
      const p = file('bad2.ndjson', Buffer.concat([Buffer.from('{"m":"'), Buffer.from(bytes), Buffer.from('"}')]));
      await expect(readAll(p, 1024)).rejects.toThrow(/^line 1: invalid UTF-8 at byte offset 6 of the file \(byte 6/);
    }
  });
});
