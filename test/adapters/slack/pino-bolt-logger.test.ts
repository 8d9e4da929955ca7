import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/adapters/observability/create-logger.ts';
import { pinoBoltLogger } from '../../../src/adapters/slack/pino-bolt-logger.ts';

function capture(level = 'info', knownSecrets: readonly string[] = []) {
  const lines: Record<string, unknown>[] = [];
  const root = createLogger({
    level,
    name: 'causeway',
    knownSecrets,
    destination: { write: (s: string) => lines.push(JSON.parse(s) as Record<string, unknown>) },
  });
  return { root, lines };
}

describe('pinoBoltLogger: Bolt writes through the one pino logger', () => {
  it('writes JSON lines at the level Bolt asked for, with its name and arguments joined', () => {
    const { root, lines } = capture();
    const bolt = pinoBoltLogger(root);
    bolt.setName('web-api:WebClient:1');
    bolt.warn('http request failed', { status: 500 });
    bolt.error('listener failed:', new Error('boom'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      level: 'warn',
      name: 'causeway',
      component: 'slack',
      logger: 'web-api:WebClient:1',
      msg: 'http request failed {"status":500}',
    });
    expect(lines[1]?.level).toBe('error');
    expect(String(lines[1]?.msg)).toMatch(/^listener failed: Error: boom\n\s+at /);
  });

  it('follows the configured level, and Bolt can read and change it', () => {
    const { root, lines } = capture('warn');
    const bolt = pinoBoltLogger(root);
    expect(bolt.getLevel()).toBe(LogLevel.WARN);
    bolt.info('not written');
    bolt.setLevel(LogLevel.DEBUG);
    expect(bolt.getLevel()).toBe(LogLevel.DEBUG);
    bolt.debug('written');
    expect(lines.map((l) => l.msg)).toEqual(['written']);
    // The root keeps its own level: only Bolt's part moved.
    root.info('service info');
    expect(lines).toHaveLength(1);
  });

  it('redacts the configured secrets and secret-shaped values, as the chat and the audit do', () => {
    const known = 'sig-secret-0123456789';
    const { root, lines } = capture('debug', [known]);
    const bolt = pinoBoltLogger(root);
    bolt.debug('verifying with', known, 'and token xoxb-1111-2222-abcdefABCDEF');
    bolt.info({ body: `secret=${known}` });
    root.info({ detail: `Bearer abcdefghijklmnop0123 and ${known}` }, 'plain');
    const all = JSON.stringify(lines);
    expect(lines).toHaveLength(3);
    expect(all).not.toContain(known);
    expect(all).not.toContain('xoxb-1111-2222-abcdefABCDEF');
    expect(all).not.toContain('abcdefghijklmnop0123');
    expect(all).toContain('[REDACTED]');
  });
});
