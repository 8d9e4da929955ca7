import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeMiniBundle } from '../support/mini-bundle.ts';
import { runCauseway } from '../support/run-causeway.ts';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
let root: string;
let bundle: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'causeway-chart-'));
  bundle = writeMiniBundle(join(root, 'mini'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('causeway triage --chart FILE', () => {
  it('writes the timeline PNG (folders created) and says where, after the report', async () => {
    const r = await runCauseway(['triage', '--bundle', bundle, '--chart', 'charts/incident.png'], {}, root);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const file = join(root, 'charts', 'incident.png');
    const png = readFileSync(file);
    expect(png.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
    // IHDR: 1200 px wide; as tall as its panels (a title, one per top service, latency) and legend need.
    expect(png.readUInt32BE(16)).toBe(1200);
    // At least the title, two panels (the leading service's and latency) and the legend.
    expect(png.readUInt32BE(20)).toBeGreaterThan(40 + 2 * 148 + 40);
    expect(r.stdout).toContain('payment');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
      `causeway triage: wrote the timeline chart to ${file} (PNG, ${png.length} bytes)`,
    );
  });

  it('with --json, stdout stays one JSON document and the line goes to stderr', async () => {
    const file = join(root, 'json.png');
    const r = await runCauseway(['triage', '--bundle', bundle, '--json', '--chart', file]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).hypotheses[0].service).toBe('payment');
    expect(r.stderr).toBe(
      `causeway triage: wrote the timeline chart to ${file} (PNG, ${readFileSync(file).length} bytes)\n`,
    );
  });

  it('a chart path that cannot be written is a usage error naming it', async () => {
    const blocker = join(root, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const r = await runCauseway(['triage', '--bundle', bundle, '--chart', join(blocker, 'x.png')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^causeway triage: USAGE: cannot write the chart to ${blocker}/x\\.png: `));
    expect(existsSync(join(blocker, 'x.png'))).toBe(false);
  });
});
