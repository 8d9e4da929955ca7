import { describe, expect, it } from 'vitest';
import { generaliseToken } from '../../../src/core/logs/generalise-token.ts';

describe('generaliseToken', () => {
  it.each([
    ['(eadmin1)', '(badmin1)', '(<*>)'],
    ['www.google.com:<*>', 'proxy.example.hk:<*>', '<*>:<*>'],
    ['LOGIN(uid=<*>)', '(uid=<*>)', '<*>(uid=<*>)'],
    ["'X3'.", "'US'.", "'<*>'."],
    ['alpha', 'beta', '<*>'],
    ['<*>', 'anything', '<*>'],
    ['[LNKA]', '[LNKC]', '[<*>]'],
    ['a.example.com', 'b.example.com', '<*>.example.com'],
    ['<*>,<*>', '<*>', '<*>'],
  ])('generalises %s and %s to %s', (a, b, expected) => {
    expect(generaliseToken(a, b)).toBe(expected);
    expect(generaliseToken(b, a)).toBe(expected);
  });
});
