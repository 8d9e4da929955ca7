import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from 'pino';

const TO_PINO: Record<LogLevel, string> = {
  [LogLevel.DEBUG]: 'debug',
  [LogLevel.INFO]: 'info',
  [LogLevel.WARN]: 'warn',
  [LogLevel.ERROR]: 'error',
};

/**
 * Bolt's Logger interface over the one pino logger: Bolt, its Web API client and Socket Mode write
 * JSON lines through the same root as the service (same redaction of secrets, same destination).
 * Bolt's arguments become the message; `setName` names the Bolt part in a `logger` field.
 */
export function pinoBoltLogger(root: Logger): BoltLogger {
  const log = root.child({ component: 'slack' });
  let name = 'bolt';
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]) => {
      if (!log.isLevelEnabled(level)) return;
      log[level]({ logger: name }, msg.map(text).join(' '));
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: (l) => {
      log.level = TO_PINO[l] ?? 'info';
    },
    getLevel: () => {
      const l = log.level;
      if (l === 'trace' || l === 'debug') return LogLevel.DEBUG;
      if (l === 'info') return LogLevel.INFO;
      if (l === 'warn') return LogLevel.WARN;
      return LogLevel.ERROR;
    },
    setName: (n) => {
      name = n;
    },
  };
}

function text(m: unknown): string {
  if (m instanceof Error) return m.stack ?? m.message;
  if (typeof m === 'string') return m;
  try {
    return JSON.stringify(m) ?? String(m);
  } catch {
    return String(m);
  }
}
