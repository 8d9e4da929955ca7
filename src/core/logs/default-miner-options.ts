import type { MinerOptions } from './create-template-miner.ts';
import { maskKinds } from './mask-kind.ts';

/** The one setting used for every benchmark system and recommended for service logs. */
export const defaultMinerOptions: Readonly<MinerOptions> = {
  depth: 4,
  similarity: 0.4,
  maxChildren: 100,
  maxTemplates: 10_000,
  masks: maskKinds,
  distinctWords: true,
  nameCues: ['user', 'for'],
};
