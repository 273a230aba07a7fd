#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for the run-history tests, for local use.
# (The tests start their own when ASSETGEN_TEST_POSTGRES is unset; this is
# for sharing one server across test runs, or trying `assetgen` against it.)
#
#   .ci/postgres.sh install      apt-get install postgresql when missing
#   eval "$(.ci/postgres.sh start)"   start a cluster, export ASSETGEN_TEST_POSTGRES
#   .ci/postgres.sh stop         stop it and remove its directory
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
state=${TMPDIR:-/tmp}/assetgen-postgres.dir

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
install)
	if [ -z "$bin" ]; then
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq
		apt-get install -y -qq --no-install-recommends postgresql >/dev/null
	fi
	;;
start)
	[ -n "$bin" ] || { echo "PostgreSQL is not installed: run $0 install (or apt-get install postgresql)" >&2; exit 1; }
	dir=$(mktemp -d "${TMPDIR:-/tmp}/assetgen-pg-XXXXXX")
	chmod 755 "$dir"
	mkdir -m 700 "$dir/data" "$dir/run"
	[ "$(id -u)" = 0 ] && chown postgres: "$dir/data" "$dir/run"
	as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >/dev/null
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
	as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/run/log" -w \
		-o "-p $port -k $dir/run -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
	echo "$dir" >"$state"
	echo "export ASSETGEN_TEST_POSTGRES=postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
	;;
stop)
	[ -f "$state" ] || exit 0
	dir=$(cat "$state")
	as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true
	rm -rf "$dir" "$state"
	;;
*)
	echo "usage: $0 install|start|stop" >&2
	exit 2
	;;
esac
