/**
 * The classes of variable token the miner masks as `<*>` before clustering.
 * - `uuid`: `123e4567-e89b-12d3-a456-426614174000`
 * - `url`: `https://host/path?q=1` (the scheme is kept: `https://<*>`)
 * - `email`: `alice@example.com`
 * - `path`: `/var/log/app.log`, `./x`, `~/x`, `C:\dir\file`
 * - `ip`: IPv4 and IPv6 addresses (a port after `:` is masked as a number: `<*>:<*>`)
 * - `hex`: `0x1f`, `deadbeef42` (6+ hex digits with at least one digit)
 * - `duration`: numbers with a time or size unit: `12ms`, `1.5s`, `10KB`, `45%`
 * - `number`: integers, decimals, signed numbers, dotted numbers, dates
 * - `id`: compound identifiers with numeric parts: `blk_-123`, `node-42`, `task_01_m_000003`
 * - `keyValue`: the value of `key=value` (`uid=0` becomes `uid=<*>`)
 */
export const maskKinds = ['uuid', 'url', 'email', 'path', 'ip', 'hex', 'duration', 'number', 'id', 'keyValue'] as const;

export type MaskKind = (typeof maskKinds)[number];
