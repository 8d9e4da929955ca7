import type { PhraseCtx } from './phrase.ts';

/** Small helpers shared by the phrase books. */
export const ph = {
  /** Picks one of several wordings by the context's variant. */
  one: <T>(c: PhraseCtx, options: readonly T[]): T => options[c.v % options.length] as T,
  s: (c: PhraseCtx, key: string, fallback = ''): string => {
    const v = c.p[key];
    return v === undefined ? fallback : String(v);
  },
  n: (c: PhraseCtx, key: string): number => Number(c.p[key] ?? 0),
  errMsg: (c: PhraseCtx): string =>
    c.err ? (c.err.message ? (c.err.message.split('\n')[0] ?? '') : c.err.type) : 'unknown error',
  errFull: (c: PhraseCtx): string => (c.err ? `${c.err.type}: ${c.err.message.split('\n')[0] ?? ''}` : 'unknown error'),
  pascal: (text: string): string =>
    text
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean)
      .map((x) => x.charAt(0).toUpperCase() + x.slice(1))
      .join(''),
};
