# syntax=docker/dockerfile:1
# Causeway: `causeway serve` (webhooks, /healthz, /readyz, /metrics, and the Slack app when configured).
# Three stages: production dependencies (npm), kubectl (built from the k8s.io/kubectl Go module at
# the version pinned in deploy/kubectl/go.mod, checked against its go.sum), and the runtime: Node 24
# slim with a font for the chart PNGs, the runbooks, prompts and example bundles, running as the
# unprivileged uid 1000 (Node 24 runs the TypeScript sources directly: no build step).
# Build: docker build -t causeway:local .      (docs/deploy.md)

FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only; native ones ship prebuilt in their npm packages (@napi-rs/canvas),
# SQLite is node:sqlite (built in).
RUN npm ci --omit=dev --no-audit --no-fund

FROM golang:1.26-bookworm AS kubectl
# The version is the one in deploy/kubectl/go.mod (k8s.io/kubectl v0.X.Y is kubectl 1.X.Y); change
# both together: cd deploy/kubectl && go get k8s.io/kubectl@v0.X.Y && go mod tidy.
ARG KUBECTL_VERSION=v1.37.2
WORKDIR /src
COPY deploy/kubectl/go.mod deploy/kubectl/go.sum ./
RUN go mod download
COPY deploy/kubectl/main.go ./
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags "-s -w -X k8s.io/client-go/pkg/version.gitVersion=${KUBECTL_VERSION} -X k8s.io/component-base/version.gitVersion=${KUBECTL_VERSION}" \
      -o /out/kubectl . \
 && /out/kubectl version --client

FROM node:24-bookworm-slim AS runtime
# A font for the timeline chart's text (charts.fontFiles defaults to these DejaVu files; without
# any font the chart PNG has no text at all).
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    CAUSEWAY_STORAGE_URL=sqlite:/var/lib/causeway/causeway.db \
    CAUSEWAY_SERVER_HOST=0.0.0.0 \
    CAUSEWAY_SERVER_PORT=8080 \
    CAUSEWAY_RUNBOOKS_KUBECTL_PATH=/usr/local/bin/kubectl
WORKDIR /app
COPY --from=kubectl --chown=root:root /out/kubectl /usr/local/bin/kubectl
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --chown=root:root package.json ./
COPY --chown=root:root bin ./bin
COPY --chown=root:root src ./src
# The scenario simulator behind `causeway simulate` (imports only src/core).
COPY --chown=root:root sim ./sim
# What operators edit is data: the runbooks (CAUSEWAY_RUNBOOKS_DIR=/app/runbooks turns them on) and
# the LLM prompts; the example bundles are what `causeway demo` triages.
COPY --chown=root:root runbooks ./runbooks
COPY --chown=root:root prompts ./prompts
COPY --chown=root:root examples ./examples
# uid/gid 1000 is the image's `node` user; numeric, so Kubernetes' runAsNonRoot can verify it.
RUN mkdir -p /var/lib/causeway && chown 1000:1000 /var/lib/causeway
USER 1000:1000
EXPOSE 8080
VOLUME ["/var/lib/causeway"]
# /healthz answers 200 while the process runs; orchestrators should use /readyz for traffic.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.CAUSEWAY_SERVER_PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM → graceful shutdown (stop accepting, finish in-flight work within server.shutdownGraceSeconds).
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "src/main.ts"]
CMD ["serve"]
