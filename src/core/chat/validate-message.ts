import type { Block, ButtonElement, ChatMessage, TextObject } from './block-kit.ts';
import { SLACK_LIMITS as L } from './slack-limits.ts';

/**
 * Checks a message against Slack's limits: block count, text lengths, element counts, unique
 * `block_id`s and `action_id`s, non-empty texts. Returns every problem found (empty: valid), each
 * naming the block by position, e.g. `blocks[3].text: 3120 characters (max 3000)`.
 */
export function validateMessage(message: ChatMessage): string[] {
  const problems: string[] = [];
  const tooLong = (where: string, text: string, max: number) => {
    if (text.length > max) problems.push(`${where}: ${text.length} characters (max ${max})`);
  };
  const text = (where: string, t: TextObject, max: number, kind?: 'plain_text') => {
    if (kind && t.type !== kind) problems.push(`${where}: must be ${kind}`);
    if (t.text.length === 0) problems.push(`${where}: empty text`);
    tooLong(where, t.text, max);
  };
  const actionIds = new Set<string>();
  const blockIds = new Set<string>();
  const button = (where: string, b: ButtonElement) => {
    text(`${where}.text`, b.text, L.buttonText, 'plain_text');
    if (b.action_id.length === 0) problems.push(`${where}.action_id: empty`);
    tooLong(`${where}.action_id`, b.action_id, L.actionId);
    if (actionIds.has(b.action_id)) problems.push(`${where}.action_id: "${b.action_id}" is not unique`);
    actionIds.add(b.action_id);
    if (b.value !== undefined) tooLong(`${where}.value`, b.value, L.buttonValue);
    if (b.url !== undefined) tooLong(`${where}.url`, b.url, L.buttonUrl);
  };

  tooLong('text', message.text, L.messageText);
  if (message.text.trim() === '') problems.push('text: empty (Slack uses it for notifications and screen readers)');
  if (message.blocks.length > L.messageBlocks)
    problems.push(`blocks: ${message.blocks.length} blocks (max ${L.messageBlocks})`);
  message.blocks.forEach((block: Block, i) => {
    const at = `blocks[${i}]`;
    if (block.block_id !== undefined) {
      tooLong(`${at}.block_id`, block.block_id, L.blockId);
      if (blockIds.has(block.block_id)) problems.push(`${at}.block_id: "${block.block_id}" is not unique`);
      blockIds.add(block.block_id);
    }
    switch (block.type) {
      case 'header':
        text(`${at}.text`, block.text, L.headerText, 'plain_text');
        break;
      case 'section':
        if (!block.text && !block.fields?.length) problems.push(`${at}: a section needs text or fields`);
        if (block.text) text(`${at}.text`, block.text, L.sectionText);
        if (block.fields) {
          if (block.fields.length > L.sectionFields)
            problems.push(`${at}.fields: ${block.fields.length} fields (max ${L.sectionFields})`);
          block.fields.forEach((f, j) => {
            text(`${at}.fields[${j}]`, f, L.sectionFieldText);
          });
        }
        if (block.accessory) button(`${at}.accessory`, block.accessory);
        break;
      case 'context':
        if (block.elements.length === 0 || block.elements.length > L.contextElements)
          problems.push(`${at}.elements: ${block.elements.length} elements (1 to ${L.contextElements})`);
        block.elements.forEach((e, j) => {
          if (e.type === 'image') {
            tooLong(`${at}.elements[${j}].alt_text`, e.alt_text, L.imageAltText);
            tooLong(`${at}.elements[${j}].image_url`, e.image_url, L.imageUrl);
          } else text(`${at}.elements[${j}]`, e, L.contextText);
        });
        break;
      case 'actions':
        if (block.elements.length === 0 || block.elements.length > L.actionsElements)
          problems.push(`${at}.elements: ${block.elements.length} elements (1 to ${L.actionsElements})`);
        block.elements.forEach((e, j) => {
          button(`${at}.elements[${j}]`, e);
        });
        break;
      case 'divider':
        break;
    }
  });
  return problems;
}
