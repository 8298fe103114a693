# One image for every Lianfang process; docker-compose.yml picks the entry point per service.
# Built in the full Debian image, which has the compiler better-sqlite3 falls back to where its
# prebuilt binary cannot be downloaded; run in the slim one of the same Debian release.
FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The console's install and build need its sources: they run once everything is copied. Of the
# packages' install scripts, the hub needs at run time only better-sqlite3's, which fetches or
# compiles its native binding (the embedded default and the gateway's audit store use it).
RUN npm ci --ignore-scripts --no-audit --no-fund && npm rebuild better-sqlite3
COPY . .
# The TypeScript compiler is a development dependency: the hub is compiled into dist/, then dropped;
# so are the console's build tools once console/dist is built.
RUN npm run -s build && npm run -s console:build && npm prune --omit=dev --no-audit --no-fund && rm -rf console/node_modules

FROM node:20-bookworm-slim
WORKDIR /app
COPY --from=build /app /app
ENV HOST=0.0.0.0 NODE_ENV=production
# A named volume mounted here takes this ownership, so the unprivileged user can keep keys in it.
RUN mkdir /keys && chown node:node /keys
USER node
