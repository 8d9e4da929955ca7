import type { WebClient } from '@slack/web-api';

/**
 * `groupsOf(user)` for the approval policy: the Slack user groups (S… ids named in
 * `runbooks.approval.groups`) the user is a member of, read with `usergroups.users.list` (scope
 * `usergroups:read`), each group's members cached for `ttlMs`. A lookup that fails or times out
 * counts as "not a member" (fail closed: the person is refused and can retry) and is logged
 * without secrets; nothing is cached from it.
 */
export function createSlackUserGroups(
  client: Pick<WebClient, 'usergroups'>,
  o: {
    readonly groupIds: readonly string[];
    readonly ttlMs: number;
    readonly timeoutMs: number;
    readonly now: () => number;
    readonly log: (line: string) => void;
  },
): (user: string) => Promise<readonly string[]> {
  const cache = new Map<string, { readonly members: ReadonlySet<string>; readonly at: number }>();
  const membersOf = async (group: string): Promise<ReadonlySet<string> | undefined> => {
    const hit = cache.get(group);
    if (hit && o.now() - hit.at < o.ttlMs) return hit.members;
    let timer: NodeJS.Timeout | undefined;
    try {
      const r = await Promise.race([
        client.usergroups.users.list({ usergroup: group }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${o.timeoutMs} ms`)), o.timeoutMs);
        }),
      ]);
      const members = new Set(r.users ?? []);
      cache.set(group, { members, at: o.now() });
      return members;
    } catch (e) {
      o.log(
        `slack user group ${group}: usergroups.users.list failed (${(e as Error).message}); its members are not approvers until it answers`,
      );
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  };
  const groups = [...new Set(o.groupIds.filter((g) => g.startsWith('S')))];
  return async (user) => {
    const found: string[] = [];
    for (const g of groups) if ((await membersOf(g))?.has(user)) found.push(g);
    return found;
  };
}
