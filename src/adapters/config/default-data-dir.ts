import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * Where Causeway keeps its default SQLite database when neither storage.url nor storage.dataDir is
 * set: `$XDG_DATA_HOME/causeway` (when that is an absolute path, as the XDG spec asks), else
 * `~/.local/share/causeway` — the same folder whatever the working directory.
 */
export function defaultDataDir(env: Readonly<Record<string, string | undefined>>, home = homedir()): string {
  const xdg = env.XDG_DATA_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'causeway');
  const h = env.HOME && isAbsolute(env.HOME) ? env.HOME : home;
  return join(h, '.local', 'share', 'causeway');
}
