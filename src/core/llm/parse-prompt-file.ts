import type { Result } from '../result/result.ts';

export type ParsedPromptFile = {
  readonly id: string;
  readonly version: number;
  readonly description: string;
  readonly system: string;
  readonly user: string;
};

const SECTION = /^=== (system|user) ===[ \t]*$/gm;

/**
 * Reads one prompt file: a front matter block (`---` lines around `id:`, `version:`,
 * `description:`), then `=== system ===` and `=== user ===` sections in that order. Returns every
 * problem found, each a sentence naming what to fix.
 */
export function parsePromptFile(text: string): Result<ParsedPromptFile, string[]> {
  const problems: string[] = [];
  const norm = text.replace(/\r\n?/g, '\n');
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(norm);
  const meta = new Map<string, string>();
  if (!fm) problems.push('starts without a front matter block (--- id: …, version: … ---)');
  else {
    for (const line of (fm[1] ?? '').split('\n')) {
      if (!line.trim() || line.trimStart().startsWith('#')) continue;
      const m = /^([a-z]+):\s*(.*)$/.exec(line);
      if (!m) problems.push(`front matter line "${line}" is not "key: value"`);
      else meta.set(m[1] as string, (m[2] as string).trim());
    }
  }
  const id = meta.get('id') ?? '';
  if (fm && !/^[a-z][a-z0-9-]*$/.test(id)) problems.push('front matter needs "id:" (lowercase letters, digits, -)');
  const versionText = meta.get('version') ?? '';
  const version = Number(versionText);
  if (fm && !(/^\d+$/.test(versionText) && version >= 1))
    problems.push('front matter needs "version:" as a whole number ≥ 1 (raise it with every change)');
  for (const k of meta.keys())
    if (!['id', 'version', 'description'].includes(k)) problems.push(`front matter key "${k}" is unknown`);

  const body = fm ? norm.slice(fm[0].length) : norm;
  const marks = [...body.matchAll(SECTION)];
  const names = marks.map((m) => m[1]);
  if (names.join(',') !== 'system,user')
    problems.push(
      `needs exactly one "=== system ===" section followed by one "=== user ===" section (found: ${names.join(', ') || 'none'})`,
    );
  const sys = marks[0];
  const usr = marks[1];
  const system = sys && usr ? body.slice((sys.index ?? 0) + sys[0].length, usr.index).trim() : '';
  const user = usr ? body.slice((usr.index ?? 0) + usr[0].length).trim() : '';
  if (sys && usr && (sys.index ?? 0) > 0 && body.slice(0, sys.index).trim())
    problems.push('has text before "=== system ==="');
  if (names.join(',') === 'system,user') {
    if (!system) problems.push('the system section is empty');
    if (!user) problems.push('the user section is empty');
  }
  if (problems.length) return { ok: false, error: problems };
  return { ok: true, value: { id, version, description: meta.get('description') ?? '', system, user } };
}
