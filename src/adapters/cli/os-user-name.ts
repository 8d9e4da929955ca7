import { userInfo } from 'node:os';

/** The OS user running the CLI: the account's name, else $USER (e.g. a uid with no passwd entry), else undefined. */
export function osUserName(env: Readonly<Record<string, string | undefined>>): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return env.USER || undefined;
  }
}
