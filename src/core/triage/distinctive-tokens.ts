const STOP = new Set([
  'the',
  'and',
  'for',
  'with',
  'from',
  'error',
  'failed',
  'failure',
  'exception',
  'while',
  'when',
  'call',
  'calling',
  'request',
  'handling',
  'returned',
  'code',
  'desc',
  'status',
  'unknown',
  'could',
  'not',
  'was',
  'has',
  'have',
  'this',
  'that',
  'into',
  'after',
  'before',
]);

/** The words of a template that identify it: lower-case, 3+ letters, not a variable, not a common word. */
export function distinctiveTokens(template: string): Set<string> {
  const out = new Set<string>();
  for (const raw of template.toLowerCase().split(/[^a-z0-9_]+/)) {
    if (raw.length < 3 || STOP.has(raw) || /^\d+$/.test(raw)) continue;
    out.add(raw);
  }
  return out;
}
