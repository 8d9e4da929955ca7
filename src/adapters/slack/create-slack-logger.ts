import { type Logger, LogLevel } from '@slack/bolt';
import { redactText } from '../../core/audit/redact-secrets.ts';

const ORDER = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

/**
 * Bolt's logger interface over one write function (one line per record). Every configured secret
 * (`configSecrets`) and anything secret-shaped (tokens, request signatures …) is redacted.
 */
export function createSlackLogger(
  write: (line: string) => void,
  level: LogLevel = LogLevel.WARN,
  knownSecrets: readonly string[] = [],
): Logger {
  let current = level;
  let name = 'causeway:slack';
  const log =
    (l: LogLevel) =>
    (...msg: unknown[]) => {
      if (ORDER.indexOf(l) < ORDER.indexOf(current)) return;
      const text = msg
        .map((m) => (m instanceof Error ? (m.stack ?? m.message) : typeof m === 'string' ? m : JSON.stringify(m)))
        .join(' ');
      write(`${name} ${l}: ${redactText(text, knownSecrets)}\n`);
    };
  return {
    debug: log(LogLevel.DEBUG),
    info: log(LogLevel.INFO),
    warn: log(LogLevel.WARN),
    error: log(LogLevel.ERROR),
    setLevel: (l) => {
      current = l;
    },
    getLevel: () => current,
    setName: (n) => {
      name = n;
    },
  };
}
