import { describe, expect, it } from 'vitest';
import { createTemplateMiner } from '../../../src/core/logs/create-template-miner.ts';

const mine = (messages: readonly string[], options = {}) => {
  const miner = createTemplateMiner(options);
  const ids = messages.map((m) => miner.add(m).id);
  return { miner, ids };
};

describe('createTemplateMiner: grouping', () => {
  it('groups service messages that differ only in variables', () => {
    const { miner, ids } = mine([
      'upstream payment returned 503 after 1200ms',
      'upstream payment returned 502 after 87ms',
      'java.net.ConnectException: Connection refused (redis:6379)',
      'java.net.ConnectException: Connection refused (redis:6380)',
      'upstream payment returned 504 after 1.5s',
    ]);
    expect(ids).toEqual([1, 1, 2, 2, 1]);
    expect(miner.get(1)?.template).toBe('upstream payment returned <*> after <*>');
    expect(miner.get(2)?.template).toBe('java.net.ConnectException: Connection refused (redis:<*>)');
    expect(miner.get(1)?.count).toBe(3);
  });

  it('keeps events apart that differ by one word (plain Drain merges them)', () => {
    const { ids } = mine([
      '[instance: 3edec1e4-9678-4a3a-a21b-a145a4ee5e61] VM Started (Lifecycle Event)',
      '[instance: 3edec1e4-9678-4a3a-a21b-a145a4ee5e61] VM Paused (Lifecycle Event)',
      '[instance: 96abccce-8d1f-4e07-b6d1-4b2ab87e23b4] VM Started (Lifecycle Event)',
      'payment succeeded for order 17',
      'payment failed for order 18',
    ]);
    expect(ids).toEqual([1, 2, 1, 3, 4]);
  });

  it('merges them as plain Drain does with distinctWords off', () => {
    const { ids, miner } = mine(
      ['[instance: 7] VM Started (Lifecycle Event)', '[instance: 8] VM Paused (Lifecycle Event)'],
      { distinctWords: false },
    );
    expect(ids).toEqual([1, 1]);
    expect(miner.get(1)?.template).toBe('[instance: <*>] VM <*> (Lifecycle Event)');
  });

  it('treats a word after a naming cue as a variable', () => {
    const { ids, miner } = mine([
      'Invalid user webmaster from 173.234.31.186',
      'Invalid user admin from 52.80.34.196',
      'Failed password for root from 5.36.59.76 port 42393 ssh2',
      'Failed password for uucp from 5.36.59.76 port 42394 ssh2',
    ]);
    expect(ids).toEqual([1, 1, 2, 2]);
    expect(miner.get(1)?.template).toBe('Invalid user <*> from <*>');
    expect(miner.get(2)?.template).toBe('Failed password for <*> from <*> port <*> ssh2');
  });

  it('routes by words, so a variable first token does not split an event', () => {
    const hosts = ['www.google.com', 'api.example.org', 'cdn.example.net', 'mail.example.com'];
    const { ids, miner } = mine(hosts.map((h, i) => `${h}:${443 + i} open through proxy proxy.example.com:5070 HTTPS`));
    expect(new Set(ids)).toEqual(new Set([1]));
    expect(miner.get(1)?.template).toBe('<*>:<*> open through proxy proxy.example.com:<*> HTTPS');
  });

  it('treats values, dates and units after numbers as variables, not wording', () => {
    const { ids } = mine([
      'isScreenOn true',
      'isScreenOn false',
      'connection from 10.0.0.1 at Fri Jun 17 07:07:00 2005',
      'connection from 10.0.0.2 at Sat Jul 2 11:00:01 2005',
      'cache size 12 KB',
      'cache size 3 MB',
    ]);
    expect(ids).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it('keeps punctuation around a generalised token', () => {
    const { miner } = mine([
      'unable to qualify my own domain name (a.example.com)',
      'unable to qualify my own domain name (b.example.org)',
    ]);
    expect(miner.get(1)?.template).toBe('unable to qualify my own domain name (<*>)');
  });

  it('does not merge messages of different lengths', () => {
    const { ids } = mine(['session closed for user root', 'session opened for user root by (uid=0)']);
    expect(ids).toEqual([1, 2]);
  });

  it('handles empty and blank messages', () => {
    const { ids, miner } = mine(['', '   ', 'x']);
    expect(ids).toEqual([1, 1, 2]);
    expect(miner.get(1)?.template).toBe('');
  });

  it('masks nothing with masks: []', () => {
    const { ids, miner } = mine(['took 12ms', 'took 15ms'], { masks: [] });
    expect(ids).toEqual([1, 1]);
    expect(miner.get(1)?.template).toBe('took <*>');
    expect(mine(['took 12ms'], { masks: [] }).miner.get(1)?.template).toBe('took 12ms');
  });
});

describe('createTemplateMiner: ids and determinism', () => {
  it('keeps the id when the template generalises, and reports isNew once', () => {
    const miner = createTemplateMiner();
    const first = miner.add('Deleting block blk_1 file /data/a');
    const second = miner.add('Deleting block blk_2 file /data/b');
    expect(first).toEqual({ id: 1, template: 'Deleting block <*> file <*>', isNew: true });
    expect(second).toEqual({ id: 1, template: 'Deleting block <*> file <*>', isNew: false });
    const a = miner.add('worker one.alpha started');
    const b = miner.add('worker two.beta started');
    expect(a.isNew).toBe(true);
    expect(b).toEqual({ id: a.id, template: 'worker <*> started', isNew: false });
  });

  it('gives the same ids and templates for the same input order', () => {
    const messages = Array.from(
      { length: 500 },
      (_, i) =>
        [
          `GET /api/v1/items/${i} 200 ${i % 97}ms`,
          `user u${i % 7} logged in from 10.0.${i % 5}.${i % 250}`,
          `job ${i} state changed from ${['QUEUED', 'RUNNING'][i % 2]} to DONE`,
          `cache miss for key session:${(i * 7919).toString(16)}`,
        ][i % 4]!,
    );
    const a = mine(messages);
    const b = mine(messages);
    expect(b.ids).toEqual(a.ids);
    expect(b.miner.templates()).toEqual(a.miner.templates());
  });

  it('lists templates ordered by id', () => {
    const { miner } = mine(['b happened', 'a happened here', 'c', 'b happened']);
    expect(miner.templates().map((t) => t.id)).toEqual([1, 2, 3]);
    expect(miner.templates()[0]).toEqual({ id: 1, template: 'b happened', count: 2 });
    expect(miner.size).toBe(3);
  });
});

describe('createTemplateMiner: bounded memory', () => {
  it('never holds more than maxTemplates, evicting the least recently matched', () => {
    const miner = createTemplateMiner({ maxTemplates: 3 });
    miner.add('alpha event one'); // 1
    miner.add('beta event two two'); // 2
    miner.add('gamma event three three three'); // 3
    miner.add('alpha event one'); // touches 1: 2 is now the coldest
    const delta = miner.add('delta'); // 4 evicts 2
    expect(miner.size).toBe(3);
    expect(miner.get(2)).toBeUndefined();
    expect(miner.templates().map((t) => t.id)).toEqual([1, 3, 4]);
    expect(delta).toEqual({ id: 4, template: 'delta', isNew: true });
    const back = miner.add('beta event two two'); // comes back under a new id: ids are never reused
    expect(back).toEqual({ id: 5, template: 'beta event two two', isNew: true });
    expect(miner.size).toBe(3);
    expect(miner.get(3)).toBeUndefined();
  });

  it('still finds a template created where an evicted one was the last of its branch', () => {
    const miner = createTemplateMiner({ maxTemplates: 1 });
    miner.add('alpha beta one');
    expect(miner.add('alpha beta two')).toEqual({ id: 2, template: 'alpha beta two', isNew: true });
    expect(miner.match('alpha beta two')?.id).toBe(2);
    expect(miner.add('alpha beta two')).toEqual({ id: 2, template: 'alpha beta two', isNew: false });
  });

  it('stays within the bound on a long stream of distinct shapes', () => {
    const miner = createTemplateMiner({ maxTemplates: 50 });
    for (let i = 0; i < 2000; i++) miner.add(`${'word '.repeat(i % 300)}end`);
    expect(miner.size).toBeLessThanOrEqual(50);
    expect(miner.templates()).toHaveLength(miner.size);
  });
});

describe('createTemplateMiner: match', () => {
  it('classifies without learning', () => {
    const miner = createTemplateMiner();
    miner.add('upstream payment returned 503 after 1200ms');
    miner.add('java.net.ConnectException: Connection refused (redis:6379)');
    const before = miner.templates();
    expect(miner.match('upstream payment returned 500 after 3ms')).toEqual({
      id: 1,
      template: 'upstream payment returned <*> after <*>',
      isNew: false,
    });
    expect(miner.match('something never seen before')).toBeUndefined();
    expect(miner.match('upstream payment rejected 503 after 1200ms')).toBeUndefined();
    expect(miner.match('java.net.ConnectException: Connection refused (postgres:5432)')).toEqual({
      id: 2,
      template: 'java.net.ConnectException: Connection refused (redis:<*>)',
      isNew: false,
    });
    expect(miner.templates()).toEqual(before);
    expect(miner.size).toBe(2);
    // The template did not generalise either: a later add still sees the original one.
    expect(miner.add('java.net.ConnectException: Connection refused (postgres:5432)').template).toBe(
      'java.net.ConnectException: Connection refused (<*>:<*>)',
    );
  });

  it('does not refresh recency', () => {
    const miner = createTemplateMiner({ maxTemplates: 2 });
    miner.add('first shape here');
    miner.add('second shape');
    miner.match('first shape here');
    miner.add('third');
    expect(miner.get(1)).toBeUndefined();
    expect(miner.get(2)).toBeDefined();
  });
});

describe('createTemplateMiner: options', () => {
  it.each([
    [{ depth: 1 }],
    [{ similarity: 1.5 }],
    [{ similarity: Number.NaN }],
    [{ maxChildren: 1 }],
    [{ maxTemplates: 0 }],
    [{ maxTemplates: 2.5 }],
    [{ maxTokenLength: 8 }],
    [{ maxTokenLength: 100.5 }],
  ])('rejects %j', (options) => {
    expect(() => createTemplateMiner(options)).toThrow(RangeError);
  });
});

describe('createTemplateMiner: over-long tokens', () => {
  // A base64 blob, a minified payload or a long URL logged as one word.
  const blob = (n: number, seed = 1) => {
    const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/';
    let s = seed;
    let out = '';
    for (let i = 0; i < n; i++) {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      out += alphabet[s % alphabet.length];
    }
    return out;
  };

  it('masks a token longer than maxTokenLength as one variable, whatever it holds', () => {
    const long = [
      `upload failed: ${'a'.repeat(41)}`,
      `upload failed: ${'b'.repeat(41)}`,
      `upload failed: https://cdn.example/${'x'.repeat(40)}`,
      `upload failed: ${blob(41)}`,
    ];
    const capped = mine(long, { maxTokenLength: 40 });
    expect(capped.ids).toEqual([1, 1, 1, 1]);
    expect(capped.miner.get(1)?.template).toBe('upload failed: <*>');
    // Under the cap, two different words are two events, as before.
    expect(mine(long.slice(0, 2)).ids).toEqual([1, 2]);
    expect(
      mine([`upload failed: ${'a'.repeat(40)}`, `upload failed: ${'b'.repeat(40)}`], { maxTokenLength: 40 }).ids,
    ).toEqual([1, 2]);
  });

  it('by default (1024), a 1 MB token is one variable, and tokens up to the cap are kept', () => {
    const { miner, ids } = mine([
      `payload ${blob(1_000_000)} rejected`,
      `payload ${'word'.repeat(10_000_000 / 40)} rejected`,
      `payload ${'w'.repeat(1024)} rejected`,
    ]);
    expect(ids).toEqual([1, 1, 2]);
    expect(miner.get(1)?.template).toBe('payload <*> rejected');
    expect(miner.get(2)?.template).toBe(`payload ${'w'.repeat(1024)} rejected`);
  });

  it('a message that is a single 1 MB word is the template <*> (and match() agrees)', () => {
    const miner = createTemplateMiner();
    const word = 'Z'.repeat(1_048_576);
    expect(miner.add(word)).toMatchObject({ id: 1, template: '<*>', isNew: true });
    expect(miner.add(blob(1_048_576, 7))).toMatchObject({ id: 1, isNew: false });
    expect(miner.match(word)?.id).toBe(1);
  });
});
