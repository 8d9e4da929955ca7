import type { Phrase } from './phrase.ts';
import { ph } from './phrase-helpers.ts';

const startup: Phrase = (c) => {
  const port = c.svc.port;
  const secs = (4 + (c.t % 2500) / 100).toFixed(3);
  switch (c.svc.lang) {
    case 'java':
      return {
        msg: ph.one(c, [
          `Started ${ph.pascal(c.svc.name)}Application in ${secs} seconds (process running for ${(Number(secs) + 1.2).toFixed(3)})`,
          `Tomcat started on port ${port} (http) with context path '/'`,
          `${c.svc.name} ${ph.s(c, 'version')} on JVM (powered by Quarkus 3.17.2) started in ${secs}s. Listening on: http://0.0.0.0:${port}`,
        ]),
      };
    case 'go':
      return {
        msg: ph.one(c, ['server listening', `starting ${c.svc.name}`, 'HTTP server started']),
        extra: { addr: `:${port}`, version: ph.s(c, 'version') },
      };
    case 'node':
      return {
        msg: ph.one(c, [
          `Server listening at http://0.0.0.0:${port}`,
          `${c.svc.name} listening on port ${port}`,
          `Nest application successfully started`,
        ]),
      };
    case 'python':
      return {
        msg: ph.one(c, [
          `Uvicorn running on http://0.0.0.0:${port} (Press CTRL+C to quit)`,
          `Booting worker with pid: ${7 + (c.t % 30)}`,
          `Listening at: http://0.0.0.0:${port} (1)`,
        ]),
      };
    case 'dotnet':
      return {
        msg: ph.one(c, [
          `Now listening on: http://[::]:${port}`,
          'Application started. Press Ctrl+C to shut down.',
          `Hosting environment: Production`,
        ]),
      };
  }
};

const shutdown: Phrase = (c) => {
  switch (c.svc.lang) {
    case 'java':
      return {
        msg: ph.one(c, [
          'Commencing graceful shutdown. Waiting for active requests to complete',
          'Graceful shutdown complete',
        ]),
      };
    case 'go':
      return {
        msg: ph.one(c, ['shutting down server', 'received signal, draining connections']),
        extra: { signal: 'terminated' },
      };
    case 'node':
      return { msg: ph.one(c, ['received SIGTERM, shutting down gracefully', 'Closing server']) };
    case 'python':
      return { msg: ph.one(c, ['Handling signal: term', 'Shutting down', 'Worker exiting (pid: 8)']) };
    case 'dotnet':
      return { msg: 'Application is shutting down...' };
  }
};

const oomFatal: Phrase = (c) => {
  switch (c.svc.lang) {
    case 'java':
      return {
        msg: ph.one(c, [
          'Terminating due to java.lang.OutOfMemoryError: Java heap space',
          'java.lang.OutOfMemoryError: Java heap space\nDumping heap to /tmp/java_pid1.hprof ...',
        ]),
      };
    case 'go':
      return { msg: 'fatal error: runtime: out of memory' };
    case 'node':
      return { msg: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory' };
    case 'python':
      return { msg: 'MemoryError' };
    case 'dotnet':
      return { msg: 'Out of memory.' };
  }
};

/** Process lifecycle: start-up, graceful shutdown, fatal out-of-memory lines on stderr. */
export const LIFECYCLE_PHRASES: Readonly<Record<string, Phrase>> = { startup, shutdown, 'oom-fatal': oomFatal };
