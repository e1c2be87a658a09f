#!/usr/bin/env bash
# standby.sh: absolv on a streaming hot standby.  Builds a primary and a
# standby (pg_basebackup -R, streaming replication) on loopback in a
# temporary folder, creates the extension and loads the sample data on the
# primary, waits until the standby has replayed it, and runs every sql block
# of docs/cookbook.md: the blocks that write (the rule versions) on the
# primary, the read-only ones (the reports) on both, whose rows must be the
# same.  A write on the standby must fail as read-only.  Both servers and the
# folder are removed at the end, whatever happens.
#
#   bash test/scripts/standby.sh
#
# after `make install` (absolv in the PostgreSQL of PG_CONFIG, default
# /usr/lib/postgresql/15/bin/pg_config).  As root, the servers run as the
# user postgres (initdb and pg_ctl refuse root).  Prints TAP lines, then
# "N passed, N failed"; exits non-zero on a failure.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 1
REPO=$PWD
DOC=docs/cookbook.md
. test/scripts/tap.sh

PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
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

# a free port on loopback, from 54400 on
free_port() {
  local p
  for ((p = ${1:-54400}; p < 54400 + 500; p++)); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return 0
    fi
  done
  return 1
}

T=$(mktemp -d "${TMPDIR:-/tmp}/absolv-standby.XXXXXX")
chmod 755 "$T"
if [[ $(id -u) == 0 ]]; then
  chown postgres: "$T"
fi
cleanup() {
  for d in standby primary; do
    if [[ -f $T/$d/postmaster.pid ]]; then
      as_pg "$BIN/pg_ctl" -D "$T/$d" -m immediate -w stop >/dev/null 2>&1
    fi
  done
  rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

P1=$(free_port 54400)
P2=$(free_port $((P1 + 1)))
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

finish
