#!/usr/bin/env bash
# Starts the local databases and applies the JetStream streams. Idempotent: what already runs
# is reported and left alone.
#
#   FerretDB (MongoDB wire protocol, SQLite backend)  127.0.0.1:$MONGO_PORT (27017)
#   nats-server with JetStream                        127.0.0.1:$NATS_PORT (4222),
#                                                     monitoring 127.0.0.1:$NATS_MONITOR_PORT (8222)
#
# Stop with `npm run infra:down` (infra/local/down.sh).
set -euo pipefail
# shellcheck source=infra/local/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

load_dotenv
check_prereqs
ensure_dirs
ensure_node_modules
ensure_binaries

MONGO_LOCAL_URL="mongodb://$LOCAL_HOST:$MONGO_PORT"
NATS_LOCAL_URL="nats://$LOCAL_HOST:$NATS_PORT"
NATS_MONITOR_URL="http://$LOCAL_HOST:$NATS_MONITOR_PORT"
START_TIMEOUT="${INFRA_START_TIMEOUT:-60}"

# report name url pid state [extra]
report() {
  local name="$1" url="$2" pid="$3" state="$4" extra="${5:-}"
  if [[ -n "$pid" ]]; then
    printf '%-9s %-26s (pid %s, log %s%s)  %s\n' "$name" "$url" "$pid" \
      "$(rel "$(log_file "$name")")" "$extra" "$state"
  else
    printf '%-9s %-26s (not started from this checkout%s)  %s\n' "$name" "$url" "$extra" "$state"
  fi
}

# fail_start name pid message: reports a failed start, stops the half-started process.
fail_start() {
  echo "error: $3" >&2
  tail_log "$1"
  if [[ -n "$2" ]]; then stop_named "$1" 5 >/dev/null; fi
  exit 1
}

up_ferretdb() {
  local pid="" state
  if pid="$(running_pid ferretdb)"; then
    state="already running"
  elif port_open "$LOCAL_HOST" "$MONGO_PORT"; then
    pid=""
    state="already answering"
  else
    pid="$(start_bg ferretdb "$ROOT" "$BIN_DIR/ferretdb" \
      -listen "$LOCAL_HOST:$MONGO_PORT" \
      -data "$DATA_DIR/ferretdb" \
      -log-level "${FERRETDB_LOG_LEVEL:-warn}")"
    state="started"
    wait_port "$LOCAL_HOST" "$MONGO_PORT" "$START_TIMEOUT" ferretdb "$pid" ||
      fail_start ferretdb "$pid" "FerretDB did not start"
  fi
  wait_until "$START_TIMEOUT" ferretdb "$pid" -- mongo_ping "$MONGO_LOCAL_URL" ||
    fail_start ferretdb "$pid" "nothing answers a MongoDB ping on $MONGO_LOCAL_URL (is port $MONGO_PORT used by something else? set MONGO_PORT)"
  report ferretdb "$MONGO_LOCAL_URL" "$pid" "$state"
}

up_nats() {
  local pid="" state
  if pid="$(running_pid nats)"; then
    state="already running"
  elif port_open "$LOCAL_HOST" "$NATS_PORT"; then
    pid=""
    state="already answering"
  else
    if port_open "$LOCAL_HOST" "$NATS_MONITOR_PORT"; then
      die "port $NATS_MONITOR_PORT (NATS monitoring) is in use by something else; set NATS_MONITOR_PORT"
    fi
    pid="$(start_bg nats "$ROOT" "$BIN_DIR/nats-server" \
      --name bloom-local \
      --addr "$LOCAL_HOST" --port "$NATS_PORT" \
      --http_port "$NATS_MONITOR_PORT" \
      -js -sd "$DATA_DIR/nats")"
    state="started"
    wait_port "$LOCAL_HOST" "$NATS_PORT" "$START_TIMEOUT" nats "$pid" ||
      fail_start nats "$pid" "nats-server did not start"
  fi
  wait_until "$START_TIMEOUT" nats "$pid" -- http_ok "$NATS_MONITOR_URL/healthz?js-enabled-only=true" ||
    fail_start nats "$pid" "NATS JetStream is not healthy at $NATS_MONITOR_URL/healthz (is port $NATS_PORT used by something else? set NATS_PORT)"
  report nats "$NATS_LOCAL_URL" "$pid" "$state" ", monitor $NATS_MONITOR_URL"
}

up_ferretdb
up_nats
(cd "$ROOT" && node infra/nats/apply-streams.mjs --servers "$NATS_LOCAL_URL") ||
  die "applying the JetStream streams failed (infra/nats/streams.json)"
