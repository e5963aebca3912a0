# One image for every process: SERVICE picks the gateway or a department (subgraphs/<name>).
# Stage 1 compiles the TypeScript ahead of time (scripts/build.ts: esbuild, file by file, the repository's layout);
# stage 2 holds that JavaScript and production dependencies only, and runs plain `node` as the unprivileged user.
FROM node:24-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
COPY kit/package.json kit/
COPY gateway/package.json gateway/
COPY scripts/seed/package.json scripts/seed/
COPY subgraphs subgraphs
RUN npm ci --no-audit --no-fund
COPY . .
RUN node --import tsx scripts/build.ts --out /app

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0
COPY --from=build /app ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# GraphiQL is bundled from node_modules at build time, so the gateway serves it with no network at all.
RUN node -e "require('./gateway/src/graphiql').graphiqlAssets().then(() => process.exit(0))"
USER node
# exec replaces the shell: node is PID 1 and gets the orchestrator's SIGTERM itself (graceful drain, docs/reliability.md).
CMD ["sh", "-c", "if [ \"$SERVICE\" = gateway ]; then exec node --import ./kit/src/tracing.js gateway/src/index.js; else exec node --import ./kit/src/tracing.js subgraphs/$SERVICE/src/index.js; fi"]
