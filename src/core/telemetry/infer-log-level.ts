import type { LogLevel } from '../model/log-level.ts';

const LEVEL_WORD = /\b(FATAL|PANIC|CRITICAL|ERROR|ERR|SEVERE|WARN|WARNING|INFO|DEBUG|TRACE)\b/;
/**
 * `\w(?:Exception|Error)\b` finds a word ending in Exception or Error as `\w+(?:…)` would, but in
 * linear time: `\w+` retried the whole rest of a long word from each of its characters, so one
 * 1 MB word (a base64 blob, a long URL) took minutes.
 */
const ERRORISH = /\b(?:exception|traceback|panic:|stack trace|fatal error|error:)|\w(?:Exception|Error)\b/i;

/** A level for a line that carries none: an upper-case level word in the message, else error-looking text, else info. */
export function inferLogLevel(message: string): LogLevel {
  const m = LEVEL_WORD.exec(message.slice(0, 200));
  if (m) {
    const w = m[1] as string;
    if (w === 'FATAL' || w === 'PANIC' || w === 'CRITICAL') return 'fatal';
    if (w === 'ERROR' || w === 'ERR' || w === 'SEVERE') return 'error';
    if (w === 'WARN' || w === 'WARNING') return 'warn';
    if (w === 'DEBUG') return 'debug';
    if (w === 'TRACE') return 'trace';
    return 'info';
  }
  return ERRORISH.test(message) ? 'error' : 'info';
}
