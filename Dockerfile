# syntax=docker/dockerfile:1
# One image recipe for every service; WORKSPACE is the service's folder:
#   docker build --build-arg WORKSPACE=subgraphs/identity -t bloom-identity .
#   docker build --build-arg WORKSPACE=gateway -t bloom-gateway .
# and, for a browser client, its Vite build served by nginx (target `client`):
#   docker build --target client --build-arg WORKSPACE=clients/storefront -t bloom-storefront .
# docker-compose.yml and infra/k8s build each service this way.
#
# Keep the build context small with a .dockerignore at the root listing at least:
#   .git  .local  **/node_modules  **/dist  **/.turbo  coverage  .env
# (without it the context upload is slow, but the build below still starts clean).

ARG NODE_IMAGE=node:20-bookworm-slim
# Runs as uid 101 on :8080 with its temp files in /tmp, so it suits a read-only root filesystem.
ARG CLIENT_IMAGE=nginxinc/nginx-unprivileged:1.28-alpine

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

# ----------------------------------------------------------------------------- client
# A browser client (WORKSPACE=clients/<name>): its dist/ as static files. nginx also proxies the
# gateway's paths to GATEWAY_URL, so the app works on one origin without an ingress
# (docker-compose); in Kubernetes the Ingress routes those paths before they get here.
# Declared before `runtime` so that a build without --target still makes a service image.
FROM ${CLIENT_IMAGE} AS client
ARG WORKSPACE
# The entrypoint renders /etc/nginx/templates/*.template into conf.d with these (envsubst) and
# sets NGINX_LOCAL_RESOLVERS from /etc/resolv.conf: GATEWAY_URL is resolved per request, so the
# client starts before the gateway and follows it when its address changes.
ENV GATEWAY_URL=http://gateway:4000 \
    NGINX_ENTRYPOINT_LOCAL_RESOLVERS=1
# `auto` would start one worker per node CPU whatever the container's share.
RUN sed -i 's/^worker_processes .*/worker_processes 2;/' /etc/nginx/nginx.conf
COPY --from=build /repo/${WORKSPACE}/dist /usr/share/nginx/html
COPY <<'EOF' /etc/nginx/templates/default.conf.template
map $http_upgrade $connection_upgrade {
    default upgrade;
    ''      close;
}

server {
    listen 8080;
    server_name _;
    root /usr/share/nginx/html;
    server_tokens off;
    # Photo uploads (IMAGE_MAX_BYTES is 5 MiB).
    client_max_body_size 8m;
    gzip on;
    gzip_types text/css application/javascript application/json image/svg+xml;
    resolver ${NGINX_LOCAL_RESOLVERS} valid=10s ipv6=off;

    location = /health {
        access_log off;
        default_type application/json;
        return 200 '{"status":"ok"}';
    }
    location = /ready {
        access_log off;
        default_type application/json;
        return 200 '{"status":"ready"}';
    }

    # The gateway's paths: GraphQL over HTTP and graphql-ws, photos, uploads, the health JSON.
    location ~ ^/(graphql|images|uploads|ops)(/|$) {
        set $gateway ${GATEWAY_URL};
        proxy_pass $gateway;
        proxy_http_version 1.1;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $connection_upgrade;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_read_timeout 3600s;
        proxy_send_timeout 3600s;
    }

    # Vite's hashed files never change under one name.
    location /assets/ {
        add_header Cache-Control "public, max-age=31536000, immutable";
        try_files $uri =404;
    }

    # Client-side routes: every other path is the app.
    location / {
        add_header Cache-Control "no-cache";
        try_files $uri $uri/ /index.html;
    }
}
EOF

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
