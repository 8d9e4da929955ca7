import { hashString } from '../core/hash-string.ts';
import type { Service } from '../model/topology-model.ts';
import type { ErrText } from './err-text.ts';

function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

const SPRING_FRAMES = [
  'org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1014)',
  'org.springframework.web.servlet.FrameworkServlet.doPost(FrameworkServlet.java:914)',
  'jakarta.servlet.http.HttpServlet.service(HttpServlet.java:590)',
  'org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)',
  'jakarta.servlet.http.HttpServlet.service(HttpServlet.java:658)',
  'org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:195)',
  'org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:140)',
  'org.springframework.web.filter.RequestContextFilter.doFilterInternal(RequestContextFilter.java:100)',
  'org.springframework.web.filter.OncePerRequestFilter.doFilter(OncePerRequestFilter.java:116)',
];

/**
 * A stack trace in the service's language for an error raised at `where` (a
 * `Class.method` hint), with plausible frames from its code base and framework.
 */
export function stackTrace(svc: Service, err: ErrText, where: string | undefined, cause?: ErrText): string {
  const h = hashString(`${svc.name}|${err.type}|${where ?? ''}`);
  const line = (k: number): number => 20 + ((h >>> k) % 380);
  const [cls = pascal(svc.name), method = 'handle'] = (where ?? `${pascal(svc.name)}Service.process`).split('.');
  switch (svc.lang) {
    case 'java': {
      const own = [
        `${svc.codeBase}.service.${cls}.${method}(${cls}.java:${line(1)})`,
        `${svc.codeBase}.service.${cls}$$SpringCGLIB$$0.${method}(<generated>)`,
        `${svc.codeBase}.web.${pascal(svc.name)}Controller.${method}(${pascal(svc.name)}Controller.java:${line(5)})`,
        'java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)',
        'java.base/java.lang.reflect.Method.invoke(Method.java:580)',
      ];
      const frames = [...own, ...SPRING_FRAMES.slice(0, 4 + (h % 5))].map((f) => `\tat ${f}`).join('\n');
      const causePart = cause
        ? `\nCaused by: ${cause.type}: ${cause.message}\n\tat ${svc.codeBase}.client.${cls}Client.call(${cls}Client.java:${line(9)})\n\t... ${40 + (h % 60)} common frames omitted`
        : '';
      return `${err.type}${err.message ? `: ${err.message}` : ''}\n${frames}\n\t... ${60 + (h % 40)} more${causePart}`;
    }
    case 'python': {
      const mod = svc.codeBase;
      return [
        'Traceback (most recent call last):',
        `  File "/app/${mod}/api/handlers.py", line ${line(1)}, in ${method
          .replace(/([A-Z])/g, '_$1')
          .toLowerCase()
          .replace(/^_/, '')}`,
        `    result = ${cls
          .replace(/([A-Z])/g, '_$1')
          .toLowerCase()
          .replace(/^_/, '')}.${method.toLowerCase()}(payload)`,
        `  File "/app/${mod}/services/${cls.toLowerCase()}.py", line ${line(4)}, in ${method.toLowerCase()}`,
        '    return self._client.request(method, url, json=body, timeout=self.timeout)',
        `  File "/usr/local/lib/python3.12/site-packages/${err.type.split('.')[0] ?? 'app'}/__init__.py", line ${line(7)}, in request`,
        '    raise exc',
        `${err.type}: ${err.message}`,
      ].join('\n');
    }
    case 'node': {
      const file = cls.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
      return [
        `${err.type.split('.').pop()}: ${err.message}`,
        `    at ${cls}.${method} (/app/dist/services/${file}.js:${line(2)}:${10 + (h % 30)})`,
        '    at process.processTicksAndRejections (node:internal/process/task_queues:105:5)',
        `    at async ${pascal(svc.name)}Controller.handle (/app/dist/controllers/${svc.name}.controller.js:${line(6)}:${5 + (h % 20)})`,
        `    at async /app/node_modules/${svc.framework === 'fastify' ? 'fastify/lib/wrapThenable.js:26:22' : 'express/lib/router/layer.js:95:5'}`,
      ].join('\n');
    }
    case 'dotnet':
      return [
        `${err.type}: ${err.message}`,
        `   at ${svc.codeBase}.Services.${cls}.${method}Async(CancellationToken cancellationToken) in /src/${svc.codeBase}/Services/${cls}.cs:line ${line(3)}`,
        `   at ${svc.codeBase}.Controllers.${pascal(svc.name)}Controller.${method}(CancellationToken ct) in /src/${svc.codeBase}/Controllers/${pascal(svc.name)}Controller.cs:line ${line(8)}`,
        '   at Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor.TaskOfIActionResultExecutor.Execute(ActionContext actionContext, IActionResultTypeMapper mapper, ObjectMethodExecutor executor, Object controller, Object[] arguments)',
        '   at Microsoft.AspNetCore.Routing.EndpointMiddleware.<Invoke>g__AwaitRequestTask|7_0(Endpoint endpoint, Task requestTask, ILogger logger)',
      ].join('\n');
    case 'go':
      return [
        `panic: ${err.message} [recovered]`,
        '',
        `goroutine ${1000 + (h % 90000)} [running]:`,
        `${svc.codeBase}/internal/${cls.toLowerCase()}.(*${cls}).${method}(0xc000${(h % 0xffffff).toString(16)}, {0x1a2b3c0, 0xc0004d2a80})`,
        `\t/src/internal/${cls.toLowerCase()}/${cls.toLowerCase()}.go:${line(2)} +0x${(h % 0xfff).toString(16)}`,
        `${svc.codeBase}/internal/server.(*Server).handle${pascal(method)}(...)`,
        `\t/src/internal/server/handlers.go:${line(5)} +0x1d4`,
      ].join('\n');
  }
}
