import { ERROR_CODES, type ErrorCode } from '../errors/error-codes.ts';
import type { ChatMessage } from './block-kit.ts';
import { buildNoticeMessage } from './build-notice-message.ts';
import { escapeMrkdwn } from './escape-mrkdwn.ts';

/** An error for a person (ephemeral): what went wrong, the code, and what to do about it. */
export function buildErrorMessage(code: ErrorCode, message: string, todo?: string): ChatMessage {
  const fix = todo ?? ERROR_CODES[code].fix;
  return buildNoticeMessage(
    `:warning: ${escapeMrkdwn(message)}\n*What to do:* ${escapeMrkdwn(fix)}\n_(${code})_`,
    `${code}: ${message} — ${fix}`,
  );
}
