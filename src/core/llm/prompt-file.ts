/** A prompt or partial file as read from disk: its path relative to the prompts folder, and its text. */
export type PromptFile = { readonly path: string; readonly text: string };
