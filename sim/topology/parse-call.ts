/** A call as written in a family spec, before targets are resolved. */
export type ParsedCall = {
  /** Service key, or dependency key for `@dep` / `>queue`. */
  readonly target: string;
  readonly type: 'service' | 'dep' | 'publish';
  /** Operation key (service), operation text (dependency) or topic (publish). */
  readonly op: string;
  readonly prob: number;
  readonly min: number;
  readonly max: number;
  readonly critical: boolean;
  readonly parallel: boolean;
  readonly timeoutMs: number | undefined;
  readonly retries: number | undefined;
};

const MODIFIER = /^(\?[\d.]+|x\d+(-\d+)?|~|&|t\d+|r\d+)$/;

/**
 * Parses one call of the mini-language: `target op... [?p] [xN[-M]] [~] [&] [tMS] [rN]`.
 * `@dep` calls a dependency, `>queue topic` publishes; `?` is the probability, `x` the
 * repeat count, `~` non-critical (caller falls back), `&` concurrent with the previous
 * call, `t` the client timeout and `r` the retries.
 */
export function parseCall(text: string): ParsedCall {
  const tokens = text.trim().split(/\s+/);
  const head = tokens[0] ?? '';
  let type: ParsedCall['type'] = 'service';
  let target = head;
  if (head.startsWith('@')) {
    type = 'dep';
    target = head.slice(1);
  } else if (head.startsWith('>')) {
    type = 'publish';
    target = head.slice(1);
  }
  const opWords: string[] = [];
  let prob = 1;
  let min = 1;
  let max = 1;
  let critical = true;
  let parallel = false;
  let timeoutMs: number | undefined;
  let retries: number | undefined;
  for (const tok of tokens.slice(1)) {
    if (!MODIFIER.test(tok)) {
      opWords.push(tok);
      continue;
    }
    if (tok.startsWith('?')) prob = Number(tok.slice(1));
    else if (tok.startsWith('x')) {
      const [a, b] = tok.slice(1).split('-');
      min = Number(a);
      max = Number(b ?? a);
    } else if (tok === '~') critical = false;
    else if (tok === '&') parallel = true;
    else if (tok.startsWith('t')) timeoutMs = Number(tok.slice(1));
    else if (tok.startsWith('r')) retries = Number(tok.slice(1));
  }
  if (!target) throw new Error(`call without target: "${text}"`);
  return { target, type, op: opWords.join(' '), prob, min, max, critical, parallel, timeoutMs, retries };
}
