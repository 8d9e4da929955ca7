import type { MinerOptions } from './create-template-miner.ts';
import { maskKinds } from './mask-kind.ts';

/**
 * The one setting used for every benchmark system and recommended for service logs.
 * `depth`, `similarity` and `maxChildren` are Drain's and drain3's defaults. Of the naming
 * cues, `user` and `for` matter on Loghub (OpenSSH, Linux); the others are common resource
 * nouns in service logs (`tenant acme`, `topic orders`) and change no Loghub result.
 */
export const defaultMinerOptions: Readonly<MinerOptions> = {
  depth: 4,
  similarity: 0.4,
  maxChildren: 100,
  maxTemplates: 10_000,
  masks: maskKinds,
  distinctWords: true,
  nameCues: [
    'user',
    'username',
    'for',
    'host',
    'hostname',
    'service',
    'tenant',
    'account',
    'customer',
    'project',
    'namespace',
    'pod',
    'container',
    'node',
    'database',
    'table',
    'topic',
    'queue',
    'bucket',
  ],
  // Four times Loghub-2k's longest token (288 characters): no benchmark token reaches it.
  maxTokenLength: 1024,
};
