import { describe, expect, it } from 'vitest';
import { isAuditActor } from '../../src/core/audit/audit-actor.ts';
import { cliActor } from '../../src/core/audit/cli-actor.ts';

describe('cliActor', () => {
  it('names the OS user as cli:<name>, a well-formed audit actor', () => {
    expect(cliActor('alice')).toBe('cli:alice');
    expect(cliActor('first.last-2')).toBe('cli:first.last-2');
    expect(isAuditActor(cliActor('alice'))).toBe(true);
  });

  it('replaces what an actor cannot hold and bounds the length', () => {
    expect(cliActor('CORP\\bob smith')).toBe('cli:CORP_bob_smith');
    expect(cliActor('x'.repeat(100))).toBe(`cli:${'x'.repeat(64)}`);
    expect(isAuditActor(cliActor('ü@host'))).toBe(true);
  });

  it('is system when there is no user name', () => {
    expect(cliActor(undefined)).toBe('system');
    expect(cliActor('  ')).toBe('system');
  });
});
