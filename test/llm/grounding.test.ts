import { describe, expect, it } from 'vitest';
import type { CitationIndex } from '../../src/core/llm/citation-index.ts';
import { groundNarrative } from '../../src/core/llm/ground-narrative.ts';
import { sanitizeModelText } from '../../src/core/llm/sanitize-model-text.ts';

const index: CitationIndex = {
  evidence: new Map([
    ['E1', 'traces:origin-errors:payment'],
    ['E2', 'changes:deploy-payment-42'],
    ['E3', 'logs:error-rate:checkout'],
  ]),
  topKeys: new Set(['E1', 'E2']),
};
const limits = { maxSentences: 6, maxSuggestions: 2 };

describe('grounding the narrative', () => {
  it('keeps cited sentences (keys mapped to evidence ids) and drops uncited or made-up citations', () => {
    const g = groundNarrative(
      {
        sentences: [
          { part: 'happening', text: 'Checkout requests fail.', cite: ['E3'] },
          { part: 'happening', text: 'Everything is on fire.', cite: [] },
          { part: 'cause', text: 'The payment deploy broke it.', cite: ['E1', 'e2'] },
          { part: 'cause', text: 'Also the database.', cite: ['E1', 'E99'] },
          { part: 'next', text: 'Roll back payment.', cite: ['fake:evidence'] },
          { part: 'next', text: '   ', cite: ['E2'] },
        ],
        alsoSuggests: [{ text: 'Maybe DNS.', cite: [] }],
      },
      index,
      limits,
    );
    expect(g.sentences).toEqual([
      { part: 'happening', text: 'Checkout requests fail.', evidenceIds: ['logs:error-rate:checkout'] },
      {
        part: 'cause',
        text: 'The payment deploy broke it.',
        evidenceIds: ['traces:origin-errors:payment', 'changes:deploy-payment-42'],
      },
    ]);
    expect(g.dropped.map((d) => d.reason)).toEqual([
      'no-citation',
      'unknown-citation',
      'unknown-citation',
      'empty',
      'no-citation',
    ]);
    expect(g.alsoSuggests).toEqual([]);
  });

  it('never lets the model re-rank: a "most likely cause" citing no evidence of the top hypothesis becomes a labelled suggestion', () => {
    const g = groundNarrative(
      {
        sentences: [{ part: 'cause', text: 'The real cause is checkout.', cite: ['E3'] }],
        alsoSuggests: [{ text: 'Look at checkout’s pool.', cite: ['E3'] }],
      },
      index,
      limits,
    );
    expect(g.sentences).toEqual([]);
    expect(g.alsoSuggests.map((s) => s.text)).toEqual(['The real cause is checkout.', 'Look at checkout’s pool.']);
  });

  it('caps the number of sentences', () => {
    const many = Array.from({ length: 9 }, (_, i) => ({ part: 'happening' as const, text: `S${i}.`, cite: ['E1'] }));
    const g = groundNarrative({ sentences: many, alsoSuggests: [] }, index, limits);
    expect(g.sentences).toHaveLength(6);
    expect(g.dropped.filter((d) => d.reason === 'over-limit')).toHaveLength(3);
  });
});

describe('model text shown in chat', () => {
  it('drops links (Markdown, Slack, bare), mentions, broadcasts, code and control characters', () => {
    expect(sanitizeModelText('See [the runbook](http://evil.example/x) now.')).toBe('See the runbook now.');
    expect(sanitizeModelText('Open <https://evil.example|this> or https://evil.example/a?b=c.')).toBe('Open this or');
    expect(sanitizeModelText('Hey <!channel> <@U123> <#C1> @here roll back')).toBe('Hey here roll back');
    expect(sanitizeModelText('Run `kubectl delete` ```rm -rf```')).toBe('Run kubectl delete rm -rf');
    expect(sanitizeModelText('a\u0000b\u202ec\nd')).toBe('a b c d');
    expect(sanitizeModelText('x'.repeat(500))).toHaveLength(400);
  });
});
