import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { PromptFile } from '../../core/llm/prompt-file.ts';

/** Every `.md` file under the prompts folder, with its path relative to it (`/`-separated). */
export async function readPromptFiles(dir: string): Promise<PromptFile[]> {
  const out: PromptFile[] = [];
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name.endsWith('.md'))
        out.push({ path: relative(dir, p).split(sep).join('/'), text: await readFile(p, 'utf8') });
    }
  };
  await walk(dir);
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}
