import type { Block, ChatMessage, TextObject } from '../../core/chat/block-kit.ts';

const plain = (t: TextObject) =>
  t.text
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<@([A-Z0-9]+)>/g, '@$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** A Block Kit message as a terminal shows it: one paragraph per block, buttons in brackets. */
export function renderBlocksAsText(m: ChatMessage): string {
  const out: string[] = [];
  const line = (b: Block) => {
    switch (b.type) {
      case 'header':
        return plain(b.text).toUpperCase();
      case 'section':
        return [b.text ? plain(b.text) : '', ...(b.fields ?? []).map(plain)].filter(Boolean).join('\n');
      case 'context':
        return b.elements.map((e) => (e.type === 'image' ? `[${e.alt_text}]` : `  ${plain(e)}`)).join(' ');
      case 'actions':
        return b.elements.map((e) => `[${e.text.text}]`).join(' ');
      case 'divider':
        return '─'.repeat(40);
    }
  };
  for (const b of m.blocks) out.push(line(b));
  return `${out.join('\n')}\n`;
}
