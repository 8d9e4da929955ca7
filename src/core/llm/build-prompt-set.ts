import { hash } from 'node:crypto';
import type { Result } from '../result/result.ts';
import { parsePromptFile } from './parse-prompt-file.ts';
import { PROMPT_CONTRACTS } from './prompt-contracts.ts';
import type { PromptFile } from './prompt-file.ts';
import type { PromptSet } from './prompt-set.ts';
import type { PromptTemplate } from './prompt-template.ts';

const PLACEHOLDER = /\{\{\s*(>?)\s*([^}]*?)\s*\}\}/g;
const NAME = /^[a-z][a-z0-9-]*(?:\/[a-z][a-z0-9-]*)*$/;

/**
 * Validates the prompt files against what the code fills in (`PROMPT_CONTRACTS`): every prompt
 * present, front matter and sections well formed, partials (`{{> name}}` → `partials/name.md`)
 * found and free of slots, every required slot (`{{name}}`) used in the user part and no unknown
 * one, no slot at all in the system part (data never goes into instructions). Returns every
 * problem at once, each naming the file.
 */
export function buildPromptSet(
  files: readonly PromptFile[],
  contracts: Readonly<Record<string, { readonly slots: readonly string[] }>> = PROMPT_CONTRACTS,
): Result<PromptSet, string[]> {
  const problems: string[] = [];
  const partials = new Map<string, string>();
  for (const f of files) {
    const m = /^partials\/(.+)\.md$/.exec(f.path);
    if (m) partials.set(m[1] as string, f.text.replace(/\r\n?/g, '\n').trim());
  }
  for (const [name, text] of partials) {
    for (const p of text.matchAll(PLACEHOLDER))
      problems.push(
        `partials/${name}.md: contains {{${p[1] ? '> ' : ''}${p[2]}}}; partials are shared instructions and may hold neither slots nor other partials`,
      );
  }
  const out = new Map<string, PromptTemplate>();
  for (const [id, contract] of Object.entries(contracts)) {
    const path = `${id}.md`;
    const file = files.find((f) => f.path === path);
    if (!file) {
      problems.push(`${path}: missing (the ${id} prompt is required)`);
      continue;
    }
    const parsed = parsePromptFile(file.text);
    if (!parsed.ok) {
      problems.push(...parsed.error.map((p) => `${path}: ${p}`));
      continue;
    }
    const p = parsed.value;
    if (p.id !== id) problems.push(`${path}: front matter id is "${p.id}", expected "${id}"`);
    const expand = (part: 'system' | 'user', text: string) =>
      text.replace(PLACEHOLDER, (whole, isPartial: string, name: string) => {
        if (!isPartial) return whole;
        const t = partials.get(name);
        if (t === undefined) {
          problems.push(`${path}: the ${part} part includes {{> ${name}}}, but partials/${name}.md does not exist`);
          return whole;
        }
        return t;
      });
    const system = expand('system', p.system);
    const user = expand('user', p.user);
    for (const m of system.matchAll(PLACEHOLDER)) {
      if (m[1]) continue;
      problems.push(
        `${path}: the system part uses {{${m[2]}}}; slots may only appear in the user part (data is never mixed into instructions)`,
      );
    }
    const used: string[] = [];
    for (const m of user.matchAll(PLACEHOLDER)) {
      if (m[1]) continue;
      const name = m[2] as string;
      if (!NAME.test(name)) problems.push(`${path}: {{${name}}} is not a valid slot name`);
      else if (!contract.slots.includes(name))
        problems.push(
          `${path}: uses {{${name}}}, which the ${id} prompt does not fill (its slots: ${contract.slots.join(', ')})`,
        );
      else if (used.includes(name)) problems.push(`${path}: uses {{${name}}} twice; use each slot once`);
      else used.push(name);
    }
    for (const s of contract.slots)
      if (!used.includes(s))
        problems.push(`${path}: slot {{${s}}} is missing; the ${id} prompt needs it in the user part`);
    const canonical = JSON.stringify({ id, version: p.version, system, user });
    out.set(id, {
      id,
      version: p.version,
      description: p.description,
      system,
      user,
      slots: used,
      hash: `sha256:${hash('sha256', canonical, 'hex')}`,
      file: path,
    });
  }
  for (const f of files) {
    if (f.path.startsWith('partials/') || !f.path.endsWith('.md') || f.path === 'README.md') continue;
    const id = f.path.slice(0, -3);
    if (!Object.hasOwn(contracts, id))
      problems.push(`${f.path}: no prompt "${id}" is known (known: ${Object.keys(contracts).join(', ')})`);
  }
  if (problems.length) return { ok: false, error: problems };
  return { ok: true, value: out };
}
