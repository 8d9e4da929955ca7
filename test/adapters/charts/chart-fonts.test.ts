import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { CHART_FONT_STACK } from '../../../src/adapters/charts/chart-font.ts';
import { IMAGE_FONT_FILES, registerChartFonts } from '../../../src/adapters/charts/register-chart-fonts.ts';
import { loadConfig } from '../../../src/adapters/config/load-config.ts';
import { runCauseway } from '../../support/run-causeway.ts';

const ROOT = new URL('../../..', import.meta.url).pathname;
// Debian fonts-dejavu-core (scripts/provision-tests.sh installs it): a monospaced file to tell apart.
const MONO = '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf';
const tmp = mkdtempSync(join(tmpdir(), 'causeway-fonts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const width = (text: string, style = '') => {
  const ctx = createCanvas(400, 100).getContext('2d');
  ctx.font = `${style}20px ${CHART_FONT_STACK}`;
  return ctx.measureText(text).width;
};
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('chart fonts: charts.fontFiles reaches the renderer', () => {
  it('charts.fontFiles comes from the YAML file or CAUSEWAY_CHARTS_FONT_FILES, empty by default', () => {
    const none = loadConfig({ env: {} });
    expect(none.ok && none.value.charts.fontFiles).toEqual([]);
    const env = loadConfig({ env: { CAUSEWAY_CHARTS_FONT_FILES: 'fonts/a.ttf,fonts/b.otf' } });
    expect(env.ok && env.value.charts.fontFiles).toEqual(['fonts/a.ttf', 'fonts/b.otf']);
    const bad = loadConfig({ env: {}, file: { path: 'c.yaml', text: 'charts:\n  fontFiles: fonts/a.ttf\n' } });
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(bad.ok ? '' : bad.error)).toContain('charts.fontFiles');
  });

  it('a missing file or one that is not a font is CONFIG_INVALID naming the entry and the file', () => {
    writeFileSync(join(tmp, 'notes.ttf'), 'not a font');
    const r = registerChartFonts(['nope.ttf', 'notes.ttf'], tmp);
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'CONFIG_INVALID',
        message:
          'charts.fontFiles[0]: no file "nope.ttf" (give the path of a .ttf or .otf font file); charts.fontFiles[1]: "notes.ttf" is not a TrueType or OpenType font (give a .ttf or .otf file)',
      },
    });
  });

  it("without charts.fontFiles the image's DejaVu files are registered under the chart's family", () => {
    expect(existsSync(IMAGE_FONT_FILES[0] as string)).toBe(true);
    expect(registerChartFonts([], ROOT)).toEqual({ ok: true, value: IMAGE_FONT_FILES });
    // DejaVu Sans is proportional: "iiii" is much narrower than "MMMM"; bold is registered too.
    expect(width('iiii')).toBeLessThan(width('MMMM') * 0.6);
    expect(width('MMMM', 'bold ')).toBeGreaterThan(width('MMMM'));
  });

  it('causeway demo draws the chart with the configured font (a monospaced file changes the PNG), and names a bad one', async () => {
    const chart = (name: string, env: Record<string, string>) =>
      runCauseway(['demo', '--chart', join(tmp, name), '--no-runbook'], env, ROOT);
    const [plain, mono, missing] = await Promise.all([
      chart('plain.png', {}),
      chart('mono.png', { CAUSEWAY_CHARTS_FONT_FILES: MONO }),
      chart('missing.png', { CAUSEWAY_CHARTS_FONT_FILES: 'fonts/missing.ttf' }),
    ]);
    expect([plain.code, mono.code, missing.code]).toEqual([0, 0, 0]);
    const a = readFileSync(join(tmp, 'plain.png'));
    const b = readFileSync(join(tmp, 'mono.png'));
    expect(b.subarray(1, 4).toString()).toBe('PNG');
    expect(sha(b)).not.toBe(sha(a));
    expect(missing.stdout).toContain(
      'No timeline chart: CONFIG_INVALID: charts.fontFiles[0]: no file "fonts/missing.ttf" (give the path of a .ttf or .otf font file)',
    );
    expect(existsSync(join(tmp, 'missing.png'))).toBe(false);
  });
});
