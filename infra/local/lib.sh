# shellcheck shell=bash disable=SC2034  # variables are used by the scripts that source this
# Shared helpers for infra/local/*.sh. Source it; do not run it.
#
# Layout (all git-ignored, created on demand):
#   .local/bin/nats-server              built on first use (go install)
#   .local/bin/kustomize                built on first use by npm test (go install), renders infra/k8s
#   .local/bin/fake-s3                  built on first use by npm test (go build of infra/s3), the
#                                       S3-compatible server products' S3 image storage tests use
#   .local/lib/mongo/{jars,classes}     mongo-java-server's jars (Maven, SHA-256 checked) and
#                                       the compiled launcher (infra/local/mongo)
#   .local/data/{mongo,nats}            database (H2 file) / JetStream storage
#   .local/run/<name>.pid               pid of every background process we started
#   .local/log/<name>.log               its stdout+stderr
#
# Environment read here: MONGO_PORT (27017), MONGO_TEST_PORT (27018), NATS_PORT (4222),
# NATS_MONITOR_PORT (8222), NATS_SERVER_VERSION (v2.12.0), KUSTOMIZE_VERSION (v5.8.2),
# MONGO_JAVA_OPTS, and PATH.

if [[ -n "${BLOOM_LIB_LOADED:-}" ]]; then return 0; fi
BLOOM_LIB_LOADED=1

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
LOCAL_DIR="$ROOT/.local"
BIN_DIR="$LOCAL_DIR/bin"
DATA_DIR="$LOCAL_DIR/data"
RUN_DIR="$LOCAL_DIR/run"
LOG_DIR="$LOCAL_DIR/log"

MIN_NODE_VERSION="20.19.0"
MIN_GO_VERSION="1.22"
MIN_JAVA_VERSION=17
MONGO_SRC_DIR="$ROOT/infra/local/mongo"
MONGO_LIB_DIR="$LOCAL_DIR/lib/mongo"
NATS_SERVER_VERSION="${NATS_SERVER_VERSION:-v2.12.0}"
# Not v5.8.3: it needs Go 1.27 and a k8s.io/kube-openapi version the Go module proxy refuses
# (403); v5.8.2 builds with the Go 1.26 these machines and CI have.
KUSTOMIZE_VERSION="${KUSTOMIZE_VERSION:-v5.8.2}"
# infra/s3's go.mod says go 1.24 (gofakes3 needs it); an older Go would fetch a toolchain.
FAKE_S3_SRC_DIR="$ROOT/infra/s3"
FAKE_S3_MIN_GO_VERSION="1.24"

LOCAL_HOST="127.0.0.1"
MONGO_PORT="${MONGO_PORT:-27017}"
MONGO_TEST_PORT="${MONGO_TEST_PORT:-27018}"
NATS_PORT="${NATS_PORT:-4222}"
NATS_MONITOR_PORT="${NATS_MONITOR_PORT:-8222}"

# Go lives in /usr/local/go/bin on these machines; GOBIN binaries in $HOME/go/bin.
for _dir in /usr/local/go/bin "${HOME:-/root}/go/bin"; do
  if [[ -d "$_dir" && ":$PATH:" != *":$_dir:"* ]]; then PATH="$PATH:$_dir"; fi
done
unset _dir
export PATH

# ---------------------------------------------------------------------------- output

die() {
  echo "error: $*" >&2
  exit 1
}
warn() { echo "warning: $*" >&2; }
info() { echo "$*"; }

# Path relative to the repository root, for messages.
rel() { echo "${1#"$ROOT"/}"; }

# ---------------------------------------------------------------------------- setup

ensure_dirs() {
  mkdir -p "$BIN_DIR" "$MONGO_LIB_DIR" "$DATA_DIR/mongo" "$DATA_DIR/nats" "$RUN_DIR" "$LOG_DIR"
}

# Loads $ROOT/.env (KEY=value lines) into the environment, exporting everything.
load_dotenv() {
  if [[ -f "$ROOT/.env" ]]; then
    set -a
    # shellcheck disable=SC1091
    . "$ROOT/.env"
    set +a
    MONGO_PORT="${MONGO_PORT:-27017}"
    MONGO_TEST_PORT="${MONGO_TEST_PORT:-27018}"
    NATS_PORT="${NATS_PORT:-4222}"
    NATS_MONITOR_PORT="${NATS_MONITOR_PORT:-8222}"
  fi
}

# version_ge A B: true when version A >= version B (dotted numbers).
version_ge() {
  [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" == "$2" ]]
}

require_node() {
  command -v node >/dev/null 2>&1 ||
    die "Node.js ${MIN_NODE_VERSION%.0}+ is required (https://nodejs.org or apt-get install nodejs)"
  local v
  v="$(node -p 'process.versions.node' 2>/dev/null)" || die "cannot run node"
  version_ge "$v" "$MIN_NODE_VERSION" ||
    die "Node.js ${MIN_NODE_VERSION%.0}+ is required, found $v"
  command -v npm >/dev/null 2>&1 || die "npm is required (it ships with Node.js)"
}

# go_version: prints the installed Go version (e.g. 1.26.8), or fails.
go_version() {
  command -v go >/dev/null 2>&1 || return 1
  local v
  v="$(go env GOVERSION 2>/dev/null)" || return 1
  v="${v#go}"
  v="${v%%[!0-9.]*}"
  [[ -n "$v" ]] && echo "$v"
}

go_ok() {
  local v
  v="$(go_version)" && version_ge "$v" "$MIN_GO_VERSION"
}

require_go() {
  command -v go >/dev/null 2>&1 ||
    die "Go $MIN_GO_VERSION+ is required to build nats-server (apt-get install golang or see infra/README.md)"
  if ! go_ok; then
    die "Go $MIN_GO_VERSION+ is required to build nats-server, found $(go_version || echo 'an unknown version') (see infra/README.md)"
  fi
}

check_prereqs() {
  require_node
  command -v bash >/dev/null 2>&1 || die "bash is required"
  # Go is only needed when nats-server has to be built.
  if [[ ! -x "$BIN_DIR/nats-server" ]]; then require_go; fi
  require_java
}

# Runs `npm ci` when node_modules is missing or older than package-lock.json.
# SKIP_NPM_CI=1 turns this off (e.g. while someone else is installing).
ensure_node_modules() {
  if [[ "${SKIP_NPM_CI:-}" == 1 ]]; then return 0; fi
  local marker="$ROOT/node_modules/.package-lock.json"
  if [[ ! -d "$ROOT/node_modules" || ! -f "$marker" || "$ROOT/package-lock.json" -nt "$marker" ]]; then
    info "node_modules is missing or older than package-lock.json: npm ci"
    (cd "$ROOT" && npm ci --no-audit --no-fund) || die "npm ci failed"
  fi
}

# ---------------------------------------------------------------------------- java

# java_major: the major version of the java on PATH (17, 21...), or fails.
java_major() {
  command -v java >/dev/null 2>&1 || return 1
  java -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1
}

# apt_install package...: installs Debian packages when we are root on a Debian-like machine.
apt_install() {
  command -v apt-get >/dev/null 2>&1 && [[ "$(id -u)" == 0 ]] || return 1
  info "installing $* with apt-get"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >&2 ||
    { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >&2; }
}

# The database is mongo-java-server: a JDK (javac compiles its launcher) comes from Debian when
# missing; so does Maven, when the jars have to be fetched (ensure_mongo_jars).
require_java() {
  local major
  major="$(java_major || true)"
  if [[ -z "$major" || "$major" -lt "$MIN_JAVA_VERSION" ]] || ! command -v javac >/dev/null 2>&1; then
    apt_install openjdk-17-jdk-headless ||
      die "Java $MIN_JAVA_VERSION+ (JDK) runs the local database: install openjdk-17-jdk-headless, or point MONGO_URL at a MongoDB 7 and set MONGO_EXTERNAL=1"
    major="$(java_major || true)"
    [[ -n "$major" && "$major" -ge "$MIN_JAVA_VERSION" ]] ||
      die "Java $MIN_JAVA_VERSION+ is required for the local database, found ${major:-none} (put a JDK 17 first on PATH)"
  fi
}

# ---------------------------------------------------------------------------- database

# jars_verified dir: true when dir holds exactly the jars of jars.sha256, each with its hash.
jars_verified() {
  local dir="$1" listed present
  [[ -d "$dir" ]] || return 1
  (cd "$dir" && sha256sum --check --quiet --status "$MONGO_SRC_DIR/jars.sha256") 2>/dev/null || return 1
  listed="$(awk '{print $2}' "$MONGO_SRC_DIR/jars.sha256" | sort)"
  present="$(cd "$dir" && ls -1 -- *.jar 2>/dev/null | sort)"
  [[ "$listed" == "$present" ]]
}

# Fetches mongo-java-server and its dependencies (pom.xml) through Maven when missing or when
# jars.sha256 changed; every jar must match its pinned SHA-256.
ensure_mongo_jars() {
  local jars="$MONGO_LIB_DIR/jars" marker="$MONGO_LIB_DIR/jars.ok"
  if [[ -f "$marker" && "$marker" -nt "$MONGO_SRC_DIR/jars.sha256" ]] && jars_verified "$jars"; then
    return 0
  fi
  if ! command -v mvn >/dev/null 2>&1; then
    apt_install maven ||
      die "Maven fetches the local database's jars: install maven (apt-get install maven)"
  fi
  info "fetching mongo-java-server's jars into $(rel "$jars") (Maven)"
  local tmp="$MONGO_LIB_DIR/jars.tmp"
  rm -rf "$tmp" "$marker"
  # Its output goes to .local/log/maven.log (shown on failure): even -q writes colour codes.
  if ! mvn -q -B -f "$MONGO_SRC_DIR/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$tmp" >"$(log_file maven)" 2>&1; then
    tail_log maven
    die "Maven could not fetch the local database's jars (infra/local/mongo/pom.xml)"
  fi
  if ! jars_verified "$tmp"; then
    (cd "$tmp" && sha256sum --check "$MONGO_SRC_DIR/jars.sha256") >&2 || true
    die "the fetched jars do not match infra/local/mongo/jars.sha256 (a changed pom.xml needs new hashes)"
  fi
  rm -rf "$jars"
  mv "$tmp" "$jars"
  touch "$marker"
}

# Compiles infra/local/mongo/BloomMongoServer.java when its class is missing or older.
ensure_mongo_launcher() {
  local classes="$MONGO_LIB_DIR/classes" src="$MONGO_SRC_DIR/BloomMongoServer.java"
  if [[ -f "$classes/BloomMongoServer.class" && "$classes/BloomMongoServer.class" -nt "$src" ]]; then
    return 0
  fi
  mkdir -p "$classes"
  javac -d "$classes" -cp "$MONGO_LIB_DIR/jars/*" "$src" >&2 ||
    die "compiling the local database's launcher failed (infra/local/mongo/BloomMongoServer.java)"
}

# start_mongo name port backend [file]: starts mongo-java-server in the background, prints the pid.
start_mongo() {
  local name="$1" port="$2" backend="$3" file="${4:-}"
  local args=(--host "$LOCAL_HOST" --port "$port" --backend "$backend")
  if [[ -n "$file" ]]; then args+=(--file "$file"); fi
  # shellcheck disable=SC2086  # MONGO_JAVA_OPTS is a list of JVM flags
  start_bg "$name" "$ROOT" java ${MONGO_JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$MONGO_LIB_DIR/jars/*:$MONGO_LIB_DIR/classes" BloomMongoServer "${args[@]}"
}

# ---------------------------------------------------------------------------- binaries

install_nats_server() {
  if go_ok; then
    info "installing nats-server $NATS_SERVER_VERSION into $(rel "$BIN_DIR") (go install)"
    if GOBIN="$BIN_DIR" go install "github.com/nats-io/nats-server/v2@$NATS_SERVER_VERSION" >&2; then
      return 0
    fi
    warn "go install of nats-server failed; trying the system package"
  fi
  local found=""
  if ! found="$(command -v nats-server 2>/dev/null)"; then
    local p
    for p in /usr/sbin/nats-server /usr/bin/nats-server /usr/local/bin/nats-server; do
      if [[ -x "$p" ]]; then found="$p" && break; fi
    done
  fi
  if [[ -z "$found" ]] && command -v apt-get >/dev/null 2>&1 && [[ "$(id -u)" == 0 ]]; then
    info "installing nats-server with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get install -y nats-server >&2 ||
      { apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y nats-server >&2; } ||
      die "apt-get install nats-server failed"
    for p in /usr/sbin/nats-server /usr/bin/nats-server; do
      if [[ -x "$p" ]]; then found="$p" && break; fi
    done
    # Debian's package starts a system service on 4222; ours must own that port.
    if command -v systemctl >/dev/null 2>&1; then
      systemctl disable --now nats-server >/dev/null 2>&1 || true
    fi
  fi
  [[ -n "$found" ]] ||
    die "cannot get nats-server: install Go $MIN_GO_VERSION+ (then it is built) or the nats-server package"
  ln -sf "$found" "$BIN_DIR/nats-server"
  local v
  v="$("$BIN_DIR/nats-server" --version 2>/dev/null | sed -n 's/.*v\([0-9][0-9.]*\).*/\1/p')"
  if [[ -n "$v" ]] && ! version_ge "$v" "2.10"; then
    warn "nats-server $v from $found is older than 2.10; JetStream features the services use may be missing"
  fi
}

# kustomize_is_current path: true when path is an executable kustomize of $KUSTOMIZE_VERSION.
kustomize_is_current() {
  [[ -x "$1" && "$("$1" version 2>/dev/null)" == "$KUSTOMIZE_VERSION" ]]
}

# ensure_kustomize: builds .local/bin/kustomize ($KUSTOMIZE_VERSION) when it is missing or
# another version. Idempotent and safe to run concurrently (test workers): one build at a time
# under a lock, into a temporary GOBIN, then moved into place so no one runs a half-written
# binary. Returns non-zero (never exits) when it cannot be built, so callers decide.
ensure_kustomize() {
  local bin="$BIN_DIR/kustomize"
  if kustomize_is_current "$bin"; then return 0; fi
  if ! go_ok; then
    warn "Go $MIN_GO_VERSION+ is needed to build kustomize (found $(go_version || echo none))"
    return 1
  fi
  mkdir -p "$BIN_DIR"
  (
    if command -v flock >/dev/null 2>&1; then flock 9; fi
    if kustomize_is_current "$bin"; then exit 0; fi
    tmp="$(mktemp -d "$BIN_DIR/.kustomize.XXXXXX")" || exit 1
    trap 'rm -rf "$tmp"' EXIT
    info "installing kustomize $KUSTOMIZE_VERSION into $(rel "$BIN_DIR") (go install)" >&2
    GOBIN="$tmp" go install "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION" >&2 &&
      mv -f "$tmp/kustomize" "$bin"
  ) 9>"$BIN_DIR/.kustomize.lock" || {
    warn "go install of kustomize $KUSTOMIZE_VERSION failed"
    return 1
  }
  kustomize_is_current "$bin"
}

# fake_s3_is_current path: true when path is a fake-s3 that runs and was built after every
# source file of infra/s3 (go.mod and go.sum pin gofakes3, so a version change is a newer file).
fake_s3_is_current() {
  local bin="$1" src
  [[ -x "$bin" ]] || return 1
  for src in "$FAKE_S3_SRC_DIR"/go.mod "$FAKE_S3_SRC_DIR"/go.sum "$FAKE_S3_SRC_DIR"/*.go; do
    [[ "$bin" -nt "$src" ]] || return 1
  done
  "$bin" -version >/dev/null 2>&1
}

# ensure_fake_s3: builds .local/bin/fake-s3 from infra/s3 (gofakes3, pinned by its go.sum) when
# it is missing or older than its sources. Like ensure_kustomize: one build at a time under a
# lock, into a temporary directory, then moved into place. Needs the Go module proxy only the
# first time (the module cache has the rest). Returns non-zero (never exits) when it cannot be
# built, so callers decide.
ensure_fake_s3() {
  local bin="$BIN_DIR/fake-s3" v
  if fake_s3_is_current "$bin"; then return 0; fi
  if ! v="$(go_version)" || ! version_ge "$v" "$FAKE_S3_MIN_GO_VERSION"; then
    warn "Go $FAKE_S3_MIN_GO_VERSION+ is needed to build fake-s3 (found ${v:-none})"
    return 1
  fi
  mkdir -p "$BIN_DIR"
  (
    if command -v flock >/dev/null 2>&1; then flock 9; fi
    if fake_s3_is_current "$bin"; then exit 0; fi
    tmp="$(mktemp -d "$BIN_DIR/.fake-s3.XXXXXX")" || exit 1
    trap 'rm -rf "$tmp"' EXIT
    info "building fake-s3 ($(rel "$FAKE_S3_SRC_DIR")) into $(rel "$BIN_DIR") (go build)" >&2
    # -mod=readonly: a go.sum that does not match go.mod fails instead of being rewritten.
    (cd "$FAKE_S3_SRC_DIR" && go build -mod=readonly -buildvcs=false -trimpath -o "$tmp/fake-s3" .) >&2 &&
      mv -f "$tmp/fake-s3" "$bin"
  ) 9>"$BIN_DIR/.fake-s3.lock" || {
    warn "go build of fake-s3 (infra/s3) failed"
    return 1
  }
  fake_s3_is_current "$bin"
}

# Builds/installs what is missing: nats-server, the database's jars and its launcher.
ensure_binaries() {
  ensure_dirs
  if [[ ! -x "$BIN_DIR/nats-server" ]]; then install_nats_server; fi
  ensure_mongo_jars
  ensure_mongo_launcher
}

# ---------------------------------------------------------------------------- probes

# port_open host port: true when something accepts TCP connections there.
port_open() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# http_ok url: true when GET url answers 2xx.
http_ok() {
  if command -v curl >/dev/null 2>&1; then
    curl -fsS -o /dev/null --max-time 3 "$1" 2>/dev/null
  else
    node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(3000) })
      .then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1"
  fi
}

# mongo_ping url: true when a MongoDB-protocol server answers {ping: 1} (uses the mongodb
# driver from node_modules, which mongo-java-server and MongoDB both speak).
mongo_ping() {
  (cd "$ROOT" && node -e '
    const { MongoClient } = require("mongodb");
    const client = new MongoClient(process.argv[1], { serverSelectionTimeoutMS: 2000, connectTimeoutMS: 2000 });
    client.db("admin").command({ ping: 1 })
      .then((r) => client.close().then(() => process.exit(r.ok === 1 ? 0 : 1)))
      .catch(() => client.close().finally(() => process.exit(1)));
  ' "$1") >/dev/null 2>&1
}

# wait_port host port timeout_s name [pid]: waits until host:port accepts connections.
# With a pid, fails fast when that process dies.
wait_port() {
  local host="$1" port="$2" timeout="$3" name="$4" pid="${5:-}"
  local deadline=$((SECONDS + timeout))
  until port_open "$host" "$port"; do
    if [[ -n "$pid" ]] && ! pid_alive "$pid"; then
      echo "error: $name exited before listening on $host:$port" >&2
      return 1
    fi
    if ((SECONDS >= deadline)); then
      echo "error: $name did not listen on $host:$port within ${timeout}s" >&2
      return 1
    fi
    sleep 0.2
  done
}

# wait_until timeout_s name [pid] -- command...: retries a probe command until it succeeds.
wait_until() {
  local timeout="$1" name="$2" pid="${3:-}"
  shift 3
  [[ "${1:-}" == "--" ]] && shift
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    if [[ -n "$pid" ]] && ! pid_alive "$pid"; then
      echo "error: $name exited while starting" >&2
      return 1
    fi
    if ((SECONDS >= deadline)); then
      echo "error: $name was not ready within ${timeout}s" >&2
      return 1
    fi
    sleep 0.5
  done
}

# ---------------------------------------------------------------------------- processes

pid_file() { echo "$RUN_DIR/$1.pid"; }
log_file() { echo "$LOG_DIR/$1.log"; }

# The command line of a live process, or nothing.
proc_cmdline() {
  if [[ -r "/proc/$1/cmdline" ]]; then
    tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null
  else
    ps -o command= -p "$1" 2>/dev/null
  fi
}

# pid_alive pid: true while the process exists and is not a zombie (an exited process whose
# parent has not reaped it yet; init may take a few seconds to do that).
pid_alive() {
  kill -0 "$1" 2>/dev/null || return 1
  local state=""
  if [[ -r "/proc/$1/stat" ]]; then
    state="$(sed -e 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)"
  else
    state="$(ps -o stat= -p "$1" 2>/dev/null)"
  fi
  [[ "$state" != Z* ]]
}

# The process group id of a live process, or nothing.
proc_pgid() {
  if [[ -r "/proc/$1/stat" ]]; then
    # Field 5 of /proc/PID/stat, counted after the ")" that closes the command name.
    sed -e 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f3
  else
    ps -o pgid= -p "$1" 2>/dev/null | tr -d ' '
  fi
}

# running_pid name: prints the pid of our live process `name` and succeeds; removes a stale
# pid file (process gone, or the pid was reused by something that is not ours).
running_pid() {
  local file pid
  file="$(pid_file "$1")"
  [[ -f "$file" ]] || return 1
  pid="$(head -n1 "$file" 2>/dev/null | tr -cd '0-9')"
  if [[ -n "$pid" ]] && pid_alive "$pid" && [[ "$(proc_cmdline "$pid")" == *"$ROOT"* ]]; then
    echo "$pid"
    return 0
  fi
  rm -f "$file"
  return 1
}

# start_bg name workdir command...: starts a detached background process (own session, so
# Ctrl-C in the terminal does not reach it), appends its output to .local/log/<name>.log,
# writes .local/run/<name>.pid and prints the pid.
start_bg() {
  local name="$1" workdir="$2"
  shift 2
  ensure_dirs
  local log pid
  log="$(log_file "$name")"
  printf '\n==== %s starting %s: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$name" "$*" >>"$log"
  if command -v setsid >/dev/null 2>&1; then
    (cd "$workdir" && exec setsid "$@" >>"$log" 2>&1 </dev/null) &
  else
    (cd "$workdir" && exec nohup "$@" >>"$log" 2>&1 </dev/null) &
  fi
  pid=$!
  echo "$pid" >"$(pid_file "$name")"
  echo "$pid"
}

# stop_pid pid name [timeout_s]: SIGTERM (to its process group when it leads one), wait,
# then SIGKILL.
stop_pid() {
  local pid="$1" name="$2" timeout="${3:-10}" target="$1" pgid
  pgid="$(proc_pgid "$pid")"
  if [[ "$pgid" == "$pid" ]]; then target="-$pid"; fi
  kill -TERM -- "$target" 2>/dev/null || true
  local deadline=$((SECONDS + timeout))
  while pid_alive "$pid"; do
    if ((SECONDS >= deadline)); then
      warn "$name (pid $pid) ignored SIGTERM for ${timeout}s; sending SIGKILL"
      kill -KILL -- "$target" 2>/dev/null || true
      sleep 0.2
      break
    fi
    sleep 0.1
  done
  # Reap it if it is our child, so it does not linger as a zombie.
  wait "$pid" 2>/dev/null || true
}

# stop_named name [timeout_s]: stops our process `name` if it runs; removes its pid file.
stop_named() {
  local name="$1" pid
  if pid="$(running_pid "$name")"; then
    stop_pid "$pid" "$name" "${2:-10}"
    info "stopped $name (pid $pid)"
  fi
  rm -f "$(pid_file "$name")"
}

# tail_log name [lines]: the last lines of a log, for error reports.
tail_log() {
  local log
  log="$(log_file "$1")"
  if [[ -f "$log" ]]; then
    echo "---- last ${2:-30} lines of $(rel "$log"):" >&2
    tail -n "${2:-30}" "$log" >&2
  fi
}
