import { describe, expect, it } from 'vitest';
import { findMessageField } from '../../../src/core/logs/find-message-field.ts';

describe('findMessageField', () => {
  it('reads a top-level message beside flat dotted keys', () => {
    expect(findMessageField({ 'service.name': 'cart', message: 'hello' })).toBe('hello');
  });

  it('reads a nested message, nearest first', () => {
    expect(findMessageField({ _source: { message: 'from es' } })).toBe('from es');
    expect(findMessageField({ a: { b: { message: 'deep' } }, c: { message: 'shallow' } })).toBe('shallow');
  });

  it('returns undefined without a message string', () => {
    expect(findMessageField({ msg: 'x' })).toBeUndefined();
    expect(findMessageField({ message: 42 })).toBeUndefined();
    expect(findMessageField('message')).toBeUndefined();
    expect(findMessageField(null)).toBeUndefined();
    expect(findMessageField([{ message: 'in an array' }])).toBeUndefined();
  });
});
