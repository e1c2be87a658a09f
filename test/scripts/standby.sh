#!/usr/bin/env bash
# standby.sh: absolv on a streaming hot standby.  Builds a primary and a
# standby (pg_basebackup -R, streaming replication) on loopback in a
# temporary folder, creates the extension and loads the sample data on the
# primary, waits until the standby has replayed it, and runs every sql block
# of docs/cookbook.md: the blocks that write (the rule versions) on the
# primary, the read-only ones (the reports) on both, whose rows must be the
# same.  A write on the standby must fail as read-only.  Then pgbouncer in
# transaction mode in front of the standby: pgJDBC with prepareThreshold=0
# gives the standby's results without errors (with its defaults, before
# pgbouncer 1.21, its named statements go missing and are prepared again).  The servers, pgbouncer and the folder are removed at the end,
# whatever happens.
#
#   bash test/scripts/standby.sh
#
# after `make install` (absolv in the PostgreSQL of PG_CONFIG, default
# /usr/lib/postgresql/NN/bin/pg_config, NN from scripts/pg-version).  As root, the servers run as the
# user postgres (initdb and pg_ctl refuse root).  Prints TAP lines, then
# "N passed, N failed"; exits non-zero on a failure.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 1
REPO=$PWD
DOC=docs/cookbook.md
. test/scripts/tap.sh

PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/$(bash scripts/pg-version)/bin/pg_config}
BIN=$("$PG_CONFIG" --bindir)
echo "# PostgreSQL: $("$BIN/postgres" --version) ($BIN)"

# as_pg COMMAND...: run a server command as postgres when we are root, from
# a folder postgres can enter
as_pg() {
  if [[ $(id -u) == 0 ]]; then
    (cd "$T" && runuser -u postgres -- "$@")
  else
    (cd "$T" && "$@")
  fi
}

# free_port FROM TO (test/lib/free-port.sh)
. "$REPO/test/lib/free-port.sh"

# in /tmp, not $TMPDIR: the user postgres must be able to enter it
T=$(mktemp -d /tmp/absolv-standby.XXXXXX)
chmod 755 "$T"
if [[ $(id -u) == 0 ]]; then
  chown postgres: "$T"
fi
cleanup() {
  if [[ -f $T/pgbouncer.pid ]]; then
    kill "$(cat "$T/pgbouncer.pid")" 2>/dev/null
    sleep 0.2
  fi
  for d in standby primary; do
    if [[ -f $T/$d/postmaster.pid ]]; then
      as_pg "$BIN/pg_ctl" -D "$T/$d" -m immediate -w stop >/dev/null 2>&1
    fi
  done
  rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

P1=$(free_port 26400 26899)
P2=$(free_port $((P1 + 1)) 26899)
echo "# primary on 127.0.0.1:$P1, standby on 127.0.0.1:$P2, in $T"

# psql on a server: on PORT, the rest as psql's arguments
on() {
  local port=$1
  shift
  psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres "$@"
}

# --- the primary ----------------------------------------------------------------
out=$(as_pg "$BIN/initdb" -D "$T/primary" -A trust -U postgres -E UTF8 --locale=C.UTF-8 2>&1)
ok $? "initdb of the primary" "$out"
cat >>"$T/primary/postgresql.conf" <<EOF
port = $P1
listen_addresses = '127.0.0.1'
unix_socket_directories = '$T'
wal_level = replica
max_wal_senders = 4
hot_standby = on
EOF
out=$(as_pg "$BIN/pg_ctl" -D "$T/primary" -l "$T/primary.log" -w start 2>&1)
ok $? "the primary starts" "$out$(tail -5 "$T/primary.log" 2>/dev/null)"

# --- the standby: a base backup that streams from the primary -------------------------
out=$(as_pg "$BIN/pg_basebackup" -h 127.0.0.1 -p "$P1" -U postgres -D "$T/standby" -R -X stream 2>&1)
ok $? "pg_basebackup -R of the primary" "$out"
cat >>"$T/standby/postgresql.conf" <<EOF
port = $P2
EOF
out=$(as_pg "$BIN/pg_ctl" -D "$T/standby" -l "$T/standby.log" -w start 2>&1)
ok $? "the standby starts" "$out$(tail -5 "$T/standby.log" 2>/dev/null)"
out=$(on "$P2" -At -c 'SELECT pg_is_in_recovery()' 2>&1)
ok "$([[ $out == t ]]; echo $?)" "the standby is in recovery (a hot standby)" "$out"
out=$(on "$P1" -At -c 'SELECT state FROM pg_stat_replication' 2>&1)
ok "$([[ $out == streaming ]]; echo $?)" "the primary streams to it: $out" "$out"

# --- data on the primary, replayed on the standby ----------------------------------------
out=$(on "$P1" -c 'CREATE EXTENSION absolv' 2>&1)
ok $? "CREATE EXTENSION absolv on the primary" "$out"
out=$(on "$P1" -v n=3000 -f scripts/sample-data.sql 2>&1)
ok $? "sample data loaded on the primary (3000 participations)" "$out"

# wait_replay: until the standby has replayed the primary's WAL up to now
# (60 s at most)
wait_replay() {
  local lsn i
  lsn=$(on "$P1" -At -c 'SELECT pg_current_wal_lsn()')
  for ((i = 0; i < 600; i++)); do
    if [[ $(on "$P2" -At -c "SELECT pg_last_wal_replay_lsn() >= '$lsn'::pg_lsn") == t ]]; then
      return 0
    fi
    sleep 0.1
  done
  return 1
}
wait_replay
ok $? "the standby replays the primary's WAL"
out=$(on "$P2" -At -c 'SELECT count(*) FROM participation' 2>&1)
ok "$([[ $out == 3000 ]]; echo $?)" "the standby has the sample data: $out participations" "$out"
out=$(on "$P2" -At -c "SELECT extversion FROM pg_extension WHERE extname = 'absolv'" 2>&1)
ok "$([[ -n $out ]]; echo $?)" "the standby has the extension: absolv $out" "$out"

# --- the cookbook -------------------------------------------------------------------------
# block N: the N-th sql block of the cookbook
block() {
  awk -v n="$1" '
    /^```sql/ { k++; if (k == n) { want = 1; next } }
    want && /^```/ { exit }
    want { print }
  ' "$DOC"
}
blocks=$(grep -c '^```sql' "$DOC")
ok "$([[ $blocks -ge 12 ]]; echo $?)" "$DOC has $blocks sql blocks"
reads=0
for ((n = 1; n <= blocks; n++)); do
  sql=$(block "$n")
  if grep -qiE '^[[:space:]]*(INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|REFRESH)\b' <<<"$sql"; then
    # a block that writes: on the standby it must fail as read-only
    # (25006), on the primary it runs and is replayed
    out=$(on "$P2" -c "$sql" 2>&1)
    ok "$([[ $out == *"read-only transaction"* ]]; echo $?)" "cookbook block $n writes: the standby refuses it" "$out"
    out=$(on "$P1" -c "$sql" 2>&1)
    ok $? "cookbook block $n writes: the primary runs it" "$out"
    wait_replay
    ok $? "cookbook block $n: replayed on the standby"
    continue
  fi
  primary=$(on "$P1" -At -F'|' -c "$sql" 2>&1)
  rc1=$?
  standby=$(on "$P2" -At -F'|' -c "$sql" 2>&1)
  rc2=$?
  reads=$((reads + 1))
  ok "$([[ $rc1 == 0 && $rc2 == 0 && -n $primary && $primary == "$standby" ]]; echo $?)" \
    "cookbook block $n: the standby gives the primary's $(grep -c . <<<"$primary") rows" \
    "$(diff <(echo "$primary") <(echo "$standby") | head -20)"
done
ok "$([[ $reads -ge 10 ]]; echo $?)" "$reads read-only blocks compared"

# the standby's own log has no error of absolv
out=$(grep -E 'ERROR|FATAL|PANIC' "$T/standby.log" | grep -v 'read-only transaction' | grep -v 'cannot execute' | head -5)
ok "$([[ -z $out ]]; echo $?)" "the standby's log has no other error" "$out"

# --- pgbouncer in transaction mode, in front of the standby ---------------------------
# Two server connections, used in turn (server_round_robin), so that
# consecutive statements of one client run on different server connections.
# pgJDBC with prepareThreshold=0 (docs/bi-clients.md) gives the standby's
# results for every rule bound by setString; with its defaults, pgbouncer
# before 1.21 loses its named prepared statements between server connections.
JAR=/usr/share/java/postgresql.jar
if ! command -v pgbouncer >/dev/null || ! command -v java >/dev/null || [[ ! -f $JAR ]]; then
  ok 1 "pgbouncer, java and pgJDBC are installed (scripts/install-deps)"
  finish
fi
BOUNCER_VERSION=$(pgbouncer --version | awk 'NR == 1 { print $2 }')
P3=$(free_port $((P2 + 1)) 26899)
echo "# pgbouncer $BOUNCER_VERSION on 127.0.0.1:$P3, transaction mode, in front of the standby"
echo '"postgres" ""' >"$T/users.txt"
cat >"$T/pgbouncer.ini" <<INI
[databases]
postgres = host=127.0.0.1 port=$P2 dbname=postgres
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $P3
unix_socket_dir =
auth_type = trust
auth_file = $T/users.txt
admin_users = postgres
pool_mode = transaction
default_pool_size = 2
server_round_robin = 1
ignore_startup_parameters = extra_float_digits
logfile = $T/pgbouncer.log
pidfile = $T/pgbouncer.pid
INI
if [[ $(id -u) == 0 ]]; then
  chown postgres: "$T/users.txt" "$T/pgbouncer.ini"
fi
out=$(as_pg pgbouncer -d "$T/pgbouncer.ini" 2>&1)
ok $? "pgbouncer starts" "$out"
for ((i = 0; i < 50; i++)); do
  (exec 3<>"/dev/tcp/127.0.0.1/$P3") 2>/dev/null && break
  sleep 0.1
done
# two clients at once make the pool open its two server connections
on "$P3" -c 'SELECT pg_sleep(0.5)' >/dev/null 2>&1 &
on "$P3" -c 'SELECT pg_sleep(0.5)' >/dev/null 2>&1
wait
servers=$(on "$P3" -d pgbouncer -At -c 'SHOW SERVERS' 2>&1 | grep -c '|postgres|postgres|')
ok "$([[ $servers == 2 ]]; echo $?)" "pgbouncer holds 2 server connections to the standby: $servers"

mkdir -p "$T/jdbc" "$T/ref"
on "$P2" -At -c 'SELECT name FROM absolv_presets()' >"$T/rules"
RUNS=$(grep -c . "$T/rules")
for q in quota verdict name; do
  for ((run = 1; run <= RUNS; run++)); do
    sed "s/\\\$1/:'rule'/g" "test/clients/$q.sql" |
      on "$P2" -At -F'|' -v rule="$(sed -n "${run}p" "$T/rules")" -f - >"$T/ref/$q.$run.txt"
  done
done
# jdbc_through_bouncer URL_OPTIONS: JdbcStrings through pgbouncer, its rows in $T/jdbc
jdbc_through_bouncer() {
  (cd "$T" && PGHOST=127.0.0.1 PGPORT=$P3 PGDATABASE=postgres PGUSER=postgres \
    ABSOLV_JDBC_URL_OPTIONS=$1 ABSOLV_JDBC_WAYS=jdbc \
    java -cp "$JAR" "$REPO/test/clients/JdbcStrings.java" "$T/jdbc" "$T/rules" "$REPO/test/clients" 2>&1)
}
out=$(jdbc_through_bouncer '?prepareThreshold=0')
ok $? "pgJDBC through pgbouncer with prepareThreshold=0: $RUNS runs per query, the rule bound by setString" "$out"
# compare_jdbc LABEL: the rows of every run through pgbouncer equal the standby's
compare_jdbc() {
  local q run bad
  for q in quota verdict name; do
    bad=()
    for ((run = 1; run <= RUNS; run++)); do
      cmp -s "$T/ref/$q.$run.txt" "$T/jdbc/jdbc.$q.$run.txt" || bad+=("$run")
    done
    ok "${#bad[@]}" "$1: $q, each run the standby's rows with a literal ($(grep -c . "$T/ref/$q.1.txt") rows in run 1)" \
      "runs that differ: ${bad[*]:-}"
  done
}
# lost_statements: errors of the standby about missing named statements
lost_statements() {
  grep -c 'ERROR:  prepared statement "S_[0-9]*" does not exist' "$T/standby.log"
}
compare_jdbc "through pgbouncer, prepareThreshold=0"
lost=$(lost_statements)
ok "$([[ $lost == 0 ]]; echo $?)" "prepareThreshold=0: no named statement went missing on the standby ($lost)"
if dpkg --compare-versions "$BOUNCER_VERSION" lt 1.21; then
  # pgJDBC's defaults: from the fifth run on, a named statement prepared on
  # one server connection is missing on the next; in autocommit mode pgJDBC
  # prepares it again and retries, so the results are right, at the cost of
  # an error and a round trip each time (inside a transaction the error
  # reaches the application)
  rm -f "$T"/jdbc/*
  out=$(jdbc_through_bouncer '')
  ok $? "pgJDBC through pgbouncer $BOUNCER_VERSION with its defaults runs (in autocommit mode)" "$out"
  compare_jdbc "through pgbouncer, pgJDBC's defaults"
  lost=$(lost_statements)
  ok "$([[ $lost -gt 0 ]]; echo $?)" \
    "pgbouncer $BOUNCER_VERSION with pgJDBC's defaults: $lost times a named statement was missing on the server connection (hence prepareThreshold=0)"
else
  echo "# pgbouncer $BOUNCER_VERSION can track prepared statements (max_prepared_statements): pgJDBC's defaults are not checked here"
fi

finish
