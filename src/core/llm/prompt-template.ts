/**
 * One prompt as loaded from `prompts/<id>.md`: a system part (instructions only, never data) and a
 * user part with named slots that are filled with fenced data at call time. `hash` names the
 * effective template (partials resolved) and is recorded with every call.
 */
export type PromptTemplate = {
  readonly id: string;
  readonly version: number;
  readonly description: string;
  readonly system: string;
  readonly user: string;
  /** The slots the user part uses, in order of first use. */
  readonly slots: readonly string[];
  /** `sha256:<hex>` of the effective template. */
  readonly hash: string;
  /** The file it came from (for messages). */
  readonly file: string;
};
