#!/usr/bin/env bash
# odbc.sh: a BI client's view of absolv, through a real driver other than
# psql: Debian's psqlODBC (odbc-postgresql) under unixODBC's isql.
#
# Runs inside a throwaway cluster, from the top of the repository, after
# `make install`:
#
#   pg_virtualenv -t -v 15 -o listen_addresses=localhost -- bash test/scripts/odbc.sh
#
# pg_virtualenv sets PGHOST=localhost, PGPORT, PGUSER=postgres, PGPASSWORD
# and PGDATABASE=postgres.  The script loads the sample data, creates the
# materialized view, the two views and the read-only role of
# docs/bi-clients.md (the views with current_date replaced by the day the
# sample data are made for, 2025-06-15), writes the DSN of the doc into a
# temporary ODBCSYSINI/ODBCINI (no system file is touched), and then,
# connected through the DSN as bi_reader, for the quota report, the risk list
# and the verdicts:
#   - asserts the column types the driver reports (SQLColumns, isql's
#     "help VIEW"; ODBC 3 codes with isql -3): date 91, integer 4, numeric 2,
#     text 12 (varchar), boolean -7 (bit), text[] 12 (varchar, type _text:
#     psqlODBC has no array type and sends the text form);
#   - asserts that the rows equal what psql gives (booleans as 1 and 0);
#   - reads the view rule_catalogue with pyodbc (test/clients/odbc_rules.py):
#     with the DSN of the doc the rule column is declared long enough and
#     every preset's text arrives whole; with the driver's defaults it is
#     declared as 255 characters, fewer than any preset has.
#
# Prints TAP lines, then "N passed, N failed"; exits non-zero on a failure.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 1

DOC=docs/bi-clients.md
AS_OF="DATE '2025-06-15'"
. test/scripts/tap.sh

PSQL=(psql -X -q -v ON_ERROR_STOP=1)
PYTHON=/usr/bin/python3   # Debian's python3, where python3-pyodbc is

echo "# PG: host=${PGHOST:-} port=${PGPORT:-} database=${PGDATABASE:-} user=${PGUSER:-}"
if [[ -z ${PGPORT:-} || -z ${PGPASSWORD:-} ]]; then
  echo "# run me inside: pg_virtualenv -t -v 15 -o listen_addresses=localhost -- bash $0"
  ok 1 "running inside pg_virtualenv (PGPORT and PGPASSWORD set)"
  finish
fi

driver=$(dpkg -L odbc-postgresql 2>/dev/null | grep '/psqlodbcw\.so$' | head -1)
ok "$([[ -f $driver ]] && command -v isql >/dev/null; echo $?)" \
  "psqlODBC and isql are installed (${driver:-no psqlodbcw.so})"

# --- the database ---------------------------------------------------------------
out=$("${PSQL[@]}" -c 'CREATE EXTENSION IF NOT EXISTS absolv' 2>&1)
ok $? "CREATE EXTENSION absolv" "$out"
out=$("${PSQL[@]}" -v n=2000 -f scripts/sample-data.sql 2>&1)
ok $? "sample data loaded (2000 participations)" "$out"
for name in matview risk-view verdict-view role rule-catalogue; do
  block=$(doc_block "$name")
  block=${block//current_date/$AS_OF}
  out=$("${PSQL[@]}" -c "$block" 2>&1)
  ok "$([[ $? == 0 && -n $block ]]; echo $?)" "the block '$name' of $DOC runs" "$out"
done

# --- the DSN ------------------------------------------------------------------------
ODBCDIR=$(mktemp -d "${TMPDIR:-/tmp}/absolv-odbc.XXXXXX")
trap 'rm -rf "$ODBCDIR"' EXIT
cat >"$ODBCDIR/odbcinst.ini" <<EOF
[PostgreSQL Unicode]
Description = PostgreSQL ODBC driver (Unicode version)
Driver      = $driver
EOF
# the doc's DSN, pointed at this cluster
doc_block odbc.ini | sed -E \
  -e "s/^(Servername *= *).*/\1$PGHOST/" \
  -e "s/^(Port *= *).*/\1$PGPORT/" \
  -e "s/^(Database *= *).*/\1$PGDATABASE/" >"$ODBCDIR/odbc.ini"
export ODBCSYSINI=$ODBCDIR ODBCINI=$ODBCDIR/odbc.ini
echo "# ODBCSYSINI=$ODBCSYSINI"
sed 's/^/#   /' "$ODBCINI"

BI_USER=bi_reader
BI_PASSWORD=$(doc_block role | sed -nE "s/.*PASSWORD '([^']*)'.*/\1/p")
# isql_run: SQL lines on stdin, one statement per line; fails on an error
isql_run() {
  local out
  out=$(isql -3 -v -b -d'|' absolv "$BI_USER" "$BI_PASSWORD" 2>&1)
  local rc=$?
  printf '%s\n' "$out"
  if (( rc != 0 )) || grep -qE '^\[[0-9A-Z]{5}\]|\[ISQL\]ERROR' <<<"$out"; then
    return 1
  fi
}

out=$(echo "SELECT current_user, version()" | isql_run)
ok $? "isql connects through the DSN as $BI_USER" "$out"
echo "# ${out%%|*}: ${out#*|}" | cut -c1-120

# --- types ------------------------------------------------------------------------------
# view column DATA_TYPE TYPE_NAME, as psqlODBC reports them
EXPECTED_TYPES="\
quota_monthly preset 12 text
quota_monthly team 12 text
quota_monthly month 91 date
quota_monthly in_scope 4 int4
quota_monthly fulfilled 4 int4
quota_monthly counted 4 int4
quota_monthly quota 2 numeric
risk_list team 12 text
risk_list participation 4 int4
risk_list measure 12 text
risk_list exit_date 91 date
risk_list window_from 91 date
risk_list last_day 91 date
risk_list days_left 4 int4
risk_list missing 12 _text
case_verdict participation 4 int4
case_verdict team 12 text
case_verdict exit_date 91 date
case_verdict status 12 text
case_verdict fulfilled -7 bool
case_verdict counted -7 bool
case_verdict last_day 91 date
case_verdict days_left 4 int4
case_verdict missing 12 _text"

for view in quota_monthly risk_list case_verdict; do
  # SQLColumns: TABLE_CAT|TABLE_SCHEM|TABLE_NAME|COLUMN_NAME|DATA_TYPE|TYPE_NAME|...
  out=$(echo "help $view" | isql_run)
  rc=$?
  got=$(awk -F'|' -v v="$view" '$3 == v { print v, $4, $5, $6 }' <<<"$out")
  want=$(grep "^$view " <<<"$EXPECTED_TYPES")
  ok "$([[ $rc == 0 && $got == "$want" ]]; echo $?)" \
    "$view: the driver reports the types $(awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $2, $4 }' <<<"$want")" \
    "$(diff <(echo "$want") <(echo "$got"))"
done

# --- values ------------------------------------------------------------------------------
# compare VIEW ORDER: the rows through ODBC equal the rows through psql
# (psql prints booleans as t/f, ODBC as 1/0: psql's side casts them)
compare() {
  local view=$1 order=$2 cols odbc psqlout rows
  cols=$("${PSQL[@]}" -At -c "
    SELECT string_agg(CASE WHEN atttypid = 'boolean'::regtype
                           THEN format('%I::int', attname) ELSE quote_ident(attname) END,
                      ', ' ORDER BY attnum)
    FROM pg_attribute WHERE attrelid = '$view'::regclass AND attnum > 0 AND NOT attisdropped")
  odbc=$(echo "SELECT * FROM $view ORDER BY $order" | isql_run)
  local rc=$?
  psqlout=$("${PSQL[@]}" -At -F'|' -c "SELECT $cols FROM $view ORDER BY $order")
  rows=$(grep -c . <<<"$psqlout")
  ok "$([[ $rc == 0 && $rows -gt 0 && $odbc == "$psqlout" ]]; echo $?)" \
    "$view: $rows rows through ODBC equal psql's" \
    "$(diff <(echo "$psqlout") <(echo "$odbc") | head -20)"
}
compare quota_monthly "preset, team, month"
compare risk_list "participation"
compare case_verdict "participation"

# the quota report a BI tool sends: a query over the view, on one line
REPORT="SELECT month, sum(fulfilled)::integer AS fulfilled, sum(counted)::integer AS counted, round(100.0 * sum(fulfilled) / nullif(sum(counted), 0), 1) AS quota FROM quota_monthly WHERE preset = 'cottbus_ies' GROUP BY month ORDER BY month"
odbc=$(echo "$REPORT" | isql_run)
rc=$?
psqlout=$("${PSQL[@]}" -At -F'|' -c "$REPORT")
ok "$([[ $rc == 0 && -n $psqlout && $odbc == "$psqlout" ]]; echo $?)" \
  "the monthly quota report of cottbus_ies through ODBC equals psql's ($(grep -c . <<<"$psqlout") months)" \
  "$(diff <(echo "$psqlout") <(echo "$odbc") | head -20)"

# a text[] value comes back as PostgreSQL's text form, and a boolean as 1/0
odbc=$(echo "SELECT missing, fulfilled FROM case_verdict WHERE status = 'missed' ORDER BY participation LIMIT 1" | isql_run)
ok "$([[ $odbc == '{'*'}|0' ]]; echo $?)" "text[] arrives as its text form, boolean as 0: $odbc"

# bi_reader reads the views, not the tables
out=$(echo "SELECT count(*) FROM participation" | isql_run)
ok "$([[ $? != 0 && $out == *"permission denied"* ]]; echo $?)" \
  "$BI_USER may not read the table participation" "$out"

# --- rule texts: the declared size -------------------------------------------------------
# A rule's text is 650 to 1400 characters; psqlODBC does not know the type
# absolv_rule and, with its defaults, declares such a column as varchar(255)
# (and text as a long varchar of MaxLongVarcharSize 8190).  With the DSN of
# the doc (TextAsLongVarchar = 0, MaxVarcharSize = 4000) both are
# varchar(4000), and every preset comes through whole.
out=$("$PYTHON" -c 'import pyodbc' 2>&1)
ok $? "pyodbc is installed ($PYTHON, python3-pyodbc)" "$out"
read -r shortest longest < <("${PSQL[@]}" -At -F' ' -c \
  'SELECT min(length(rule::text)), max(length(rule::text)) FROM absolv_presets()')
echo "# preset texts: $shortest to $longest characters"
"${PSQL[@]}" -At -F' ' -c "SELECT 'value', name, length(rule::text), md5(rule::text) FROM rule_catalogue ORDER BY name" \
  >"$ODBCDIR/values.psql"
documented=$("$PYTHON" test/clients/odbc_rules.py absolv "$BI_USER" "$BI_PASSWORD" 2>&1)
ok $? "pyodbc reads rule_catalogue through the documented DSN" "$documented"
sed 's/^/#   documented DSN: /' <<<"$documented"
size=$(awk '$1 == "columns" && $2 == "rule" { print $4 }' <<<"$documented")
ok "$([[ $size =~ ^[0-9]+$ ]] && ((size >= longest)); echo $?)" \
  "documented DSN: SQLColumns declares the rule column with $size characters, at least the longest preset ($longest)"
size=$(awk '$1 == "described" && $2 == "rule" { print $3 }' <<<"$documented")
ok "$([[ $size =~ ^[0-9]+$ ]] && ((size >= longest)); echo $?)" \
  "documented DSN: SQLDescribeCol declares it with $size characters"
got=$(grep '^value ' <<<"$documented")
ok "$([[ $got == "$(cat "$ODBCDIR/values.psql")" && $(grep -c . <<<"$got") == 8 ]]; echo $?)" \
  "documented DSN: the full text of every preset arrives uncut (length and md5 equal psql's)" \
  "$(diff "$ODBCDIR/values.psql" <(echo "$got"))"

# the same DSN without the doc's three options: the driver's defaults
grep -vE '^(BoolsAsChar|TextAsLongVarchar|MaxVarcharSize) *=' "$ODBCINI" |
  sed 's/^\[absolv\]/[absolv_defaults]/' >>"$ODBCINI"
defaults=$("$PYTHON" test/clients/odbc_rules.py absolv_defaults "$BI_USER" "$BI_PASSWORD" 2>&1)
ok $? "pyodbc reads rule_catalogue through a DSN with the driver's defaults" "$defaults"
sed 's/^/#   driver defaults: /' <<<"$defaults"
size=$(awk '$1 == "columns" && $2 == "rule" { print $4 }' <<<"$defaults")
ok "$([[ $size == 255 ]] && ((size < shortest)); echo $?)" \
  "driver defaults: SQLColumns declares the rule column with $size characters, fewer than the shortest preset ($shortest): a tool that trusts it cuts every rule"

finish
