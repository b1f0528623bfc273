#!/usr/bin/env bash
# `npm test`: starts NATS and a fresh in-memory database (infra/local/up.sh --test), builds
# .local/bin/kustomize and .local/bin/fake-s3 when missing (the infra/k8s tests render with the
# one, products' S3 image storage tests run against the other), then lint, typecheck,
# schema check and the vitest suite. TEST_MONGO_URL runs the suite against another server
# instead (a MongoDB 7, say); the local database is then not started. Stops at the first failure
# with its exit code. Extra arguments go to vitest: `npm test -- subgraphs/identity`.
set -euo pipefail
# shellcheck source=infra/local/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export TURBO_TELEMETRY_DISABLED=1

load_dotenv
if [[ -n "${TEST_MONGO_URL:-}" ]]; then
  SKIP_LOCAL_MONGO=1 bash "$ROOT/infra/local/up.sh" --test
  export MONGO_URL="$TEST_MONGO_URL"
else
  bash "$ROOT/infra/local/up.sh" --test
  export MONGO_URL="mongodb://$LOCAL_HOST:$MONGO_TEST_PORT"
fi
export NATS_URL="${NATS_URL:-nats://$LOCAL_HOST:$NATS_PORT}"

# infra/k8s/test renders the manifests with it; built here, before vitest's parallel workers.
ensure_kustomize || warn "kustomize could not be built: the infra/k8s manifest tests will be skipped"
# The S3-compatible server products' S3 image storage tests start (skipped without it, except
# in CI, where they fail).
ensure_fake_s3 || warn "fake-s3 could not be built: the products S3 image storage tests will be skipped (they fail when CI is set)"

cd "$ROOT"
npm run lint
npm run typecheck
npm run schema:check
exec npx vitest run "$@"
