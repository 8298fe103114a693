# One image for every Lianfang process; docker-compose.yml picks the entry point per service.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
# The console's install and build need its sources: they run once everything is copied. The
# TypeScript compiler is a development dependency: the hub is compiled into dist/, then dropped.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run -s build && npm run -s console:build && npm prune --omit=dev --no-audit --no-fund
ENV HOST=0.0.0.0 NODE_ENV=production
# A named volume mounted here takes this ownership, so the unprivileged user can keep keys in it.
RUN mkdir /keys && chown node:node /keys
USER node
