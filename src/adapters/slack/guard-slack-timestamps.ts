import type { RequestListener } from 'node:http';
import type { Logger } from '@slack/bolt';
import { checkSlackTimestamp } from '../../core/chat/check-slack-timestamp.ts';

/**
 * Wraps Bolt's HTTP request listener: a request whose signed timestamp is malformed, in
 * milliseconds, or more than 5 minutes from the clock is answered 401 from its headers alone (its
 * body never read) and never reaches Bolt; the rest go on to Bolt's signature check. `now` is the
 * clock Bolt's verifier reads.
 */
export function guardSlackTimestamps(
  next: RequestListener,
  logger: Logger,
  now: () => number = Date.now,
): RequestListener {
  return (req, res) => {
    if (req.method === 'POST') {
      const raw = req.headers['x-slack-request-timestamp'];
      const check = checkSlackTimestamp(Array.isArray(raw) ? raw.join(',') : raw, now());
      if (!check.ok) {
        logger.warn(`Refused a Slack request before reading it: ${check.reason}`);
        res.writeHead(401, { connection: 'close', 'content-length': 0 });
        res.end();
        res.on('finish', () => req.destroy());
        return;
      }
    }
    next(req, res);
  };
}
