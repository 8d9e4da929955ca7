import { describe, expect, it } from 'vitest';
import { stepMove } from '../../src/core/runbooks/step-move.ts';

describe('stepMove: the store move for an event, from the state machine', () => {
  it('takes every status the event is legal from, and its one target', () => {
    expect(stepMove('cancel')).toEqual({
      from: ['pending', 'awaiting-approval', 'expired', 'approved'],
      to: 'cancelled',
    });
    expect(stepMove('skip').to).toBe('skipped');
    expect(stepMove('lose')).toEqual({ from: ['pending', 'approved', 'running'], to: 'outcome-unknown' });
    expect(stepMove('request-approval')).toEqual({ from: ['pending', 'expired'], to: 'awaiting-approval' });
    expect(stepMove('succeed')).toEqual({ from: ['running'], to: 'succeeded' });
    expect(stepMove('grant')).toEqual({ from: ['awaiting-approval'], to: 'approved' });
  });

  it('starts from pending only when the step needs no approval', () => {
    expect(stepMove('start')).toEqual({ from: ['approved'], to: 'running' });
    expect(stepMove('start', { needsApproval: false }).from).toContain('pending');
  });

  it('narrows to the status the caller knows, and to nothing when the event is illegal there', () => {
    expect(stepMove('expire', { only: 'awaiting-approval' })).toEqual({ from: ['awaiting-approval'], to: 'expired' });
    expect(stepMove('expire', { only: 'approved' }).from).toEqual(['approved']);
    expect(stepMove('expire', { only: 'running' }).from).toEqual([]);
  });
});
