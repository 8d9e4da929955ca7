import { describe, expect, it } from 'vitest';
import { expireApprovals } from '../../src/app/runbooks/expire-approvals.ts';
import { proposeRun } from '../../src/app/runbooks/propose-run.ts';
import { requestApproval } from '../../src/app/runbooks/request-approval.ts';
import { adoptApprovalCards } from '../../src/app/slack/adopt-approval-cards.ts';
import type { ChatRef } from '../../src/core/chat/chat-port.ts';
import { BACKENDS } from '../storage/support/backends.ts';
import {
  catalogOf,
  runbookDeps,
  runbookTestEnv,
  scriptedProbe,
  testClock,
  UNDO_RUNBOOK,
} from './support/runbook-harness.ts';

describe.each(BACKENDS)('approval cards after a restart: $name', (backend) => {
  const env = runbookTestEnv(backend);

  it('finds the cards of pending approvals in the audit trail, and not those settled since', async () => {
    const db = await env.fresh();
    const storage = await db.open();
    const clock = testClock();
    const deps = runbookDeps(storage, {
      catalog: catalogOf([UNDO_RUNBOOK]),
      path: env.kubectl.path,
      probe: scriptedProbe([0.01]),
      clock,
    });
    const cardOf = async (n: number) => {
      const r = await proposeRun(deps, {
        runbookId: 'undo-checkout',
        incidentId: `INC-${n}`,
        params: { service: 'checkout' },
        proposedBy: 'slack:U0ALICE',
      });
      if (!r.ok) throw new Error(r.error.message);
      const asked = await requestApproval(deps, { runId: r.value.run.id, requestedBy: 'slack:U0ALICE' });
      if (!asked.ok) throw new Error(asked.error.message);
      // What handleRunAction audits when it posts the approval card.
      await storage.audit.append({
        actor: 'slack:U0ALICE',
        action: 'message.posted',
        subject: `run:${r.value.run.id}`,
        data: {
          incidentId: `INC-${n}`,
          runId: r.value.run.id,
          kind: 'runbook-approval',
          channel: 'C0ALERTS',
          ts: `1763900000.00000${n}`,
          threadTs: '1763899000.000100',
        },
      });
      return r.value.run.id;
    };
    const first = await cardOf(1);
    const second = await cardOf(2);

    // A fresh process: nothing in memory.
    const cards = new Map<string, ChatRef>();
    expect(await adoptApprovalCards({ runs: storage.runs, audit: storage.audit, cards })).toBe(2);
    expect(cards.get(first)).toEqual({ channel: 'C0ALERTS', ts: '1763900000.000001' });
    expect(cards.get(second)).toEqual({ channel: 'C0ALERTS', ts: '1763900000.000002' });
    // Adopting again changes nothing.
    expect(await adoptApprovalCards({ runs: storage.runs, audit: storage.audit, cards })).toBe(0);

    // Once the requests ran out, another restart adopts nothing.
    clock.advance(31 * 60_000);
    await expireApprovals(deps);
    const later = new Map<string, ChatRef>();
    expect(await adoptApprovalCards({ runs: storage.runs, audit: storage.audit, cards: later })).toBe(0);
    expect(later.size).toBe(0);
  });
});
