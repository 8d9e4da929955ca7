import { CLIENT_FAULT_WORDS } from '../logs/fault-words.ts';
import type { SpanKind, SpanRecord } from '../model/span-record.ts';
import { type ErrorMarks, serviceMark, spanMark } from './error-marks.ts';
import type {
  CallFact,
  EntryFact,
  GapFact,
  OriginEntryFact,
  PeerOriginFact,
  RequestFact,
  TraceFacts,
} from './trace-facts.ts';

/** How much of a failure at an uninstrumented dependency's client span is the dependency's (the rest: the caller's). */
const PEER_SHARE = 0.6;
/** How much a failure known only from error logs (no span status anywhere) counts as a located origin. */
const MARK_CERTAINTY = 0.4;
/** …and how much when the span's error says so (connection refused, reset, DNS, timeout). */
const PEER_SURE = 0.85;
/** Errors that are the dependency's doing. */
const PEER_FAULT =
  /refused|reset|unreachable|no route|dns|enotfound|name resolution|timed? ?out|timeout|deadline|unavailable|broken pipe|gone away|lost connection|econn|ehost|etimedout|closed|eof|5\d\d|server error|internal error|too many (connections|clients)|overload/i;
/** How much of a client timeout behind a slow (but successful) callee is the callee's. */
const SLOW_CALLEE_SHARE = 0.8;

type Node = {
  readonly span: SpanRecord;
  kind: SpanKind;
  parent: Node | undefined;
  readonly children: Node[];
  error: boolean;
  errorBelow: boolean;
  /** What the span says of its failure, or else the error log that marked it. */
  errorText: string | undefined;
  /** The span through which the request entered this span's service (set once, parents first). */
  entry: Node | undefined;
};

/**
 * Reads one trace: which service the failure started in (a service's own errors vs errors
 * propagated from its callees; a slow callee behind its callers' timeouts; an uninstrumented
 * dependency behind failing client spans), each service's self time, the requests and calls.
 * Works without span kinds (derived from the parent/child services) and without status codes
 * (then HTTP status and `marks` from error logs decide).
 */
export function analyzeTrace(spans: readonly SpanRecord[], marks?: ErrorMarks): TraceFacts {
  const first = spans[0];
  if (!first) throw new Error('analyzeTrace needs at least one span');
  const byId = new Map<string, SpanRecord>();
  for (const s of spans) byId.set(s.spanId, s);
  const nodes = new Map<string, Node>();
  for (const s of spans) {
    nodes.set(s.spanId, {
      span: s,
      kind: 'unspecified',
      parent: undefined,
      children: [],
      error: false,
      errorBelow: false,
      errorText: s.errorText,
      entry: undefined,
    });
  }
  const roots: Node[] = [];
  for (const n of nodes.values()) {
    const parent = n.span.parentSpanId ? nodes.get(n.span.parentSpanId) : undefined;
    if (parent && parent !== n) {
      parent.children.push(n);
      n.parent = parent;
    } else roots.push(n);
  }
  let markedOnly = 0;
  let byStatus = 0;
  for (const n of nodes.values()) {
    const parent = n.span.parentSpanId ? byId.get(n.span.parentSpanId) : undefined;
    n.kind = effectiveKind(n, parent);
    const e = isError(n, parent, marks);
    n.error = e !== false;
    if (e === true) byStatus++;
    else if (e !== false) {
      markedOnly++;
      n.errorText ??= e.text;
    }
  }
  // Children before parents: iterate a post-order of every root (iteratively, traces can be deep).
  const order = postOrder(roots, nodes.values());
  for (const n of order) n.errorBelow = n.children.some((c) => c.error || c.errorBelow);
  // Parents before children: each span's entry is its same-service parent's (a parent cycle in
  // malformed data, visited out of order, simply starts its own entry).
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i] as Node;
    const p = n.parent;
    n.entry = p && p.span.service === n.span.service && p.entry ? p.entry : n;
  }

  const origins = new Map<string, number>();
  const selfTime = new Map<string, number>();
  const operationSelfTime = new Map<string, Map<string, number>>();
  const requests: RequestFact[] = [];
  const calls: CallFact[] = [];
  const gaps: GapFact[] = [];
  const services = new Set<string>();
  const entries: EntryFact[] = [];
  const ownOrigins: OriginEntryFact[] = [];
  const peerOrigins: PeerOriginFact[] = [];
  let start = Number.POSITIVE_INFINITY;
  let failing = false;

  for (const n of order) {
    const s = n.span;
    const dur = s.end - s.start;
    start = Math.min(start, s.start);
    services.add(s.service);
    if (n.error) failing = true;
    const remote = n.children.filter((c) => c.span.service !== s.service);
    const isCall = n.kind === 'client' || n.kind === 'producer' || (n.kind === 'internal' && remote.length > 0);
    const peer = isCall && n.children.length === 0 ? s.peer : undefined;

    // Self time: the span's duration minus what its children cover. What a call spends outside
    // its callee's span — all of a call to an uninstrumented dependency — is a gap, whose owner
    // the windows decide (see gapOwners).
    const own = Math.max(0, dur - covered(n));
    // Only a client span is a call and nothing else (not a message: a consumer runs on its own
    // time, after its producer ended; not an internal span doing work around its remote children).
    const callee = n.kind === 'client' && !peer ? remote.find((c) => c.kind !== 'consumer') : undefined;
    if (callee) {
      gaps.push({ from: s.service, to: callee.span.service, operation: entryOf(n).span.name, start: s.start, ms: own });
    } else if (peer) {
      gaps.push({ from: s.service, to: peer, leaf: true, operation: entryOf(n).span.name, start: s.start, ms: own });
    } else {
      selfTime.set(s.service, (selfTime.get(s.service) ?? 0) + own);
      let byOp = operationSelfTime.get(s.service);
      if (!byOp) {
        byOp = new Map();
        operationSelfTime.set(s.service, byOp);
      }
      const op = entryOf(n).span.name;
      byOp.set(op, (byOp.get(op) ?? 0) + own);
    }

    if (n.kind === 'server' || n.kind === 'consumer' || !s.parentSpanId || !byId.has(s.parentSpanId)) {
      requests.push({ service: s.service, start: s.start, durationMs: dur, error: n.error });
    }
    if (!n.parent || n.parent.span.service !== s.service) {
      entries.push({ service: s.service, operation: s.name, callees: calleesOf(n), last: lastCalleeOf(n) });
    }
    if (peer) {
      services.add(peer);
      requests.push({ service: peer, start: s.start, durationMs: dur, error: n.error });
      calls.push({
        from: s.service,
        to: peer,
        start: s.start,
        durationMs: dur,
        error: n.error,
        ...(s.address ? { address: s.address } : {}),
        ...(n.error && n.errorText ? { errorText: n.errorText } : {}),
      });
    } else if (isCall) {
      for (const c of remote) {
        calls.push({
          from: s.service,
          to: c.span.service,
          start: s.start,
          durationMs: dur,
          error: n.error,
          ...(n.error && n.errorText ? { errorText: n.errorText } : {}),
        });
      }
    } else {
      // A server span with children in another service: the client span is missing (some
      // exports have no span kinds); the child stands for the call.
      for (const c of remote) {
        calls.push({
          from: s.service,
          to: c.span.service,
          start: c.span.start,
          durationMs: c.span.end - c.span.start,
          error: c.error,
        });
      }
    }

    if (n.error && !n.errorBelow) {
      const before = peer ? (origins.get(peer) ?? 0) : 0;
      if (addOrigin(origins, n, isCall, peer)) {
        const entry = entryOf(n);
        ownOrigins.push({
          service: s.service,
          operation: entry.span.name,
          callees: calleesOf(entry),
          share: 1,
          ...(n.errorText ? { errorText: n.errorText } : {}),
        });
      } else if (isCall && peer) {
        peerOrigins.push({
          caller: s.service,
          peer,
          address: s.address,
          share: (origins.get(peer) ?? 0) - before,
          durationMs: s.end - s.start,
          errorText: n.errorText,
        });
      }
    }
  }
  const total = normalise(origins);
  const originEntries = ownOrigins.map((o) => ({ ...o, share: o.share / total }));
  return {
    traceId: first.traceId,
    start,
    failing,
    origins,
    peerOrigins: peerOrigins.map((o) => ({ ...o, share: o.share / total })),
    // Failures known only from error logs say less about where they started than span statuses.
    originCertainty: byStatus === 0 && markedOnly > 0 ? MARK_CERTAINTY : 1,
    originEntries,
    selfTime,
    operationSelfTime,
    gaps,
    requests,
    calls,
    services,
    entries,
  };
}

/** The span through which the request entered this span's service. */
function entryOf(n: Node): Node {
  return n.entry ?? n;
}

/** The remote services and dependencies called from within a service's part of the trace under `entry`. */
/** The service an entry called last (the remote call that started latest under it), '' when none. */
function lastCalleeOf(entry: Node): string {
  let last = '';
  let at = Number.NEGATIVE_INFINITY;
  const stack = [entry];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    for (const c of n.children) {
      if (c.span.service !== entry.span.service) {
        if (c.span.start >= at) {
          at = c.span.start;
          last = c.span.service;
        }
      } else stack.push(c);
    }
    if (n.children.length === 0 && n.span.peer && n !== entry && n.span.start >= at) {
      at = n.span.start;
      last = n.span.peer;
    }
  }
  return last;
}

function calleesOf(entry: Node): string[] {
  const out = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    if (n.children.length === 0 && n.span.peer && n !== entry) out.add(n.span.peer);
    for (const c of n.children) {
      if (c.span.service !== entry.span.service) out.add(c.span.service);
      else stack.push(c);
    }
  }
  return [...out].sort();
}

/** Adds one failure origin; true when the failure is the span's own (not a call that failed). */
function addOrigin(origins: Map<string, number>, n: Node, isCall: boolean, peer: string | undefined): boolean {
  const s = n.span;
  const add = (svc: string, w: number) => origins.set(svc, (origins.get(svc) ?? 0) + w);
  if (isCall && peer) {
    // The error itself often says whose it is: refused/reset/DNS/timeout → the dependency;
    // rejected credentials or a bad request → the caller.
    const share =
      n.errorText && CLIENT_FAULT_WORDS.test(n.errorText)
        ? 1 - PEER_SURE
        : n.errorText && PEER_FAULT.test(n.errorText)
          ? PEER_SURE
          : PEER_SHARE;
    add(peer, share);
    add(s.service, 1 - share);
    return false;
  }
  if (isCall && n.children.length > 0) {
    // The callee answered without error but the call failed: a timeout behind a slow callee,
    // or a failure between them. The slowest remote child tells which.
    let slow: Node | undefined;
    for (const c of n.children) if (!slow || c.span.end - c.span.start > slow.span.end - slow.span.start) slow = c;
    const dur = s.end - s.start;
    if (slow && slow.span.service !== s.service) {
      const childDur = slow.span.end - slow.span.start;
      if (slow.span.end >= s.end - 1 || childDur >= 0.8 * dur) {
        add(slow.span.service, SLOW_CALLEE_SHARE);
        add(s.service, 1 - SLOW_CALLEE_SHARE);
        return false;
      }
    }
    add(s.service, 1);
    return false;
  }
  add(s.service, 1);
  return true;
}

/** Scales the shares to sum to 1; returns the total before scaling. */
function normalise(m: Map<string, number>): number {
  let total = 0;
  for (const v of m.values()) total += v;
  if (total <= 0) return 1;
  for (const [k, v] of m) m.set(k, v / total);
  return total;
}

function effectiveKind(n: Node, parent: SpanRecord | undefined): SpanKind {
  if (n.span.kind !== 'unspecified') return n.span.kind;
  if (!parent || parent.service !== n.span.service) return 'server';
  if (n.span.peer || n.children.some((c) => c.span.service !== n.span.service)) return 'client';
  return 'internal';
}

/** true: the span says it failed; a mark: only an error log joined by trace id says so (with its text); false: no failure known. */
function isError(
  n: Node,
  parent: SpanRecord | undefined,
  marks: ErrorMarks | undefined,
): boolean | { readonly text: string } {
  const s = n.span;
  if (s.status === 'error') return true;
  if (s.status === 'ok') return false;
  if (s.httpStatus !== undefined) {
    if (s.httpStatus >= 500) return true;
    if ((n.kind === 'client' || n.kind === 'producer') && s.httpStatus === 429) return true;
  }
  if (!marks || marks.size === 0) return false;
  const own = marks.get(spanMark(s.traceId, s.spanId));
  if (own !== undefined) return { text: own };
  // A service-level mark (an error log with a trace id but no span id) marks the service's entry span.
  const isEntry = !parent || parent.service !== s.service;
  const service = isEntry ? marks.get(serviceMark(s.traceId, s.service)) : undefined;
  return service !== undefined ? { text: service } : false;
}

/**
 * Milliseconds of `n` covered by its children (union of their intervals, clipped to n). A
 * synchronous child in another service that does not fit inside its parent is moved inside
 * first: the two hosts' clocks disagree (as Jaeger adjusts clock skew), and without the move a
 * callee's slowness would count as its caller's own time.
 */
function covered(n: Node): number {
  if (n.children.length === 0) return 0;
  const lo = n.span.start;
  const hi = n.span.end;
  const iv = n.children
    .map((c) => {
      const shift = skewShift(n, c);
      return [Math.max(lo, c.span.start + shift), Math.min(hi, c.span.end + shift)] as const;
    })
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let curA = Number.NEGATIVE_INFINITY;
  let curB = Number.NEGATIVE_INFINITY;
  for (const [a, b] of iv) {
    if (a > curB) {
      if (curB > curA) total += curB - curA;
      curA = a;
      curB = b;
    } else if (b > curB) curB = b;
  }
  if (curB > curA) total += curB - curA;
  return total;
}

/**
 * How far to move a child span (ms) so that it lies inside its parent: only for a child in another
 * service answering a synchronous call (a consumer may legitimately run after its producer ended).
 */
function skewShift(parent: Node, child: Node): number {
  if (child.span.service === parent.span.service) return 0;
  if (parent.kind === 'producer' || child.kind === 'consumer') return 0;
  const { start, end } = child.span;
  if (start >= parent.span.start && end <= parent.span.end) return 0;
  if (end - start >= parent.span.end - parent.span.start) return parent.span.start - start;
  return start < parent.span.start ? parent.span.start - start : parent.span.end - end;
}

/** Children before parents, from every root; nodes caught in a parent cycle (malformed data) come last. */
function postOrder(roots: readonly Node[], all: Iterable<Node>): Node[] {
  const out: Node[] = [];
  const seen = new Set<Node>();
  const stack: { node: Node; expanded: boolean }[] = roots.map((node) => ({ node, expanded: false }));
  const rest = [...all];
  while (stack.length > 0 || rest.length > 0) {
    if (stack.length === 0) {
      const next = rest.pop() as Node;
      if (!seen.has(next)) stack.push({ node: next, expanded: false });
      continue;
    }
    const top = stack.pop() as { node: Node; expanded: boolean };
    if (top.expanded) {
      out.push(top.node);
      continue;
    }
    if (seen.has(top.node)) continue; // guards against parent cycles in malformed data
    seen.add(top.node);
    stack.push({ node: top.node, expanded: true });
    for (const c of top.node.children) stack.push({ node: c, expanded: false });
  }
  return out;
}
