import { describe, expect, it } from 'vitest';
import { guessLogFormat } from '../../../src/core/logs/guess-log-format.ts';

describe('guessLogFormat', () => {
  it.each([
    ['app.ndjson', undefined, 'ecs'],
    ['dir/App.JSONL', 'plain text', 'ecs'],
    ['app.log', '{"message":"x"}', 'ecs'],
    ['app.log', '  {"@timestamp":"t","message":"x"}  ', 'ecs'],
    ['app.log', '{not json', 'lines'],
    ['app.log', '[1,2]', 'lines'],
    ['app.log', 'GET /index.html 200', 'lines'],
    ['app.json.log', undefined, 'lines'],
    ['app.log', undefined, 'lines'],
  ] as const)('%s with first line %j → %s', (name, first, expected) => {
    expect(guessLogFormat(name, first)).toBe(expected);
  });
});
