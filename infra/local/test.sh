#!/usr/bin/env bash
# `npm test`: starts the local databases (infra/local/up.sh, a no-op when they run), then
# lint, typecheck, schema check and the vitest suite. Stops at the first failure with its exit
# code. Extra arguments go to vitest: `npm test -- subgraphs/identity`.
set -euo pipefail
# shellcheck source=infra/local/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export TURBO_TELEMETRY_DISABLED=1

load_dotenv
bash "$ROOT/infra/local/up.sh"

# The databases up.sh started, unless the environment points elsewhere.
export MONGO_URL="${MONGO_URL:-mongodb://$LOCAL_HOST:$MONGO_PORT}"
export NATS_URL="${NATS_URL:-nats://$LOCAL_HOST:$NATS_PORT}"

cd "$ROOT"
npm run lint
npm run typecheck
npm run schema:check
exec npx vitest run "$@"
