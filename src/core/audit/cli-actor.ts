import type { AuditActor } from './audit-actor.ts';

/**
 * The audit actor for something done from the CLI: `cli:<OS user name>`, with characters an
 * actor cannot hold replaced by `_` and at most 64 of them; `system` when there is no name.
 */
export function cliActor(userName: string | undefined): AuditActor {
  const name = (userName ?? '')
    .trim()
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .slice(0, 64);
  return name === '' ? 'system' : `cli:${name}`;
}
