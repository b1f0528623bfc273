#!/usr/bin/env bash
# `npm run dev` / `npm start`: the whole system on this machine, from TypeScript sources (no build).
#
#   1. infra/local/up.sh (the local database, nats-server, JetStream streams)
#   2. emulators, then subgraphs, then the gateway — each one whose src/main.ts exists — as
#      background processes: logs in .local/log/<name>.log, pids in .local/run/<name>.pid
#   3. waits for every GET /health, runs scripts/seed.ts if it exists, prints the URLs
#   4. tails the logs until Ctrl-C, then stops the services it started (the databases keep
#      running; `npm run infra:down` stops them)
#
# Environment: .env at the repository root is loaded (every variable exported). Each service
# gets PORT from the table below; everything else comes from its own config defaults. MONGO_URL
# and NATS_URL default to the databases up.sh started; CALLER_SIGNING_SECRET and JWT_SECRET get
# local-only defaults (shared by all services). SKIP_SEED=1 skips the seed script;
# SERVICE_START_TIMEOUT (90 s) bounds the wait for each /health. OPENAI_EMULATOR=1 points
# products and giftcards at the OpenAI emulator unless a real OPENAI_API_KEY is configured.
set -euo pipefail
# shellcheck source=infra/local/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

load_dotenv
bash "$ROOT/infra/local/up.sh"

export MONGO_URL="${MONGO_URL:-mongodb://$LOCAL_HOST:$MONGO_PORT}"
export NATS_URL="${NATS_URL:-nats://$LOCAL_HOST:$NATS_PORT}"
# The gateway and every subgraph must share these (≥ 32 characters, no default in the service
# configs). Local-only values unless .env or the environment sets real ones.
export CALLER_SIGNING_SECRET="${CALLER_SIGNING_SECRET:-local-dev-caller-signing-secret-not-for-production}"
export JWT_SECRET="${JWT_SECRET:-local-dev-jwt-secret-not-for-production-0123456789}"
# Local development defaults: the first admin, verification codes in the identity log, explorer on.
export NODE_ENV="${NODE_ENV:-development}"
export ADMIN_EMAIL="${ADMIN_EMAIL:-admin@bloom.local}"
export ADMIN_PASSWORD="${ADMIN_PASSWORD:-admin-bloom-1234}"
export DEV_MAIL_LOG="${DEV_MAIL_LOG:-true}"
# Demo accounts hash faster locally; production keeps the default cost.
export PASSWORD_SCRYPT_LOG_N="${PASSWORD_SCRYPT_LOG_N:-15}"
START_TIMEOUT="${SERVICE_START_TIMEOUT:-90}"
# The AI (search interpretation, card suggestions) stays off by default: answers are offline and
# the same every run. OPENAI_EMULATOR=1 gives products and giftcards the emulator (openai-stub
# below; OPENAI_EMULATOR_MODE or POST /__mode make it slow or failing) — never over a real key.
if [[ "${OPENAI_EMULATOR:-}" == 1 ]]; then
  if [[ -z "${OPENAI_API_KEY:-}" ]]; then
    export OPENAI_API_KEY=local-openai-emulator-key OPENAI_BASE_URL="http://$LOCAL_HOST:4010/v1"
  else
    warn "OPENAI_EMULATOR=1 ignored: OPENAI_API_KEY is set (the services call ${OPENAI_BASE_URL:-the OpenAI API})"
  fi
fi

# The services, in start order. stage: services of one stage start together, and the next
# stage starts when all of them answer /health. A service is <workspace>/src/main.ts run by
# node, or a client: <workspace>/vite.config.ts served by Vite's dev server (it proxies
# /graphql to the gateway). A row with neither is skipped.
#   name           workspace                  port  stage
SERVICE_TABLE='
openai-stub      infra/emulators/openai     4010  emulators
payments         infra/emulators/payments   4011  emulators
sms              infra/emulators/sms        4012  emulators
webhooks         infra/emulators/webhooks   4013  emulators
identity         subgraphs/identity         4001  subgraphs
stores           subgraphs/stores           4002  subgraphs
products         subgraphs/products         4003  subgraphs
orders           subgraphs/orders           4004  subgraphs
subscriptions    subgraphs/subscriptions    4005  subgraphs
giftcards        subgraphs/giftcards        4006  subgraphs
notifications    subgraphs/notifications    4007  subgraphs
gateway          gateway                    4000  gateway
storefront       clients/storefront         5173  clients
seller           clients/seller             5174  clients
admin            clients/admin              5175  clients
'

names=() workspaces=() ports=() stages=()
while read -r name ws port stage; do
  [[ -z "${name:-}" ]] && continue
  names+=("$name") workspaces+=("$ws") ports+=("$port") stages+=("$stage")
done <<<"$SERVICE_TABLE"

# Emulators that are not in the table yet still start (first), without a PORT of ours and
# without a health wait: add a row above to give them one.
shopt -s nullglob
for main in "$ROOT"/infra/emulators/*/src/main.ts; do
  ws="infra/emulators/$(basename "$(dirname "$(dirname "$main")")")"
  known=0
  for w in "${workspaces[@]}"; do
    if [[ "$w" == "$ws" ]]; then known=1; fi
  done
  if ((known == 0)); then
    names=("emulator-$(basename "$ws")" "${names[@]}") workspaces=("$ws" "${workspaces[@]}")
    ports=("-" "${ports[@]}") stages=("emulators" "${stages[@]}")
  fi
done
shopt -u nullglob

started=()      # names we started (and stop on exit)
tail_pid=""
cleaned_up=0

cleanup() {
  local rc=$?
  if ((cleaned_up)); then return; fi
  cleaned_up=1
  trap - INT TERM EXIT
  if [[ -n "$tail_pid" ]]; then kill "$tail_pid" 2>/dev/null || true; fi
  if ((${#started[@]} > 0)); then
    echo
    local i
    for ((i = ${#started[@]} - 1; i >= 0; i--)); do stop_named "${started[i]}" 10; done
  fi
  echo "the databases are still running; \`npm run infra:down\` stops them"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 0' INT
trap 'exit 143' TERM

# start_service index: starts one service unless it already runs.
start_service() {
  local name="${names[$1]}" ws="${workspaces[$1]}" port="${ports[$1]}" pid
  if pid="$(running_pid "$name")"; then
    info "$(printf '%-14s already running (pid %s)' "$name" "$pid")"
    return 0
  fi
  if [[ "$port" != "-" ]] && port_open "$LOCAL_HOST" "$port"; then
    die "port $port for $name is already in use (stop what uses it, or run \`npm run infra:down\`)"
  fi
  local env=()
  if [[ -f "$ROOT/$ws/vite.config.ts" ]]; then
    # Each client's vite.config.ts reads <NAME>_PORT and <NAME>_GATEWAY_URL (STOREFRONT_…, SELLER_…).
    local prefix="${name^^}"
    pid="$(start_bg "$name" "$ROOT/$ws" env "${prefix}_PORT=$port" \
      "${prefix}_GATEWAY_URL=http://$LOCAL_HOST:4000" node "$ROOT/node_modules/vite/bin/vite.js")"
  else
    if [[ "$port" != "-" ]]; then env+=("PORT=$port"); fi
    pid="$(start_bg "$name" "$ROOT/$ws" env "${env[@]}" node --conditions=source \
      --import @bloom/kernel/register "$ROOT/$ws/src/main.ts")"
  fi
  started+=("$name")
  info "$(printf '%-14s starting (pid %s, log %s)' "$name" "$pid" "$(rel "$(log_file "$name")")")"
}

# wait_healthy index
wait_healthy() {
  local name="${names[$1]}" port="${ports[$1]}" pid
  pid="$(running_pid "$name")" || {
    echo "error: $name exited while starting" >&2
    tail_log "$name"
    exit 1
  }
  if [[ "$port" == "-" ]]; then
    sleep 1
    pid_alive "$pid" || {
      tail_log "$name"
      die "$name exited while starting"
    }
    return 0
  fi
  local health="http://$LOCAL_HOST:$port/health"
  if [[ -f "$ROOT/${workspaces[$1]}/vite.config.ts" ]]; then health="http://$LOCAL_HOST:$port/"; fi
  if ! wait_until "$START_TIMEOUT" "$name" "$pid" -- http_ok "$health"; then
    tail_log "$name"
    die "$name did not become healthy on http://$LOCAL_HOST:$port/health"
  fi
  info "$(printf '%-14s http://localhost:%s  healthy' "$name" "$port")"
}

any=0
gateway_up=0
for stage in emulators subgraphs gateway clients; do
  batch=()
  for i in "${!names[@]}"; do
    [[ "${stages[i]}" == "$stage" ]] || continue
    [[ -f "$ROOT/${workspaces[i]}/src/main.ts" || -f "$ROOT/${workspaces[i]}/vite.config.ts" ]] || continue
    start_service "$i"
    batch+=("$i")
  done
  for i in "${batch[@]}"; do
    wait_healthy "$i"
    any=1
    if [[ "${names[i]}" == gateway ]]; then gateway_up=1; fi
  done
done

if ((any == 0)); then
  info "no service has a src/main.ts yet; only the databases are up"
  exit 0
fi

if [[ -f "$ROOT/scripts/seed.ts" && "${SKIP_SEED:-}" != 1 ]]; then
  info "seeding (scripts/seed.ts, log $(rel "$(log_file seed)"))"
  if ! (cd "$ROOT" && node --conditions=source --import @bloom/kernel/register scripts/seed.ts) \
    >>"$(log_file seed)" 2>&1; then
    tail_log seed
    warn "the seed script failed; the services keep running"
  fi
fi

echo
if ((gateway_up)); then
  info "storefront http://localhost:5173 (a phone on this network: http://<this machine>:5173 with STOREFRONT_HOST=0.0.0.0)"
  info "seller     http://localhost:5174 (the florists' dashboard; SELLER_HOST=0.0.0.0 for a tablet on this network)"
  info "admin      http://localhost:5175 (operations; sign in as admin@bloom.local)"
  info "gateway    http://localhost:4000/graphql"
  info "explorer   http://localhost:4000/explorer"
fi
info "logs      .local/log/*.log (tailing below; Ctrl-C stops the services, not the databases)"
echo

tail -n 0 -F "$LOG_DIR"/*.log &
tail_pid=$!
wait "$tail_pid" || true
