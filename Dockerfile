# Case Review's production image: the standalone build and its entry script (scripts/serve.ts), run
# by an unprivileged user. The same folder and entry script are what `npm start` and the scale-out
# fault test run (scripts/scale-out-tests.ts), which is how they are tested: there is no container
# engine on the machines this project is built on.
#
#   docker build -t case-review .
#   docker run --env-file .env -p 3000:3000 case-review               # serve
#   docker run --env-file .env case-review node serve.js --migrate-only   # the migrate step

FROM node:22-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# Dependencies first, so the layer is reused while only the sources change. postinstall generates the
# Prisma client from the schema.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma-generate.ts ./scripts/
# `npm install`, as .ci/run does: the lock file cannot list other platforms' optional packages, so
# `npm ci` refuses it.
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:22-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
# server.js, serve.js, the traced node_modules, static assets, migrations and the dbmate binary.
COPY --from=build --chown=node:node /app/.next/standalone ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The heap cap keeps the process within a 512 MB memory budget (scripts/server-memory.ts).
CMD ["node", "--max-old-space-size=384", "serve.js"]
