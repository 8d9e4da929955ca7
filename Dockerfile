# syntax=docker/dockerfile:1
# Causeway: `causeway serve` (webhooks, /healthz, /readyz, /metrics, and the Slack app when configured).
# Multi-stage: dependencies are installed in a build stage; the runtime image is Node 24 slim,
# runs as the unprivileged `node` user, and carries only production dependencies and the sources
# (Node 24 runs the TypeScript sources directly: no build step).

FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only; native ones (better-sqlite3 is not used: node:sqlite is built in;
# @napi-rs/canvas ships prebuilt in its npm package).
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    CAUSEWAY_STORAGE_URL=sqlite:/var/lib/causeway/causeway.db \
    CAUSEWAY_SERVER_HOST=0.0.0.0 \
    CAUSEWAY_SERVER_PORT=8080
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --chown=root:root package.json ./
COPY --chown=root:root bin ./bin
COPY --chown=root:root src ./src
COPY --chown=root:root prompts ./prompts
COPY --chown=root:root examples ./examples
RUN mkdir -p /var/lib/causeway && chown node:node /var/lib/causeway
USER node
EXPOSE 8080
VOLUME ["/var/lib/causeway"]
# /healthz answers 200 while the process runs; orchestrators should use /readyz for traffic.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.CAUSEWAY_SERVER_PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM → graceful shutdown (stop accepting, finish in-flight work within server.shutdownGraceSeconds).
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "src/main.ts"]
CMD ["serve"]
