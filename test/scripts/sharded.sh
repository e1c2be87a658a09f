#!/usr/bin/env bash
# sharded.sh: absolv over data sharded across PostgreSQL servers, for real
# (issue 6, docs/scale-out.md).
#
#   bash test/scripts/sharded.sh
#
# After `make install`, from the top of the repository, as root (or as a
# user that can run initdb).  Builds a coordinator and SHARD_COUNT (3)
# shard clusters with scripts/shards on loopback ports of its own, in a
# directory of its own, loads the same deterministic data (SHARDED_N, 20000
# participations) into them and into a single node, and checks:
#   - real password authentication: host connections to the shards only
#     with scram-sha-256, the role's password stored as SCRAM, a wrong
#     password refused, the coordinator's connections authenticated by
#     scram-sha-256;
#   - the monthly quota of every preset is the same on both, in the plain
#     form (absolv_compliant per participation, GROUP BY with the partition
#     key customer_id) and in the two-level form (absolv_partial_agg per
#     participation on the shards, absolv_partial_merge and
#     absolv_partial_compliant on the coordinator);
#   - EXPLAIN (VERBOSE) shows an Async Foreign Scan per shard whose Remote
#     SQL holds the aggregate (absolv_compliant, absolv_partial_agg,
#     absolv_verdict) with the rule constant (its canonical text cast to
#     public.absolv_rule), and no aggregation of it on the coordinator;
#   - the verdicts (absolv_verdict, and absolv_partial_verdict of the
#     two-level form) and the risk lists of docs/cookbook.md are the same.
# The clusters are always stopped and removed (trap), also on failure.
#
# Prints TAP lines, then "N passed, N failed"; exits non-zero on a failure.
#
# Environment: SHARDED_N (participations, default 20000), SHARD_COUNT (3),
# PG_CONFIG or PG_BINDIR (the PostgreSQL 15 to run, as for scripts/shards),
# SHARDED_KEEP=1 keeps the clusters (scripts/shards down removes them;
# SHARDS_DIR is printed).
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 1

export LC_ALL=C.UTF-8
export SHARD_COUNT=${SHARD_COUNT:-3}
N_PARTICIPATIONS=${SHARDED_N:-20000}
. test/scripts/tap.sh

# --- the clusters: a directory and ports of our own ------------------------------
SHARDS_DIR=$(mktemp -d "${TMPDIR:-/tmp}/absolv-sharded.XXXXXX")
rmdir "$SHARDS_DIR" # scripts/shards up creates it
export SHARDS_DIR

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
SHARDS_PORT=
for base in $(seq 55431 20 56031); do
  free=1
  for ((p = base; p <= base + SHARD_COUNT; p++)); do
    port_free "$p" || free=0
  done
  if ((free)); then
    SHARDS_PORT=$base
    break
  fi
done
[[ -n $SHARDS_PORT ]] || { echo "Bail out! no free ports"; exit 1; }
export SHARDS_PORT

LOG=$(mktemp "${TMPDIR:-/tmp}/absolv-sharded-log.XXXXXX")
cleanup() {
  if [[ ${SHARDED_KEEP:-} ]]; then
    echo "# clusters kept in $SHARDS_DIR (scripts/shards down removes them)"
  else
    bash scripts/shards down >/dev/null 2>&1 || true
  fi
  rm -f "$LOG"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "# $SHARD_COUNT shards, $N_PARTICIPATIONS participations, ports $SHARDS_PORT .. $((SHARDS_PORT + SHARD_COUNT)), in $SHARDS_DIR"
start=$SECONDS
bash scripts/shards up >"$LOG" 2>&1
ok $? "scripts/shards up: a coordinator and $SHARD_COUNT shards, absolv everywhere" "$(cat "$LOG")"
if ((FAILED > 0)); then finish; fi
sed 's/^/# /' "$LOG"
bash scripts/shards load "$N_PARTICIPATIONS" >"$LOG" 2>&1
ok $? "scripts/shards load $N_PARTICIPATIONS: every row on the shard its customer_id hashes to" "$(cat "$LOG")"
if ((FAILED > 0)); then finish; fi
sed 's/^/# /' "$LOG"
echo "# set up in $((SECONDS - start)) s"

# q TARGET SQL: the rows of a query, unaligned, '|' between columns.  psql's
# messages go to stderr as "# TARGET: ..." lines, never into the rows: a
# warning or an error must not read as a result.
q() {
  local target=$1
  shift
  bash scripts/shards psql "$target" -q -At -v ON_ERROR_STOP=1 -c "$1" \
    2> >(sed "s/^/# $target: /" >&2)
}

# --- authentication -------------------------------------------------------------
hba_bad=
for ((k = 1; k <= SHARD_COUNT; k++)); do
  hba_bad+=$(q "shard$k" "SELECT type || ' ' || auth_method FROM pg_hba_file_rules
                         WHERE type LIKE 'host%' AND auth_method <> 'scram-sha-256'")
  hba_bad+=$(q "shard$k" "SELECT 'no host line' WHERE NOT EXISTS (SELECT FROM pg_hba_file_rules WHERE type = 'host')")
done
ok "$([[ -z $hba_bad ]]; echo $?)" "pg_hba.conf of every shard: host connections with scram-sha-256 only" "$hba_bad"

scram=
for ((k = 1; k <= SHARD_COUNT; k++)); do
  scram+=$(q "shard$k" "SELECT current_setting('password_encryption') || ':' ||
                               (SELECT rolpassword LIKE 'SCRAM-SHA-256\$%' FROM pg_authid WHERE rolname = 'absolv_fdw')::int")
  scram+=" "
done
ok "$([[ $scram == "$(printf 'scram-sha-256:1 %.0s' $(seq "$SHARD_COUNT"))" ]]; echo $?)" \
  "every shard: password_encryption = scram-sha-256, the password of absolv_fdw stored as SCRAM" "$scram"

password=$(cat "$SHARDS_DIR/fdw-password")
PSQL=${PG_BINDIR:-$("${PG_CONFIG:-/usr/lib/postgresql/$(bash scripts/pg-version)/bin/pg_config}" --bindir)}/psql
wrong=$(PGPASSWORD=not-the-password "$PSQL" -X -At -h 127.0.0.1 -p $((SHARDS_PORT + 1)) -U absolv_fdw -d absolv \
  -c 'SELECT 1' 2>&1)
ok "$([[ $wrong == *"password authentication failed"* ]]; echo $?)" \
  "a wrong password is refused (host 127.0.0.1, user absolv_fdw)" "$wrong"
right=$(PGPASSWORD=$password "$PSQL" -X -At -h 127.0.0.1 -p $((SHARDS_PORT + 1)) -U absolv_fdw -d absolv \
  -c 'SELECT count(*) > 0 FROM participation' 2>&1)
ok "$([[ $right == t ]]; echo $?)" "the password of the user mapping is accepted" "$right"
authlog=
for ((k = 1; k <= SHARD_COUNT; k++)); do
  grep -q 'connection authenticated: identity="absolv_fdw" method=scram-sha-256' "$SHARDS_DIR/shard$k.log" ||
    authlog+="shard$k: no connection of absolv_fdw authenticated by scram-sha-256 in its log "
done
ok "$([[ -z $authlog ]]; echo $?)" "every shard's log: the coordinator's connections authenticated by scram-sha-256" "$authlog"

# --- the data ---------------------------------------------------------------------
counts_single=$(q single "SELECT (SELECT count(*) FROM participation), (SELECT count(*) FROM evidence)")
counts_sharded=$(q coordinator "SELECT (SELECT count(*) FROM participation), (SELECT count(*) FROM evidence)")
ok "$([[ $counts_single == "$counts_sharded" && $counts_single == "$N_PARTICIPATIONS|"* ]]; echo $?)" \
  "the coordinator sees the rows of the single node ($counts_sharded)" "single: $counts_single"
empty=
for ((k = 1; k <= SHARD_COUNT; k++)); do
  [[ $(q "shard$k" "SELECT count(*) > 0 FROM participation") == t ]] || empty+="shard$k "
done
ok "$([[ -z $empty ]]; echo $?)" "every shard holds participations" "empty: $empty"
settings=$(q coordinator "SELECT current_setting('enable_partitionwise_join') || ' ' || current_setting('enable_partitionwise_aggregate')")
ok "$([[ $settings == "on on" ]]; echo $?)" "the coordinator's database: enable_partitionwise_join and _aggregate on" "$settings"

# --- the queries ------------------------------------------------------------------
PRESETS=$(q single "SELECT string_agg(name, ' ' ORDER BY name) FROM absolv_presets()")
AS_OF=2025-06-15

# the evidence join and the scope of a preset
from_where() {
  cat <<EOF
  FROM participation p
  LEFT JOIN evidence e ON e.customer_id = p.customer_id
                       AND absolv_in_horizon(e.at, p.exit_date, '$1')
  WHERE absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome,
                        p.customer_status, p.legal_sphere, p.cosach_status, p.goal, '$1')
EOF
}

# the monthly quota; $2: the GROUP BY of the inner query
quota_plain() {
  cat <<EOF
SELECT date_trunc('month', p.exit_date)::date AS month,
       count(*) FILTER (WHERE ok) AS fulfilled, count(ok) AS counted, count(*) AS in_scope
FROM (
  SELECT p.id, p.exit_date,
         absolv_compliant(p.entry_date, p.exit_date, p.measure,
                          e.kind, e.at, e.valid_until, '$1') AS ok
$(from_where "$1")
  GROUP BY $2
) p
GROUP BY 1 ORDER BY 1
EOF
}

# the monthly quota in two levels: a partial state per participation on the
# shards, merged per participation and finished on the coordinator
quota_two_level() {
  cat <<EOF
SELECT date_trunc('month', s.exit_date)::date AS month,
       count(*) FILTER (WHERE ok) AS fulfilled, count(ok) AS counted, count(*) AS in_scope
FROM (
  SELECT s.id, s.exit_date, absolv_partial_compliant(absolv_partial_merge(s.partial)) AS ok
  FROM (
    SELECT p.id, p.customer_id, p.exit_date,
           absolv_partial_agg(p.entry_date, p.exit_date, p.measure,
                              e.kind, e.at, e.valid_until, '$1') AS partial
$(from_where "$1")
    GROUP BY p.id, p.customer_id, p.exit_date
  ) s
  GROUP BY s.id, s.exit_date
) s
GROUP BY 1 ORDER BY 1
EOF
}

# the verdicts as of AS_OF of the exits of three months around it, ordered
# by id unless $3 is "unordered"
verdicts_plain() {
  cat <<EOF
SELECT p.id, (v).*
FROM (
  SELECT p.id,
         absolv_verdict(p.entry_date, p.exit_date, p.measure,
                        e.kind, e.at, e.valid_until, DATE '$AS_OF', '$1') AS v
$(from_where "$1")
    AND p.exit_date BETWEEN DATE '2025-05-01' AND DATE '2025-07-31'
  GROUP BY $2
) p
$([[ ${3:-} == unordered ]] || echo "ORDER BY p.id")
EOF
}

verdicts_two_level() {
  cat <<EOF
SELECT s.id, (absolv_partial_verdict(absolv_partial_merge(s.partial), DATE '$AS_OF')).*
FROM (
  SELECT p.id, p.customer_id,
         absolv_partial_agg(p.entry_date, p.exit_date, p.measure,
                            e.kind, e.at, e.valid_until, '$1') AS partial
$(from_where "$1")
    AND p.exit_date BETWEEN DATE '2025-05-01' AND DATE '2025-07-31'
  GROUP BY p.id, p.customer_id
) s
GROUP BY s.id
ORDER BY s.id
EOF
}

# same QUERY_SINGLE QUERY_SHARDED DESCRIPTION: both give the same rows
same() {
  local single sharded
  single=$(q single "$1")
  sharded=$(q coordinator "$2")
  ok "$([[ -n $single && $single == "$sharded" ]]; echo $?)" "$3 ($(wc -l <<<"$single") rows)" \
    "$(diff <(echo "$single") <(echo "$sharded") | head -20)"
}

# pushed PRESET AGGREGATE QUERY DESCRIPTION: EXPLAIN (VERBOSE) of QUERY on
# the coordinator shows an Async Foreign Scan per shard, each with the
# aggregate and the rule constant of PRESET in its Remote SQL, and the
# aggregate is not computed on the coordinator
pushed() {
  local preset=$1 aggregate=$2 plan async remote rule local_aggs
  plan=$(q coordinator "EXPLAIN (VERBOSE, COSTS OFF) $3")
  async=$(grep -c 'Async Foreign Scan' <<<"$plan")
  remote=$(grep -Ec "Remote SQL: SELECT .*public\\.$aggregate\\(.*'rule $preset \"" <<<"$plan")
  rule=$(grep -c "'::public\\.absolv_rule" <<<"$plan")
  # aggregation nodes of the coordinator that compute the aggregate
  local_aggs=$(awk -v agg="$aggregate(" '
    /Aggregate/ && !/Relations:/ { in_agg = 1; next }
    /->/ { in_agg = 0 }
    in_agg && /Output:/ && index($0, agg) && !index($0, "(" agg) { n++ }
    END { print n + 0 }' <<<"$plan")
  ok "$([[ $async == "$SHARD_COUNT" && $remote == "$SHARD_COUNT" && $rule -ge $SHARD_COUNT && $local_aggs == 0 ]]; echo $?)" \
    "$4: $async Async Foreign Scans, $aggregate and the rule constant in $remote Remote SQLs" \
    "$(grep -E 'Scan|Remote SQL|Aggregate|Relations' <<<"$plan" | cut -c1-200)"
  [[ -n ${SHARDED_PLANS:-} ]] && echo "$plan" >"$SHARDED_PLANS/$preset-$aggregate.txt"
  return 0
}

for preset in $PRESETS; do
  same "$(quota_plain "$preset" "p.id, p.exit_date")" \
       "$(quota_plain "$preset" "p.id, p.customer_id, p.exit_date")" \
       "$preset: monthly quota, absolv_compliant on the shards = single node"
  same "$(quota_plain "$preset" "p.id, p.exit_date")" \
       "$(quota_two_level "$preset")" \
       "$preset: monthly quota, absolv_partial_agg on the shards and absolv_partial_merge = single node"
  pushed "$preset" absolv_compliant "$(quota_plain "$preset" "p.id, p.customer_id, p.exit_date")" \
    "$preset: absolv_compliant pushed down"
  pushed "$preset" absolv_partial_agg "$(quota_two_level "$preset")" \
    "$preset: absolv_partial_agg pushed down"
  same "$(verdicts_plain "$preset" "p.id")" \
       "$(verdicts_plain "$preset" "p.id, p.customer_id")" \
       "$preset: verdicts as of $AS_OF, absolv_verdict on the shards = single node"
  same "$(verdicts_plain "$preset" "p.id")" \
       "$(verdicts_two_level "$preset")" \
       "$preset: verdicts as of $AS_OF, absolv_partial_verdict of the merged states = absolv_verdict on a single node"
done

# an ORDER BY p.id right above the per-participation aggregate lets the
# planner prefer a Merge Append of aggregates on the coordinator over the
# pushed joins (PostgreSQL 15 pushes no ordering of a partitionwise
# aggregate): the results are the same (above), the pushdown is checked
# without it; the two-level form is pushed down with it
pushed cottbus_ies absolv_verdict "$(verdicts_plain cottbus_ies "p.id, p.customer_id" unordered)" \
  "cottbus_ies: absolv_verdict pushed down"
pushed cottbus_ies absolv_partial_agg "$(verdicts_two_level cottbus_ies)" \
  "cottbus_ies: absolv_partial_agg of the verdicts pushed down, ORDER BY id on the coordinator"

# the quota is not empty: months, counted and fulfilled participations
sanity=$(q coordinator "SELECT count(*) >= 24 AND sum(counted) > 1000 AND sum(fulfilled) > 100 AND sum(fulfilled) < sum(counted)
                        FROM ($(quota_two_level cottbus_ies)) s")
ok "$([[ $sanity == t ]]; echo $?)" "cottbus_ies: the sharded quota has 24 months, over 1000 counted, fulfilled and missed" "$sanity"

# without the partition key in the GROUP BY, PostgreSQL 15 cannot push the
# aggregate (no partial aggregate pushdown): still the same result
plan=$(q coordinator "EXPLAIN (VERBOSE, COSTS OFF) $(quota_plain cottbus_ies "p.id, p.exit_date")")
ok "$([[ $(grep -c 'Remote SQL: SELECT .*absolv_compliant' <<<"$plan") == 0 ]]; echo $?)" \
  "GROUP BY without customer_id: absolv_compliant is not pushed down (PostgreSQL 15)" \
  "$(grep -E 'Scan|Remote SQL|Aggregate' <<<"$plan" | cut -c1-200)"
same "$(quota_plain cottbus_ies "p.id, p.exit_date")" "$(quota_plain cottbus_ies "p.id, p.exit_date")" \
  "cottbus_ies: the same query without customer_id in the GROUP BY = single node"

# --- the risk lists of docs/cookbook.md -----------------------------------------------
# cookbook_block N: the N-th sql block of docs/cookbook.md
cookbook_block() {
  awk -v want="$1" '/^```sql$/ { n++; if (n == want) { on = 1; next } } /^```$/ { on = 0 } on' docs/cookbook.md
}
risk_blocks=0
for ((b = 1; b <= 20; b++)); do
  block=$(cookbook_block "$b")
  [[ -z $block ]] && break
  if [[ $block == *absolv_verdict* && $block == *"status = 'pending'"* || $block == *absolv_verdict* && $block == *"status = 'missed'"* ]]; then
    risk_blocks=$((risk_blocks + 1))
    block=${block%;*}
    same "$block" "$block" "cookbook block $b (risk list of $(grep -o "'pending'\|'missed'" <<<"$block" | head -1) cases): sharded = single node"
    if grep -q 'GROUP BY .*customer_id' <<<"$block"; then
      pushed cottbus_ies absolv_verdict "$block" "cookbook block $b: absolv_verdict pushed down"
    fi
  fi
done
ok "$([[ $risk_blocks -ge 2 ]]; echo $?)" "the cookbook's risk lists were found ($risk_blocks)"

finish
