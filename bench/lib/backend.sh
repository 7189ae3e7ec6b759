# shellcheck shell=bash disable=SC2034  # BENCH_DB_ARGS and BENCH_DB_LABEL are for the scripts that source this
# Sourced by bench/*/run: which database engine a benchmark runs on, and its summary line.
#
#   BACKEND=sqlite      (default) the server's embedded SQLite file in its data directory
#   BACKEND=postgres    a database on the PostgreSQL server at BENCH_POSTGRES_URL
#                       (postgres://USER@HOST:PORT/DB of a database the benchmark may connect to;
#                       it creates and drops its own databases beside it, named bench_*).
#                       bench/with-postgres starts the benchmarks' server and sets it.
#
# bench_use_database NAME fresh|keep
#     SQLite: nothing (the data directory is the database). PostgreSQL: `fresh` drops and creates
#     database NAME, `keep` leaves it as it is. Sets BENCH_DB_ARGS, the `--db URL` arguments for
#     every `sigap` command of the benchmark (empty for SQLite), and BENCH_DB_LABEL (for humans).
# bench_database_exists NAME      PostgreSQL: whether database NAME exists.
# bench_result BENCHMARK FIGURE CEILING RATIO TARGET MET
#     Prints the one summary line per figure that bench/run-all collects into bench/RESULTS.md:
#     "bench-result", then backend, benchmark, figure, ceiling, ratio, target and met (yes, no or
#     -), separated by tabs.

BACKEND=${BACKEND:-sqlite}
BENCH_DB_ARGS=()
BENCH_DB_LABEL="SQLite (the data directory's sigap.db)"

bench_check_backend() {
  case $BACKEND in
    sqlite) ;;
    postgres)
      [[ -n ${BENCH_POSTGRES_URL:-} ]] ||
        { echo "BACKEND=postgres needs BENCH_POSTGRES_URL (run under bench/with-postgres)" >&2; return 1; }
      command -v psql >/dev/null ||
        { echo "BACKEND=postgres needs psql (Debian: postgresql-client-15)" >&2; return 1; }
      ;;
    *) echo "BACKEND must be sqlite or postgres, not '$BACKEND'" >&2; return 1 ;;
  esac
}

# The URL of database NAME on the server of BENCH_POSTGRES_URL.
bench_postgres_url() { printf '%s/%s\n' "${BENCH_POSTGRES_URL%/*}" "$1"; }

bench_psql() { PGOPTIONS="-c client_min_messages=warning" psql "$BENCH_POSTGRES_URL" -X -q -v ON_ERROR_STOP=1 -At "$@"; }

bench_database_exists() {
  [[ $(bench_psql -c "SELECT 1 FROM pg_database WHERE datname = '$1'") == 1 ]]
}

bench_use_database() {
  local name=$1 mode=$2
  if [[ $BACKEND == sqlite ]]; then
    BENCH_DB_ARGS=()
    return 0
  fi
  if [[ $mode == fresh ]]; then
    bench_psql -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" -c "CREATE DATABASE $name" || return 1
  elif ! bench_database_exists "$name"; then
    bench_psql -c "CREATE DATABASE $name" || return 1
  fi
  BENCH_DB_ARGS=(--db "$(bench_postgres_url "$name")")
  BENCH_DB_LABEL="PostgreSQL ${BENCH_POSTGRES_VERSION:-} database $name"
}

bench_result() {
  local IFS=$'\t'
  printf 'bench-result\t%s\t%s\n' "$BACKEND" "$*"
}
