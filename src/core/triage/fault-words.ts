/** Words that say a resource ran out (memory, pools, disk, threads, descriptors, quotas). */
export const RESOURCE_WORDS =
  /out ?of ?memory|outofmemory|\boom(kill(ed)?)?\b|heap (space|usage|exhausted|limit)|java heap|gc overhead|memory (limit|pressure)|exhaust|pool (is )?(full|exhausted|timeout)|too many (open files|connections|clients)|no space|disk (is )?full|enospc|emfile|thread ?pool|native thread|threads? (exhausted|limit)|file descriptor|quota|rejected ?execution|(at|over) capacity|limit (reached|exceeded)|backlog (is )?full|queue (is )?full|max_?connections|resources? (unavailable|exhausted)/i;

/** Words that say a peer could not be reached or refused. */
export const CONNECTION_WORDS =
  /refused|unreachable|unavailable|no route|reset by peer|broken pipe|could not connect|cannot connect|failed to connect|connect(ion)? (error|failed|timed out)|dial tcp|name resolution|no such host|circuit (breaker )?open|econnrefused|etimedout|ehostunreach/i;
