#!/usr/bin/env bash
# Stops everything infra/local/up.sh and infra/local/run.sh started from this checkout (every
# pid file in .local/run): services first, then nats-server, then the databases. Data is kept; reset
# with `rm -rf .local/data` afterwards.
set -euo pipefail
# shellcheck source=infra/local/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

shopt -s nullglob
pid_files=("$RUN_DIR"/*.pid)
if ((${#pid_files[@]} == 0)); then
  info "nothing to stop (no pid files in $(rel "$RUN_DIR"))"
  exit 0
fi

services=()
for f in "${pid_files[@]}"; do
  name="$(basename "$f" .pid)"
  case "$name" in
    mongo | mongo-test | nats) ;;
    *) services+=("$name") ;;
  esac
done

stopped_any=0
for name in "${services[@]}" nats mongo mongo-test; do
  if pid="$(running_pid "$name")"; then
    stop_pid "$pid" "$name" "${STOP_TIMEOUT:-15}"
    info "stopped $name (pid $pid)"
    stopped_any=1
  fi
  rm -f "$(pid_file "$name")"
done
if ((stopped_any == 0)); then info "nothing was running (removed stale pid files)"; fi
