# syntax=docker/dockerfile:1
# One image recipe for every service; WORKSPACE is the service's folder:
#   docker build --build-arg WORKSPACE=subgraphs/identity -t bloom-identity .
#   docker build --build-arg WORKSPACE=gateway -t bloom-gateway .
# docker-compose.yml builds each service this way.
#
# Keep the build context small with a .dockerignore at the root listing at least:
#   .git  .local  **/node_modules  **/dist  **/.turbo  coverage  .env
# (without it the context upload is slow, but the build below still starts clean).

ARG NODE_IMAGE=node:20-bookworm-slim

# ----------------------------------------------------------------------------- build
FROM ${NODE_IMAGE} AS build
ARG WORKSPACE
RUN test -n "${WORKSPACE}" || { echo "set --build-arg WORKSPACE=<folder>, e.g. subgraphs/identity" >&2; exit 1; }
ENV TURBO_TELEMETRY_DISABLED=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
# The npm the lockfile is made with (root package.json "packageManager"); npm 11 honours the
# root "allowScripts" list for dependency install scripts.
RUN npm install -g npm@11.19.1
WORKDIR /repo
COPY . .
RUN rm -rf .local .turbo node_modules \
 && find . -path ./.git -prune -o \( -name node_modules -o -name dist -o -name .turbo \) -type d -prune -exec rm -rf {} +
RUN npm ci
RUN npx turbo run build --filter=./${WORKSPACE}...
# Production dependencies only for the runtime image.
RUN npm prune --omit=dev \
 && rm -rf .git .turbo

# ----------------------------------------------------------------------------- runtime
FROM ${NODE_IMAGE} AS runtime
ARG WORKSPACE
ENV NODE_ENV=production \
    WORKSPACE=${WORKSPACE}
WORKDIR /app
COPY --from=build --chown=node:node /repo /app
USER node
# PORT comes from the environment (docker-compose.yml / k8s); services listen on HOST:PORT.
CMD ["sh", "-c", "exec node \"$WORKSPACE/dist/main.js\""]
