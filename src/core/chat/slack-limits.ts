/**
 * Slack's documented limits for messages and Block Kit (characters are counted here as UTF-16
 * code units, which is never fewer than Slack's count).
 */
export const SLACK_LIMITS = {
  /** Blocks in one message. */
  messageBlocks: 50,
  /** `text` of chat.postMessage / chat.update (Slack truncates longer text). */
  messageText: 40_000,
  /** Kept shorter on purpose: notifications and screen readers read the fallback text. */
  fallbackText: 3_000,
  sectionText: 3_000,
  sectionFields: 10,
  sectionFieldText: 2_000,
  headerText: 150,
  contextElements: 10,
  contextText: 3_000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2_000,
  buttonUrl: 3_000,
  actionId: 255,
  blockId: 255,
  imageAltText: 2_000,
  imageUrl: 3_000,
  /** Ephemeral responses and slash-command acks are ordinary messages; the same limits apply. */
} as const;
