import { createTemplateMiner, type MinerOptions } from '../../src/core/logs/create-template-miner.ts';

export type MinedSample = {
  /** The template id of each message. */
  readonly ids: number[];
  /** The final template of each message's cluster (after all messages were seen). */
  readonly templates: string[];
  readonly templateCount: number;
};

/** Runs one miner over the messages in order, as the streaming engine would. */
export function mineSample(messages: readonly string[], options: Partial<MinerOptions> = {}): MinedSample {
  const miner = createTemplateMiner({ maxTemplates: Math.max(10_000, messages.length), ...options });
  const ids = messages.map((m) => miner.add(m).id);
  const templates = ids.map((id) => miner.get(id)?.template ?? '');
  return { ids, templates, templateCount: miner.size };
}
