#!/usr/bin/env bash
# Starts a throw-away PostgreSQL on 127.0.0.1 for the data-layer tests and prints the variable to export:
#   eval "$(bash scripts/pg-test-server.sh)" && npm test
# Installs Debian's postgresql first when it is missing and we are root. Prints nothing (and the tests run on
# SQLite only) when PostgreSQL cannot be had. Progress goes to stderr so eval sees only the export line.
set -uo pipefail
PORT="${PG_TEST_PORT:-54329}"
DIR="${PG_TEST_DIR:-/tmp/sourcebook-pg}"
say() { echo "pg-test-server: $*" >&2; }

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
	say "installing Debian's postgresql…"
	(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2 || true
	bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi
if [ -z "$bin" ]; then say "PostgreSQL not available: data-layer tests will run on SQLite only"; exit 0; fi

run_as() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
if ! run_as "$bin/pg_isready -h 127.0.0.1 -p $PORT" >/dev/null 2>&1; then
	rm -rf "$DIR" && mkdir -p "$DIR"
	[ "$(id -u)" = 0 ] && chown postgres "$DIR"
	run_as "$bin/initdb -D $DIR/data -U postgres --auth=trust" >/dev/null 2>&1 || { say "initdb failed"; exit 0; }
	run_as "$bin/pg_ctl -D $DIR/data -l $DIR/log -o '-h 127.0.0.1 -p $PORT -k $DIR' -w start" >/dev/null 2>&1 ||
		{ say "could not start PostgreSQL (see $DIR/log)"; exit 0; }
	say "started PostgreSQL on 127.0.0.1:$PORT (data in $DIR)"
fi
echo "export DATABASE_URL_PG=postgres://postgres@127.0.0.1:$PORT/postgres"
