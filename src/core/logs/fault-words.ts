/** Words that say a resource ran out (memory, pools, disk, threads, descriptors, quotas). */
export const RESOURCE_WORDS =
  /out ?of ?memory|outofmemory|memory ?error|cannot allocate memory|bad_alloc|exit code 137|waiting for (an )?idle (object|connection)|(unable|could not|failed) to (acquire|obtain|get) (a )?([\w-]+ )?connection|connection is not available|\boom(kill(ed)?)?\b|heap (\d|space|usage|exhausted|limit)|java heap|gc overhead|memory (usage|limit|pressure)|high memory|starv|tasks queued|exhaust|pool (is )?(probably )?(full|exhausted|timeout)|queuepool limit|resourcerequest timed out|(timeout|timed out) (acquiring|waiting for) (a )?([\w-]+ )?connection|too many (open files|connections|clients)|no space|disk (is )?full|low (disk|memory)|disk space|space left|free space|enospc|emfile|thread ?pool|native thread|threads? (exhausted|limit)|event loop (delay|lag|blocked|utili[sz]ation)|(worker|threads?) (are )?(all )?(busy|blocked)|no (available|idle|free) (workers?|threads?)|file descriptor|quota|rejected ?execution|(at|over) capacity|limit (reached|exceeded)|backlog (is )?full|queue (is )?full|max_?connections|max(imum)? number of clients|connection slots|resources? (temporarily )?(unavailable|exhausted)|low on resource/i;

/**
 * Words that say a peer could not be reached at all (refused, no route, DNS). Not "unavailable"
 * or "circuit open": services pass those on from their own callees.
 */
export const CONNECTION_WORDS =
  /refused|unreachable|no route to host|reset by peer|connection (reset|aborted|closed)|could not connect|cannot connect|failed to connect|unable to connect|connect(ion)? (error|failed|timed out)|connect timeout|dial tcp|name resolution|no such host|name or service not known|unknown host|enotfound|econnrefused|etimedout|ehostunreach|econnreset|(server|connection) has gone away|lost connection|broken pipe/i;

/** Words by which a service says a failure came from elsewhere (it is passing it on). */
export const PROPAGATION_WORDS =
  /circuit ?breaker|breaker (is )?open|upstream|downstream|fallback|bad gateway|gateway time-?out|dependency (call )?failed|from (the )?(backend|server|remote)|remote (call|service) failed|rpc error|status code 5\d\d|returned 5\d\d|responded (with )?5\d\d|\b50[234]\b/i;

/**
 * Words that say the caller itself was turned away: its credentials, permissions or certificates
 * (gRPC's UNAUTHENTICATED / PERMISSION_DENIED, and a bare OTel `error.type` of "auth").
 */
export const CLIENT_FAULT_WORDS =
  /authentication failed|auth(entication|orization)? (error|failure)|password|permission[ _]denied|unauthenticated|^auth$|access ?denied|noauth|auth(entication)? required|token[\w ]{0,40}\b(is )?(invalid|expired)|not authori[sz]ed|unauthori[sz]ed|forbidden|invalid (credentials|token|api key|client)|expired (token|credentials|certificate)|certificate|x509|tls handshake|ssl (error|handshake)|\b401\b|\b403\b|28P01|invalid_grant/i;

/** Words that say a service is overloaded: slow, timing out, shedding or queueing load. */
export const SATURATION_WORDS =
  /slow (request|query|response)|took too long|timed? ?out|timeout|deadline exceeded|overload|over capacity|at capacity|too many requests|\b429\b|throttl|rate.?limit|queue (is )?full|backlog|rejected|saturat|high load|load shedding|shedding load/i;

/** Words by which a process says it is starting or stopping: what every deploy or restart logs. */
export const LIFECYCLE_WORDS =
  /\b(starting|started|stopping|stopped|shutting down|shutdown (complete|hook)|received signal|sigterm|draining|listening (on|at)|running on|hosting environment|content root path|now listening|application (started|startup|is shutting)|server (started|listening|stopped)|ready to accept|booted|boot(ing)? |initiali[sz]ing|initiali[sz]ed|graceful(ly)?|bootstrap)/i;

/** Words that say a call took too long: the caller gave up waiting. */
export const TIMEOUT_WORDS = /time[ds]? ?out|timeout|deadline ?exceeded|took too long/i;
