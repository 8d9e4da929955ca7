import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../../../src/core/model/log-record.ts';
import { createLogAccumulator } from '../../../src/core/telemetry/create-log-accumulator.ts';
import { inferLogLevel } from '../../../src/core/telemetry/infer-log-level.ts';

describe('inferLogLevel', () => {
  it('reads a level word, else error-looking text, else info', () => {
    expect(inferLogLevel('2026-01-01 ERROR payment failed')).toBe('error');
    expect(inferLogLevel('WARN slow')).toBe('warn');
    expect(inferLogLevel('java.lang.NullPointerException at Foo.bar')).toBe('error');
    expect(inferLogLevel('request failed with TimeoutError')).toBe('error');
    expect(inferLogLevel('Traceback (most recent call last):')).toBe('error');
    expect(inferLogLevel('an Error happened')).toBe('info');
    expect(inferLogLevel('ErrorsCount rose')).toBe('info');
    expect(inferLogLevel('request completed')).toBe('info');
  });

  it('gives what the former pattern gave, on many generated messages', () => {
    // The former ERRORISH pattern, whose `\w+` made one long word quadratic; the results must not change.
    const former = /\b(?:exception|traceback|panic:|stack trace|fatal error|error:)|\w+(?:Exception|Error)\b/i;
    const pieces = [
      'Error',
      'error',
      'Exception',
      'exception',
      'x',
      '_',
      '9',
      ' ',
      '.',
      ':',
      'é',
      'Err',
      'or',
      'tion',
      'Excep',
    ];
    let s = 7;
    for (let n = 0; n < 5000; n++) {
      let m = '';
      const len = 1 + (n % 9);
      for (let i = 0; i < len; i++) {
        s = (s * 1103515245 + 12345) & 0x7fffffff;
        m += pieces[s % pieces.length];
      }
      // No upper-case level word can occur in these messages, so only the error-looking test decides.
      expect(inferLogLevel(m), JSON.stringify(m)).toBe(former.test(m) ? 'error' : 'info');
    }
  });

  it('takes linear time on a message that is one 1 MB word', () => {
    expect(inferLogLevel('a'.repeat(1_048_576))).toBe('info');
    expect(inferLogLevel(`${'a'.repeat(1_048_576)}Exception`)).toBe('error');
    expect(inferLogLevel(`${'a'.repeat(1_048_576)}Exceptional`)).toBe('info');
  });
});

const log = (ts: number, message: string): LogRecord => ({
  ts,
  service: 'api',
  message,
  level: undefined,
  traceId: undefined,
  spanId: undefined,
  errorType: undefined,
  pod: undefined,
});

describe('createLogAccumulator with a 1 MB word', () => {
  it('counts the line and learns the template <*> (a line without a level)', () => {
    const acc = createLogAccumulator({ from: 0, to: 60_000 }, 10_000);
    for (let i = 0; i < 3; i++) acc.add(log(1000 * i, 'Q'.repeat(1_048_576 + i)));
    acc.add(log(5000, 'request completed'));
    expect(acc.lineCount).toBe(4);
    const w = acc.windowed({ from: 0, to: 30_000 }, { from: 30_000, to: 60_000 }, new Map());
    expect(w.patterns.map((p) => p.template).sort()).toEqual(['<*>', 'request completed']);
  });
});
