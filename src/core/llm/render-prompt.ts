import type { FencedData } from './fenced-data.ts';
import type { PromptTemplate } from './prompt-template.ts';

export type RenderedPrompt = {
  readonly system: string;
  readonly user: string;
  readonly promptId: string;
  readonly promptVersion: number;
  readonly promptHash: string;
};

/**
 * Fills a validated prompt's slots with fenced data. The system part is returned exactly as in
 * the file (no data ever enters it); every slot must be given (the start-up check guarantees the
 * file uses exactly the contract's slots), so a missing value is a programming error.
 */
export function renderPrompt(t: PromptTemplate, slots: Readonly<Record<string, FencedData>>): RenderedPrompt {
  const user = t.user.replace(/\{\{\s*([a-z][a-z0-9/-]*)\s*\}\}/g, (_w, name: string) => {
    const v = slots[name];
    if (!v) throw new Error(`prompt ${t.id}: no value for slot {{${name}}}`);
    return v.text;
  });
  return { system: t.system, user, promptId: t.id, promptVersion: t.version, promptHash: t.hash };
}
