# One image for every process: SERVICE picks the gateway or a department (subgraphs/<name>).
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0
COPY package.json package-lock.json ./
COPY kit/package.json kit/
COPY gateway/package.json gateway/
COPY subgraphs subgraphs
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
# GraphiQL is bundled from node_modules at build time, so the gateway serves it with no network at all.
RUN node --import tsx -e "require('./gateway/src/graphiql').graphiqlAssets().then(() => process.exit(0))"
USER node
CMD ["sh", "-c", "if [ \"$SERVICE\" = gateway ]; then exec node --import tsx --import ./kit/src/tracing.ts gateway/src/index.ts; else exec node --import tsx --import ./kit/src/tracing.ts subgraphs/$SERVICE/src/index.ts; fi"]
