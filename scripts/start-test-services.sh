#!/usr/bin/env bash
# Start a throw-away PostgreSQL 15 and Redis for the test suite, on loopback.
# Prints the environment to export (TEST_DATABASE_URL, TEST_REDIS_URL).
# Usage: eval "$(scripts/start-test-services.sh /tmp/mektep-services)"
set -euo pipefail
root=${1:-/tmp/mektep-services}
pg_port=${PG_PORT:-55432}
redis_port=${REDIS_PORT:-56379}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
mkdir -p "$root"

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if ! as_postgres "$pg_bin/pg_ctl" -D "$root/pg" status >/dev/null 2>&1; then
  if [ ! -f "$root/pg/PG_VERSION" ]; then
    mkdir -p "$root/pg"
    [ "$(id -u)" = 0 ] && chown postgres "$root" "$root/pg"
    as_postgres "$pg_bin/initdb" -D "$root/pg" -U postgres --auth=trust -E UTF8 >/dev/null
  fi
  as_postgres "$pg_bin/pg_ctl" -D "$root/pg" -l "$root/pg.log" -w \
    -o "-p $pg_port -k $root -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null
fi
as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname='mektep_test'" | grep -q 1 \
  || as_postgres "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres mektep_test

if ! redis-cli -p "$redis_port" ping >/dev/null 2>&1; then
  redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no \
    --maxmemory-policy noeviction --daemonize yes --logfile "$root/redis.log" >/dev/null
  for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
fi
# A port another program holds (a client's ephemeral port, say) stops Redis at
# once: say so here, not through a thousand failing tests.
if ! redis-cli -p "$redis_port" ping >/dev/null 2>&1; then
  echo "Redis did not start on port $redis_port:" >&2
  tail -n 3 "$root/redis.log" >&2 || true
  exit 1
fi

echo "export TEST_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:$pg_port/mektep_test"
echo "export TEST_REDIS_URL=redis://127.0.0.1:$redis_port/0"
