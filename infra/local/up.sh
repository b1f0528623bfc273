#!/usr/bin/env bash
# Starts the local database and broker and applies the JetStream streams. Idempotent: what
# already runs is reported and left alone.
#
#   up.sh          mongo-java-server, H2 file backend   127.0.0.1:$MONGO_PORT (27017),
#                  data in .local/data/mongo (kept across restarts; npm start)
#   up.sh --test   mongo-java-server, memory backend    127.0.0.1:$MONGO_TEST_PORT (27018),
#                  started anew on every call, so each test run begins empty (npm test)
#   both           nats-server with JetStream           127.0.0.1:$NATS_PORT (4222),
#                                                       monitoring 127.0.0.1:$NATS_MONITOR_PORT (8222)
#
# Stop with `npm run infra:down` (infra/local/down.sh).
set -euo pipefail
# shellcheck source=infra/local/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MODE=start
case "${1:-}" in
  "") ;;
  --test) MODE=test ;;
  *) die "usage: up.sh [--test]" ;;
esac

load_dotenv
check_prereqs
ensure_dirs
ensure_node_modules
ensure_binaries

NATS_LOCAL_URL="nats://$LOCAL_HOST:$NATS_PORT"
NATS_MONITOR_URL="http://$LOCAL_HOST:$NATS_MONITOR_PORT"
START_TIMEOUT="${INFRA_START_TIMEOUT:-60}"

# report name url pid state [extra]
report() {
  local name="$1" url="$2" pid="$3" state="$4" extra="${5:-}"
  if [[ -n "$pid" ]]; then
    printf '%-10s %-26s (pid %s, log %s%s)  %s\n' "$name" "$url" "$pid" \
      "$(rel "$(log_file "$name")")" "$extra" "$state"
  else
    printf '%-10s %-26s (not started from this checkout%s)  %s\n' "$name" "$url" "$extra" "$state"
  fi
}

# fail_start name pid message: reports a failed start, stops the half-started process.
fail_start() {
  echo "error: $3" >&2
  tail_log "$1"
  if [[ -n "$2" ]]; then stop_named "$1" 5 >/dev/null; fi
  exit 1
}

# up_mongo name port backend [file]: a fresh start for the memory backend, otherwise left
# alone when it already runs.
up_mongo() {
  local name="$1" port="$2" backend="$3" file="${4:-}" pid="" state
  local url="mongodb://$LOCAL_HOST:$port"
  if [[ "$backend" == memory ]]; then stop_named "$name" >/dev/null; fi
  if pid="$(running_pid "$name")"; then
    state="already running"
  elif port_open "$LOCAL_HOST" "$port"; then
    [[ "$backend" != memory ]] ||
      die "port $port (the test database) is used by something else; set MONGO_TEST_PORT"
    pid=""
    state="already answering"
  else
    pid="$(start_mongo "$name" "$port" "$backend" "$file")"
    state="started"
    wait_port "$LOCAL_HOST" "$port" "$START_TIMEOUT" "$name" "$pid" ||
      fail_start "$name" "$pid" "mongo-java-server did not start"
  fi
  wait_until "$START_TIMEOUT" "$name" "$pid" -- mongo_ping "$url" ||
    fail_start "$name" "$pid" "nothing answers a MongoDB ping on $url (is port $port used by something else?)"
  report "$name" "$url" "$pid" "$state" ", $backend"
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

if [[ "${SKIP_LOCAL_MONGO:-}" == 1 ]]; then
  info "database: $TEST_MONGO_URL (TEST_MONGO_URL; the local one is not started)"
elif [[ "$MODE" == test ]]; then
  up_mongo mongo-test "$MONGO_TEST_PORT" memory
else
  up_mongo mongo "$MONGO_PORT" h2 "$DATA_DIR/mongo/bloom.mv"
fi
up_nats
(cd "$ROOT" && node infra/nats/apply-streams.mjs --servers "$NATS_LOCAL_URL") ||
  die "applying the JetStream streams failed (infra/nats/streams.json)"
