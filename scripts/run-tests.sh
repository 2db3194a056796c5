#!/usr/bin/env bash
# The README's test command (`make test`): the whole suite, on SQLite and on PostgreSQL.
# When CLAIMS_TEST_PG_URL is not set and Debian's PostgreSQL server binaries are installed,
# a throwaway server is started for the run and stopped afterwards; without them the
# PostgreSQL tests are skipped (and say so). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
if [ -z "${CLAIMS_TEST_PG_URL:-}" ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  workdir=$(mktemp -d)
  chmod 755 "$workdir"
  port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  trap 'scripts/pg-server.sh stop "$workdir/pg" >/dev/null 2>&1 || true; rm -rf "$workdir"' EXIT
  CLAIMS_TEST_PG_URL=$(scripts/pg-server.sh start "$workdir/pg" "$port")
  export CLAIMS_TEST_PG_URL
  echo "tests: PostgreSQL server started for this run at $CLAIMS_TEST_PG_URL"
elif [ -z "${CLAIMS_TEST_PG_URL:-}" ]; then
  echo "tests: no PostgreSQL server (install Debian's postgresql or set CLAIMS_TEST_PG_URL);" \
    "the PostgreSQL tests will be skipped"
fi
"$python" -m pytest -n 2 --dist loadfile "$@"
