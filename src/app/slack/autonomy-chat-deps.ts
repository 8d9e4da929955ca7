import type { ChatPort } from '../../core/chat/chat-port.ts';
import type { AutonomyDeps } from '../autonomy/autonomy-deps.ts';

/** What earned autonomy needs in chat: the chat port and the autonomy use-cases' deps. */
export type AutonomyChatDeps = { readonly chat: ChatPort; readonly autonomy: AutonomyDeps };
