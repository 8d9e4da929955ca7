import type { Countdown } from '../storage/autonomy-store.ts';
import type { Block, ChatMessage } from './block-kit.ts';
import { encodeRunbookActionValue } from './encode-runbook-action-value.ts';
import { escapeMrkdwn } from './escape-mrkdwn.ts';
import { RUNBOOK_ACTION_IDS, RUNBOOK_BLOCK_IDS } from './runbook-action-ids.ts';
import { runbookMention } from './runbook-mention.ts';
import { truncateText } from './truncate-text.ts';

/**
 * The announcement of an autonomous step in the incident thread: "Running *Restart checkout* in
 * 60 s — [Stop]" while it counts down (the button stops it; only the runbook's approver groups
 * may), then what became of it (stopped by whom, started, finished — with [Undo] when `undoable`,
 * undone by whom).
 */
export function buildCountdownMessage(
  c: Pick<Countdown, 'runId' | 'dueAt' | 'state' | 'settledBy'>,
  title: string,
  now: number,
  why: string,
  undoable = false,
): ChatMessage {
  const name = escapeMrkdwn(title);
  const secs = Math.max(0, Math.ceil((c.dueAt - now) / 1000));
  const line =
    c.state === 'counting'
      ? `:robot_face: Running *${name}* in ${secs} s — press *Stop* to keep it from running.`
      : c.state === 'stopped'
        ? `:octagonal_sign: *${name}* was stopped${c.settledBy && c.settledBy !== 'system' ? ` by ${runbookMention(c.settledBy)}` : ' (autonomy paused)'}: nothing ran.`
        : c.state === 'running'
          ? `:robot_face: Running *${name}* now (no one stopped it).`
          : c.state === 'undone'
            ? `:leftwards_arrow_with_hook: *${name}* ran by itself and was undone${c.settledBy ? ` by ${runbookMention(c.settledBy)}` : ''} (its rollback ran).`
            : `:robot_face: *${name}* ran by itself (see the results below).`;
  const blocks: Block[] = [
    { type: 'section', text: { type: 'mrkdwn', text: truncateText(line, 3000) } },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: truncateText(`Autonomous: ${why} · run \`${escapeMrkdwn(c.runId)}\``, 3000) }],
    },
  ];
  if (c.state === 'counting')
    blocks.push({
      type: 'actions',
      block_id: RUNBOOK_BLOCK_IDS.countdownActions,
      elements: [
        {
          type: 'button',
          action_id: RUNBOOK_ACTION_IDS.stop,
          text: { type: 'plain_text', text: 'Stop', emoji: true },
          value: encodeRunbookActionValue({ runId: c.runId }),
          style: 'danger',
        },
      ],
    });
  if (c.state === 'finished' && undoable)
    blocks.push({
      type: 'actions',
      block_id: RUNBOOK_BLOCK_IDS.countdownActions,
      elements: [
        {
          type: 'button',
          action_id: RUNBOOK_ACTION_IDS.undo,
          text: { type: 'plain_text', text: 'Undo', emoji: true },
          value: encodeRunbookActionValue({ runId: c.runId }),
        },
      ],
    });
  const text = c.state === 'counting' ? `Running ${title} in ${secs} s — Stop` : line.replace(/[*:]/g, '');
  return { text: truncateText(text, 3000), blocks };
}
