import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';
import type { CausewayError } from '../../core/errors/causeway-error.ts';
import type { Result } from '../../core/result/result.ts';
import { CHART_FONT } from './chart-font.ts';

/** The fonts the container image installs (Debian `fonts-dejavu-core`): used when `charts.fontFiles` is empty. */
export const IMAGE_FONT_FILES: readonly string[] = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
];

/**
 * Registers the chart's font files under the family the renderer draws with first (`CHART_FONT`),
 * so text renders even on a machine without system fonts. `charts.fontFiles` (relative to `cwd`) when set:
 * a file that is missing or is not a TrueType/OpenType font is `CONFIG_INVALID` naming the entry.
 * Otherwise the image's DejaVu files, those that exist. Returns the files registered.
 */
export function registerChartFonts(
  configured: readonly string[],
  cwd: string,
): Result<readonly string[], CausewayError> {
  if (configured.length === 0) {
    const present = IMAGE_FONT_FILES.filter((f) => existsSync(f));
    for (const f of present) GlobalFonts.registerFromPath(f, CHART_FONT);
    return { ok: true, value: present };
  }
  const problems: string[] = [];
  const registered: string[] = [];
  configured.forEach((file, i) => {
    const path = resolve(cwd, file);
    if (!existsSync(path)) {
      problems.push(`charts.fontFiles[${i}]: no file "${file}" (give the path of a .ttf or .otf font file)`);
      return;
    }
    if (GlobalFonts.registerFromPath(path, CHART_FONT) === null) {
      problems.push(`charts.fontFiles[${i}]: "${file}" is not a TrueType or OpenType font (give a .ttf or .otf file)`);
      return;
    }
    registered.push(path);
  });
  if (problems.length > 0) return { ok: false, error: { code: 'CONFIG_INVALID', message: problems.join('; ') } };
  return { ok: true, value: registered };
}
