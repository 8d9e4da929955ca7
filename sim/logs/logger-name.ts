import { hashString } from '../core/hash-string.ts';
import type { Service } from '../model/topology-model.ts';

function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

const FRAMEWORK_LOGGERS: Readonly<Record<string, string>> = {
  startup: 'org.springframework.boot.StartupInfoLogger',
  shutdown: 'org.springframework.boot.web.embedded.tomcat.GracefulShutdown',
  'request-error': 'org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]',
  'circuit-open': 'io.github.resilience4j.circuitbreaker.internal.CircuitBreakerStateMachine',
  'pool-stats': 'com.zaxxer.hikari.pool.HikariPool',
  shed: 'org.apache.tomcat.util.threads.ThreadPoolExecutor',
  'config-reload': 'org.springframework.cloud.endpoint.event.RefreshEventListener',
};

/** `log.logger` and thread name a service's logger would put on an event. */
export function loggerName(
  svc: Service,
  event: string,
  t: number,
): { logger: string | undefined; thread: string | undefined } {
  const h = hashString(`${svc.name}|${event}`);
  const base = pascal(svc.name);
  switch (svc.lang) {
    case 'java': {
      const fw = event === 'request-error' && h % 4 !== 0 ? FRAMEWORK_LOGGERS[event] : FRAMEWORK_LOGGERS[event];
      const own = [
        `${svc.codeBase}.web.${base}Controller`,
        `${svc.codeBase}.service.${base}Service`,
        `${svc.codeBase}.client.RemoteClient`,
        `${svc.codeBase}.config.RequestLoggingFilter`,
      ][h % 4];
      const thread =
        event === 'consume-ok' || event === 'consume-error'
          ? `org.springframework.kafka.KafkaListenerEndpointContainer#0-0-C-1`
          : event === 'startup' || event === 'shutdown'
            ? 'main'
            : `http-nio-${svc.port}-exec-${1 + (Math.floor(t) % 200)}`;
      return { logger: fw && h % 3 !== 0 ? fw : own, thread };
    }
    case 'python':
      return {
        logger: [`${svc.codeBase}.api`, `${svc.codeBase}.services`, 'uvicorn.error', 'gunicorn.error', 'root'][h % 5],
        thread: 'MainThread',
      };
    case 'dotnet':
      return {
        logger: [
          `${svc.codeBase}.Controllers.${base}Controller`,
          'Microsoft.AspNetCore.Hosting.Diagnostics',
          `${svc.codeBase}.Services.${base}Service`,
          'Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware',
        ][h % 4],
        thread: String(4 + (Math.floor(t) % 40)),
      };
    case 'node':
      return { logger: h % 3 === 0 ? base : undefined, thread: undefined };
    case 'go':
      return { logger: h % 4 === 0 ? svc.name : undefined, thread: undefined };
  }
}
