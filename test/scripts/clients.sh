#!/usr/bin/env bash
# clients.sh: the rule bound as a string parameter through real drivers,
# compared with psql and a literal:
#   - pgJDBC (Debian's libpostgresql-jdbc-java) with its defaults: setString
#     sends varchar, and from the fifth execution on a PreparedStatement is
#     a named server-side prepared statement (prepareThreshold=5); once so,
#     and once more with plan_cache_mode=force_generic_plan;
#   - psycopg2 (Debian's python3-psycopg2): client-side parameters, and a
#     server-side PREPARE ... (varchar) / EXECUTE;
#   - node-pg (the npm package pg, installed into a cache folder, or the
#     test's temporary folder): unnamed and named statements, and a varchar
#     parameter.
# The programs are in test/clients.  Each runs the monthly quota, every field
# of absolv_verdict and absolv_rule_name / absolv_rule_fingerprint for 10
# rules (the 8 presets by name, cottbus_ies again, a rule written out), with
# one statement per query, and the rows of every run must equal what psql
# gives for the query with the rule as a literal.  The column types the
# drivers give (Java classes of getObject, Python and JavaScript types) are
# printed and checked.
#
# Runs inside a throwaway cluster, from the top of the repository, after
# `make install`:
#
#   pg_virtualenv -t -v 15 -o listen_addresses=localhost -- bash test/scripts/clients.sh
#
# (or against any server on TCP that the PG* variables name).  NODE_PG_CACHE
# is the folder for node-pg (default /var/cache/absolv/node-pg when it can be
# written, else a folder under the test's temporary folder).
# Prints TAP lines, then "N passed, N failed"; exits non-zero on a failure.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 1
. test/scripts/tap.sh

PSQL=(psql -X -q -v ON_ERROR_STOP=1)
JAR=/usr/share/java/postgresql.jar
PYTHON=/usr/bin/python3   # Debian's python3, where python3-psycopg2 is

echo "# PG: host=${PGHOST:-} port=${PGPORT:-} database=${PGDATABASE:-} user=${PGUSER:-}"
if [[ -z ${PGPORT:-} || ${PGHOST:-} == /* || -z ${PGHOST:-} ]]; then
  echo "# run me inside: pg_virtualenv -t -v 15 -o listen_addresses=localhost -- bash $0"
  ok 1 "a server on TCP (PGHOST a host name, PGPORT set): JDBC connects only over TCP"
  finish
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/absolv-clients.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/ref" "$TMP/out"

# --- the database -------------------------------------------------------------
out=$("${PSQL[@]}" -c 'CREATE EXTENSION IF NOT EXISTS absolv' 2>&1)
ok $? "CREATE EXTENSION absolv" "$out"
out=$("${PSQL[@]}" -v n=2000 -f scripts/sample-data.sql 2>&1)
ok $? "sample data loaded (2000 participations)" "$out"

# the rules, one a line: the presets by name, one again, one written out
{
  "${PSQL[@]}" -At -c 'SELECT name FROM absolv_presets()'
  echo cottbus_ies
  echo 'rule fbw_contact_30 "FbW: Kontakt bis 30 Tage nach Austritt" scope measure in (FBW*) duration at least 60 days window exit + 1 day .. exit + 30 days require CONTACT'
} >"$TMP/rules"
RUNS=$(grep -c . "$TMP/rules")
ok "$([[ $RUNS == 10 ]]; echo $?)" "10 rules to bind: $(head -8 "$TMP/rules" | tr '\n' ' ')..."

# psql with the rule as a literal: $TMP/ref/QUERY.RUN.txt
QUERIES=(quota verdict name)
ref_rc=0
for q in "${QUERIES[@]}"; do
  for ((run = 1; run <= RUNS; run++)); do
    rule=$(sed -n "${run}p" "$TMP/rules")
    sed "s/\\\$1/:'rule'/g" "test/clients/$q.sql" |
      "${PSQL[@]}" -At -F'|' -v rule="$rule" -f - >"$TMP/ref/$q.$run.txt" 2>"$TMP/ref.err" || ref_rc=1
  done
done
ok "$ref_rc" "psql: the three queries with each rule as a literal" "$(cat "$TMP/ref.err")"
ok "$([[ $(grep -c . "$TMP/ref/quota.9.txt") -ge 6 && $(grep -c . "$TMP/ref/verdict.9.txt") -ge 50 ]]; echo $?)" \
  "the literal queries give rows: $(grep -c . "$TMP/ref/quota.9.txt") months, $(grep -c . "$TMP/ref/verdict.9.txt") verdicts for cottbus_ies"

# compare WAY: the rows of every run of every query of a client's way equal psql's
compare() {
  local way=$1 q run bad
  for q in "${QUERIES[@]}"; do
    bad=()
    for ((run = 1; run <= RUNS; run++)); do
      if ! cmp -s "$TMP/ref/$q.$run.txt" "$TMP/out/$way.$q.$run.txt"; then
        bad+=("$run")
      fi
    done
    ok "${#bad[@]}" "$way: $q, $RUNS runs, each the rows of psql with a literal" \
      "runs that differ: ${bad[*]:-}
$(diff "$TMP/ref/$q.${bad[0]:-1}.txt" "$TMP/out/$way.$q.${bad[0]:-1}.txt" 2>&1 | head -10)"
  done
}

# expect_line LOG PREFIX WANT DESCRIPTION: the line of LOG that starts with PREFIX is WANT
expect_line() {
  local got
  got=$(grep -m1 "^$2" "$1")
  ok "$([[ $got == "$3" ]]; echo $?)" "$4" "want: $3
have: $got"
}

# --- pgJDBC ---------------------------------------------------------------------
echo "# pgJDBC: $(readlink -f "$JAR"), $(java -version 2>&1 | head -1)"
ok "$([[ -f $JAR ]] && command -v java >/dev/null && command -v javac >/dev/null; echo $?)" \
  "pgJDBC and a JDK are installed ($JAR, java, javac)"
java -cp "$JAR" test/clients/JdbcStrings.java "$TMP/out" "$TMP/rules" test/clients >"$TMP/jdbc.log" 2>&1
ok $? "JdbcStrings.java runs: one PreparedStatement per query, the rule bound by setString, $RUNS executions" \
  "$(cat "$TMP/jdbc.log")"
sed 's/^/#   /' "$TMP/jdbc.log"
expect_line "$TMP/jdbc.log" "prepareThreshold" "prepareThreshold 5" "pgJDBC's default prepareThreshold is 5"
compare jdbc
compare jdbc-generic
# the server saw named statements with varchar parameters: pgJDBC switched to
# server-side prepared statements after the threshold
n=$(grep -c '^prepared jdbc S_[0-9]*|{"character varying"' "$TMP/jdbc.log")
ok "$([[ $n == 3 ]] && ! grep '^prepared ' "$TMP/jdbc.log" | grep -vq '"character varying"'; echo $?)" \
  "the server holds pgJDBC's 3 named prepared statements (S_n), every parameter varchar: $n"
n=$(awk -F'|' -v runs="$RUNS" '/^prepared jdbc-generic S_/ && $3 == runs - 4 && $4 == 0' "$TMP/jdbc.log" | wc -l)
ok "$([[ $n == 3 ]]; echo $?)" \
  "with force_generic_plan, each of the 3 ran on its generic plan $((RUNS - 4)) times (runs 5-$RUNS)"
JDBC_QUOTA="month=java.sql.Date fulfilled=java.lang.Integer counted=java.lang.Integer quota=java.math.BigDecimal"
JDBC_VERDICT="id=java.lang.Long status=java.lang.String rule_name=java.lang.String variant=java.lang.String rule_fingerprint=java.lang.String window_from=java.sql.Date window_to=java.sql.Date last_day=java.sql.Date days_left=java.lang.Integer missing=org.postgresql.jdbc.PgArray evidence_dates=org.postgresql.jdbc.PgArray"
for way in jdbc jdbc-generic; do
  expect_line "$TMP/jdbc.log" "types $way quota runs 1-4 " "types $way quota runs 1-4 $JDBC_QUOTA" \
    "$way: getObject of the quota query: $JDBC_QUOTA"
  expect_line "$TMP/jdbc.log" "types $way quota runs 5-" "types $way quota runs 5-$RUNS $JDBC_QUOTA" \
    "$way: ... the same on the server-side prepared statement (runs 5-$RUNS)"
  expect_line "$TMP/jdbc.log" "types $way verdict runs 1-4 " "types $way verdict runs 1-4 $JDBC_VERDICT" \
    "$way: getObject of absolv_verdict's fields: $JDBC_VERDICT"
  expect_line "$TMP/jdbc.log" "types $way verdict runs 5-" "types $way verdict runs 5-$RUNS $JDBC_VERDICT" \
    "$way: ... the same on the server-side prepared statement (runs 5-$RUNS)"
done

# --- psycopg2 -------------------------------------------------------------------
echo "# psycopg2: $("$PYTHON" -c 'import psycopg2; print(psycopg2.__version__)' 2>&1)"
"$PYTHON" test/clients/psycopg2_strings.py "$TMP/out" "$TMP/rules" test/clients >"$TMP/psycopg2.log" 2>&1
ok $? "psycopg2_strings.py runs: client-side parameters and PREPARE (varchar) / EXECUTE" "$(cat "$TMP/psycopg2.log")"
sed 's/^/#   /' "$TMP/psycopg2.log"
compare psycopg2-param
compare psycopg2-prepare
n=$(grep -c '^prepared [a-z]*_varchar|{"character varying"}|' "$TMP/psycopg2.log")
ok "$([[ $n == 3 ]]; echo $?)" "psycopg2: 3 server-side statements with a varchar parameter"
expect_line "$TMP/psycopg2.log" "types quota " \
  "types quota month=datetime.date fulfilled=int counted=int quota=decimal.Decimal" "psycopg2's types of the quota query"
expect_line "$TMP/psycopg2.log" "types verdict " \
  "types verdict id=int status=str rule_name=str variant=str rule_fingerprint=str window_from=datetime.date window_to=datetime.date last_day=datetime.date days_left=int missing=list evidence_dates=list" \
  "psycopg2's types of absolv_verdict's fields"

# --- node-pg --------------------------------------------------------------------
NODE_PG=${NODE_PG_CACHE:-/var/cache/absolv/node-pg}
if ! mkdir -p "$NODE_PG" 2>/dev/null || [[ ! -w $NODE_PG ]]; then
  NODE_PG=$TMP/node-pg
fi
how="cached"
out=
if [[ ! -f $NODE_PG/node_modules/pg/package.json ]]; then
  how="installed now by npm"
  out=$(mkdir -p "$NODE_PG" && npm install --prefix "$NODE_PG" --no-save --no-audit --no-fund --loglevel=error 'pg@^8' 2>&1)
fi
ok "$([[ -f $NODE_PG/node_modules/pg/package.json ]]; echo $?)" "node-pg in $NODE_PG ($how)" "$out"
echo "# node $(node --version 2>&1), pg $(node -p "require('$NODE_PG/node_modules/pg/package.json').version" 2>&1)"
NODE_PATH=$NODE_PG/node_modules node test/clients/node_pg_strings.js "$TMP/out" "$TMP/rules" test/clients \
  >"$TMP/node.log" 2>&1
ok $? "node_pg_strings.js runs: unnamed, named and varchar parameters" "$(cat "$TMP/node.log")"
sed 's/^/#   /' "$TMP/node.log"
compare node-unnamed
compare node-named
compare node-varchar
n=$(grep -c '^prepared [a-z]*_varchar|{"character varying"}|' "$TMP/node.log")
ok "$([[ $n == 3 ]]; echo $?)" "node-pg: 3 named statements with a varchar parameter"
expect_line "$TMP/node.log" "types quota " \
  "types quota month=Date fulfilled=number counted=number quota=string" "node-pg's types of the quota query"
expect_line "$TMP/node.log" "types verdict " \
  "types verdict id=string status=string rule_name=string variant=string rule_fingerprint=string window_from=Date window_to=Date last_day=Date days_left=number missing=Array evidence_dates=Array" \
  "node-pg's types of absolv_verdict's fields"

finish
