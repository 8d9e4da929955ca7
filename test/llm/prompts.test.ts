import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPrompts } from '../../src/adapters/llm/load-prompts.ts';
import { readPromptFiles } from '../../src/adapters/llm/read-prompt-files.ts';
import { buildPromptSet } from '../../src/core/llm/build-prompt-set.ts';
import { fenceData } from '../../src/core/llm/fence-data.ts';
import { PROMPT_CONTRACTS } from '../../src/core/llm/prompt-contracts.ts';
import { renderPrompt } from '../../src/core/llm/render-prompt.ts';
import { runCauseway } from '../support/run-causeway.ts';
import { PROMPTS_DIR } from './support/llm-kit.ts';

const tmp = mkdtempSync(join(tmpdir(), 'causeway-prompts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const file = (id: string, system: string, user: string, version = '1') =>
  `---\nid: ${id}\nversion: ${version}\ndescription: test\n---\n=== system ===\n${system}\n=== user ===\n${user}\n`;
const NARRATE_OK = file('narrate', 'Be brief. {{> rules}}', 'A {{alert}} B {{hypotheses}} C {{evidence}}');
const FOLLOW_OK = file('follow-up', 'Answer.', '{{alert}} {{hypotheses}} {{evidence}} {{runbooks}} {{question}}');
const RULES = { path: 'partials/rules.md', text: 'Data is data.' };

describe('prompt files', () => {
  it('the shipped prompts are valid: versioned, hashed, every contract slot used once, partials resolved', async () => {
    const r = await loadPrompts(PROMPTS_DIR);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const [id, c] of Object.entries(PROMPT_CONTRACTS)) {
      const t = r.value.get(id);
      expect(t?.version).toBeGreaterThanOrEqual(1);
      expect(t?.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect([...(t?.slots ?? [])].sort()).toEqual([...c.slots].sort());
      expect(t?.system).not.toMatch(/\{\{/);
      expect(t?.system).toContain('untrusted DATA');
    }
  });

  it('the hash names the effective template: a partial edit changes it, the same files give the same hash', () => {
    const a = buildPromptSet([
      { path: 'narrate.md', text: NARRATE_OK },
      { path: 'follow-up.md', text: FOLLOW_OK },
      RULES,
    ]);
    const b = buildPromptSet([
      { path: 'narrate.md', text: NARRATE_OK },
      { path: 'follow-up.md', text: FOLLOW_OK },
      RULES,
    ]);
    const c = buildPromptSet([
      { path: 'narrate.md', text: NARRATE_OK },
      { path: 'follow-up.md', text: FOLLOW_OK },
      { ...RULES, text: 'Data is data!' },
    ]);
    if (!a.ok || !b.ok || !c.ok) throw new Error('expected valid');
    expect(a.value.get('narrate')?.hash).toBe(b.value.get('narrate')?.hash);
    expect(a.value.get('narrate')?.hash).not.toBe(c.value.get('narrate')?.hash);
    expect(a.value.get('narrate')?.system).toBe('Be brief. Data is data.');
  });

  it('reports every problem, naming the file: missing slot, unknown slot, slot in the system part, missing partial', () => {
    const r = buildPromptSet([
      {
        path: 'narrate.md',
        text: file('narrate', 'Rules {{evidence}} {{> nowhere}}', '{{alert}} {{hypotheses}} {{mood}}'),
      },
      { path: 'follow-up.md', text: FOLLOW_OK },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^narrate\.md: slot \{\{evidence\}\} is missing/),
        expect.stringMatching(/^narrate\.md: uses \{\{mood\}\}, which the narrate prompt does not fill/),
        expect.stringMatching(
          /^narrate\.md: the system part uses \{\{evidence\}\}; slots may only appear in the user part/,
        ),
        expect.stringMatching(
          /^narrate\.md: the system part includes \{\{> nowhere\}\}, but partials\/nowhere\.md does not exist/,
        ),
      ]),
    );
  });

  it('rejects bad front matter, missing sections, a missing prompt, slots in partials and unknown prompt files', () => {
    const r = buildPromptSet([
      { path: 'narrate.md', text: '---\nid: narrate\nversion: two\n---\n=== user ===\n{{alert}}\n' },
      { path: 'narate.md', text: NARRATE_OK },
      { path: 'partials/leak.md', text: 'see {{question}}' },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.error.join('\n');
    expect(text).toMatch(/narrate\.md: front matter needs "version:"/);
    expect(text).toMatch(
      /narrate\.md: needs exactly one "=== system ===" section followed by one "=== user ===" section/,
    );
    expect(text).toMatch(/follow-up\.md: missing/);
    expect(text).toMatch(/partials\/leak\.md: contains \{\{question\}\}/);
    expect(text).toMatch(/narate\.md: no prompt "narate" is known/);
  });

  it('slots accept only fenced data, placed in the user part; the system part is the file’s, byte for byte', async () => {
    const set = buildPromptSet([
      { path: 'narrate.md', text: NARRATE_OK },
      { path: 'follow-up.md', text: FOLLOW_OK },
      RULES,
    ]);
    if (!set.ok) throw new Error('expected valid');
    const t = set.value.get('narrate');
    if (!t) throw new Error('no narrate');
    const out = renderPrompt(t, {
      alert: fenceData('alert', 'alerts', { a: 1 }),
      hypotheses: fenceData('hypotheses', 'ranking', []),
      evidence: fenceData('evidence', 'telemetry', [{ key: 'E1' }]),
    });
    expect(out.system).toBe(t.system);
    expect(out.user).toMatch(
      /^A <data name="alert" source="alerts" trust="untrusted" boundary="[0-9a-f]{16}">\n\{"a":1\}\n<\/data boundary="[0-9a-f]{16}"> B/,
    );
    expect(() => renderPrompt(t, { alert: fenceData('alert', 'x', 1) })).toThrow(/no value for slot/);
  });

  it('reads only <id>.md and partials/*.md from the folder', async () => {
    const dir = join(tmp, 'read');
    cpSync(PROMPTS_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'notes.txt'), 'x');
    const files = await readPromptFiles(dir);
    expect(files.map((f) => f.path)).toEqual(
      expect.arrayContaining(['narrate.md', 'follow-up.md', 'README.md', 'partials/untrusted-data.md']),
    );
    expect(files.some((f) => f.path.endsWith('.txt'))).toBe(false);
  });

  it('with a model configured, a prompt missing a slot stops the start-up with PROMPT_INVALID naming it', async () => {
    const dir = join(tmp, 'broken');
    cpSync(PROMPTS_DIR, dir, { recursive: true });
    const p = join(dir, 'narrate.md');
    writeFileSync(p, readFileSync(p, 'utf8').replace('{{evidence}}', ''));
    const r = await runCauseway(['demo'], { CAUSEWAY_LLM_MODEL: 'm', CAUSEWAY_LLM_PROMPTS_DIR: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^causeway: PROMPT_INVALID: 1 problem\(s\) in .*\n {2}- narrate\.md: slot \{\{evidence\}\} is missing/,
    );
    expect(r.stdout).toBe('');
  });

  it('without a model the prompts are not even read (nothing changes)', async () => {
    const r = await runCauseway(['demo'], { CAUSEWAY_LLM_PROMPTS_DIR: join(tmp, 'does-not-exist') });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/In plain words/);
  });
});
