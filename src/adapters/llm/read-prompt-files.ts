import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PromptFile } from '../../core/llm/prompt-file.ts';

/** The prompt files: `<id>.md` at the top of the prompts folder and `partials/<name>.md` (nothing deeper). */
export async function readPromptFiles(dir: string): Promise<PromptFile[]> {
  const out: PromptFile[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isFile() && e.name.endsWith('.md'))
      out.push({ path: e.name, text: await readFile(join(dir, e.name), 'utf8') });
    else if (e.isDirectory() && e.name === 'partials')
      for (const p of await readdir(join(dir, 'partials'), { withFileTypes: true }))
        if (p.isFile() && p.name.endsWith('.md'))
          out.push({ path: `partials/${p.name}`, text: await readFile(join(dir, 'partials', p.name), 'utf8') });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}
