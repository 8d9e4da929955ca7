import type { TimelineDeps } from '../app/slack/post-timeline.ts';
import type { Config } from '../core/config/config-schema.ts';
import type { Storage } from '../core/storage/storage.ts';
import type { Runtime } from './runtime.ts';

/** The "Timeline" button's deps from the configuration: the storage, and page links when configured. */
export function timelineDeps(config: Readonly<Config>, runtime: Runtime, storage: Storage): TimelineDeps {
  const p = config.postmortem;
  return {
    storage,
    checkpointKey: config.audit.checkpointKey,
    secrets: runtime.secrets,
    now: runtime.now,
    ...(p.pageKey && p.pageBaseUrl
      ? { page: { baseUrl: p.pageBaseUrl, key: p.pageKey, linkMs: p.pageLinkMinutes * 60_000 } }
      : {}),
  };
}
