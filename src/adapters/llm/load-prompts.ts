import type { CausewayError } from '../../core/errors/causeway-error.ts';
import { buildPromptSet } from '../../core/llm/build-prompt-set.ts';
import type { PromptSet } from '../../core/llm/prompt-set.ts';
import type { Result } from '../../core/result/result.ts';
import { readPromptFiles } from './read-prompt-files.ts';

/**
 * Reads and validates the prompt files at start-up. Any problem (a missing slot, an unknown one,
 * a missing partial, bad front matter) is a PROMPT_INVALID error listing every problem, so the
 * process refuses to start rather than failing mid-incident.
 */
export async function loadPrompts(dir: string): Promise<Result<PromptSet, CausewayError>> {
  let files: Awaited<ReturnType<typeof readPromptFiles>>;
  try {
    files = await readPromptFiles(dir);
  } catch (e) {
    return {
      ok: false,
      error: { code: 'PROMPT_INVALID', message: `cannot read the prompts folder ${dir}: ${(e as Error).message}` },
    };
  }
  const set = buildPromptSet(files);
  if (!set.ok)
    return {
      ok: false,
      error: {
        code: 'PROMPT_INVALID',
        message: `${set.error.length} problem(s) in ${dir}:\n${set.error
          .slice(0, 20)
          .map((p) => `  - ${p}`)
          .join('\n')}${set.error.length > 20 ? `\n  … and ${set.error.length - 20} more` : ''}`,
      },
    };
  return set;
}
