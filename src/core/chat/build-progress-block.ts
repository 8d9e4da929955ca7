import type { ContextBlock } from './block-kit.ts';
import { CHAT_IDS } from './chat-ids.ts';
import { escapeMrkdwn } from './escape-mrkdwn.ts';
import type { IncidentView, SourceProgress } from './incident-view.ts';
import { truncateText } from './truncate-text.ts';

const ICON: Readonly<Record<SourceProgress['state'], string>> = {
  running: ':hourglass_flowing_sand:',
  ok: ':white_check_mark:',
  'no-data': ':heavy_minus_sign:',
  failed: ':x:',
};
const WORD: Readonly<Record<SourceProgress['state'], string>> = {
  running: 'reading',
  ok: 'done',
  'no-data': 'no data',
  failed: 'failed',
};

/** The progress bar: each source done, running or failed (with why), and how many have settled. */
export function buildProgressBlock(view: IncidentView): ContextBlock {
  const order = ['changes', 'traces', 'logs'] as const;
  const settled = order.filter((k) => view.progress[k].state !== 'running').length;
  const bar = `${'▰'.repeat(settled)}${'▱'.repeat(order.length - settled)} ${settled}/${order.length} sources`;
  const parts = order.map((k) => {
    const p = view.progress[k];
    const why = p.state === 'failed' || (p.state === 'no-data' && p.detail) ? ` (${p.detail})` : '';
    return `${ICON[p.state]} ${k} ${WORD[p.state]}${escapeMrkdwn(truncateText(why, 200))}`;
  });
  return {
    type: 'context',
    block_id: CHAT_IDS.blocks.progress,
    elements: [{ type: 'mrkdwn', text: `${bar}   ${parts.join('   ')}` }],
  };
}
