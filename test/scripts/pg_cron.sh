#!/usr/bin/env bash
# pg_cron.sh: the scheduled refresh of docs/bi-clients.md, for real.
#
# Runs inside a throwaway cluster that preloads pg_cron, from the top of the
# repository, after `make install`:
#
#   pg_virtualenv -t -v 15 -o listen_addresses=localhost \
#     -o shared_preload_libraries=pg_cron -o cron.database_name=postgres \
#     -o cron.use_background_workers=on -- bash test/scripts/pg_cron.sh
#
# (pg_virtualenv writes each -o into the cluster's postgresql.conf; its
# database is postgres, so that is where pg_cron must live.)
#
# It loads the sample data, creates the materialized view of monthly quotas
# per preset and team with its unique index, exactly as the blocks of
# docs/bi-clients.md say, schedules the refresh with pg_cron, inserts new
# evidence that fulfils a missed case, and waits (90 s at most: pg_cron 1.4
# schedules by the minute) until cron.job_run_details shows a run that
# started after the insert and succeeded, and the view shows the change.
# Then the same without pg_cron: the command of the crontab line of the doc,
# run by hand as cron would run it.
#
# Prints TAP lines, then "N passed, N failed"; exits non-zero on a failure.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 1

DOC=docs/bi-clients.md
WAIT_SECONDS=${WAIT_SECONDS:-90}
. test/scripts/tap.sh

PSQL=(psql -X -q -v ON_ERROR_STOP=1)
# q SQL: one value, unaligned
q() { "${PSQL[@]}" -At -c "$1"; }

echo "# PG: host=${PGHOST:-} port=${PGPORT:-} database=${PGDATABASE:-} user=${PGUSER:-}"

# --- the cluster ---------------------------------------------------------------
preload=$(q "SHOW shared_preload_libraries" 2>&1)
ok "$([[ $preload == *pg_cron* ]]; echo $?)" "pg_cron is preloaded (shared_preload_libraries = '$preload')"
cron_db=$(q "SHOW cron.database_name" 2>&1)
ok "$([[ $cron_db == "$(q 'SELECT current_database()')" ]]; echo $?)" \
  "cron.database_name is this database ($cron_db)"
if (( FAILED > 0 )); then
  echo "# run me inside: pg_virtualenv -t -v 15 -o listen_addresses=localhost -o shared_preload_libraries=pg_cron -o cron.database_name=postgres -o cron.use_background_workers=on -- bash $0"
  finish
fi

out=$("${PSQL[@]}" -c 'CREATE EXTENSION IF NOT EXISTS absolv' 2>&1)
ok $? "CREATE EXTENSION absolv" "$out"
out=$("${PSQL[@]}" -v n=2000 -f scripts/sample-data.sql 2>&1)
ok $? "sample data loaded (2000 participations)" "$out"

# --- the materialized view of the doc -------------------------------------------
block=$(doc_block matview)
ok "$([[ $block == *"CREATE MATERIALIZED VIEW quota_monthly"* ]]; echo $?)" "$DOC has the block 'matview'"
out=$("${PSQL[@]}" -c "$block" 2>&1)
ok $? "the materialized view and its unique index are created" "$out"
unique=$(q "SELECT count(*) FROM pg_index WHERE indrelid = 'quota_monthly'::regclass AND indisunique")
ok "$([[ $unique == 1 ]]; echo $?)" "quota_monthly has a unique index"
presets=$(q "SELECT count(DISTINCT preset) FROM quota_monthly")
ok "$([[ $presets == 8 ]]; echo $?)" "the view has rows of all 8 presets ($presets)"

# the same query, live: the view's definition as a plain view
"${PSQL[@]}" -c "DO \$\$ BEGIN EXECUTE 'CREATE VIEW quota_monthly_live AS '
                 || pg_get_viewdef('quota_monthly'::regclass); END \$\$" >/dev/null
# stale: the rows in which the view and the live query differ
STALE="SELECT count(*) FROM ((TABLE quota_monthly EXCEPT ALL TABLE quota_monthly_live)
                             UNION ALL
                             (TABLE quota_monthly_live EXCEPT ALL TABLE quota_monthly)) d"
ok "$([[ $(q "$STALE") == 0 ]]; echo $?)" "the view equals the live query"

# new_evidence: EINV and VV for the customer of the first missed cottbus_ies case;
# prints "team|month|fulfilled in the view before"
new_evidence() {
  "${PSQL[@]}" -At -F'|' <<'EOF'
CREATE TEMP TABLE pick AS
SELECT p.id, p.customer_id, p.team, date_trunc('month', p.exit_date)::date AS month, p.exit_date
FROM participation p
LEFT JOIN evidence e ON e.customer_id = p.customer_id
                    AND absolv_in_horizon(e.at, p.exit_date, 'cottbus_ies')
WHERE absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome,
                      p.customer_status, p.legal_sphere, p.cosach_status, p.goal, 'cottbus_ies')
GROUP BY p.id
HAVING absolv_compliant(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until,
                        'cottbus_ies') IS FALSE
ORDER BY p.id
LIMIT 1;
SELECT k.team, k.month, m.fulfilled
FROM pick k JOIN quota_monthly m ON (m.preset, m.team, m.month) = ('cottbus_ies', k.team, k.month);
INSERT INTO evidence (id, customer_id, kind, at, valid_until)
SELECT (SELECT max(id) FROM evidence) + s.n, k.customer_id, s.kind, k.exit_date - s.days, NULL
FROM pick k
CROSS JOIN (VALUES (1, 'EINV', 30), (2, 'VV', 10)) AS s(n, kind, days);
EOF
}

# fulfilled TEAM MONTH [live]: the cottbus_ies fulfilled count of a row
fulfilled() {
  q "SELECT fulfilled FROM quota_monthly${3:-} WHERE (preset, team, month) = ('cottbus_ies', '$1', '$2')"
}

# --- pg_cron ----------------------------------------------------------------------
block=$(doc_block pg_cron)
out=$("${PSQL[@]}" -c "$block" 2>&1)
ok $? "the pg_cron block of $DOC runs (the job is scheduled)" "$out"
echo "# pg_cron $(q "SELECT extversion FROM pg_extension WHERE extname = 'pg_cron'"), job: $(q "SELECT jobid || ' ' || schedule || ' ' || command FROM cron.job WHERE jobname = 'absolv-quota-refresh'")"

IFS='|' read -r team month before < <(new_evidence)
t_insert=$(q "SELECT clock_timestamp()")
echo "# new evidence for a missed cottbus_ies case of $team, $month (fulfilled $before) at $t_insert"
live=$(fulfilled "$team" "$month" _live)
ok "$([[ $before && $live == $((before + 1)) ]]; echo $?)" \
  "the new evidence fulfils the case: live $live, view still $before"

RUNS="SELECT count(*) FILTER (WHERE d.status = 'succeeded'),
             count(*) FILTER (WHERE d.status = 'failed'),
             max(d.return_message) FILTER (WHERE d.status = 'failed')
      FROM cron.job_run_details d JOIN cron.job j USING (jobid)
      WHERE j.jobname = 'absolv-quota-refresh' AND d.start_time > '$t_insert'"
waited=0
succeeded=0
failed=0
while (( waited < WAIT_SECONDS )); do
  IFS='|' read -r succeeded failed message < <("${PSQL[@]}" -At -F'|' -c "$RUNS")
  if (( succeeded > 0 || failed > 0 )); then
    break
  fi
  sleep 1
  waited=$((waited + 1))
done
echo "# waited $waited s for pg_cron"
ok "$([[ $succeeded -gt 0 && $failed == 0 ]]; echo $?)" \
  "cron.job_run_details: a refresh started after the insert and succeeded" \
  "succeeded $succeeded, failed $failed ${message:-}"
after=$(fulfilled "$team" "$month")
ok "$([[ $after == $((before + 1)) ]]; echo $?)" \
  "the view changed: fulfilled $before -> $after"
ok "$([[ $(q "$STALE") == 0 ]]; echo $?)" "the view equals the live query again"
block=$(doc_block pg_cron-runs)
out=$("${PSQL[@]}" -At -c "$block" 2>&1)
ok "$([[ $? == 0 && $out == *succeeded* ]]; echo $?)" "the monitoring query of $DOC shows the runs" "$out"
out=$("${PSQL[@]}" -c "SELECT cron.unschedule('absolv-quota-refresh')" 2>&1)
ok $? "the job is unscheduled" "$out"

# --- system cron and psql -----------------------------------------------------------
block=$(doc_block crontab)
# the job line: minute hour day month weekday user command
cmd=$(awk '/^[0-9*]/ { $1 = $2 = $3 = $4 = $5 = $6 = ""; sub(/^ +/, ""); print; exit }' <<<"$block")
ok "$([[ $cmd == psql*"REFRESH MATERIALIZED VIEW CONCURRENTLY quota_monthly"* ]]; echo $?)" \
  "the crontab line of $DOC runs psql: $cmd"
IFS='|' read -r team month before < <(new_evidence)
live=$(fulfilled "$team" "$month" _live)
ok "$([[ $before && $live == $((before + 1)) ]]; echo $?)" \
  "more new evidence ($team, $month): live $live, view still $before"
out=$(sh -c "$cmd" 2>&1)
ok $? "the cron command exits 0" "$out"
after=$(fulfilled "$team" "$month")
ok "$([[ $after == $((before + 1)) ]]; echo $?)" "the view changed: fulfilled $before -> $after"
ok "$([[ $(q "$STALE") == 0 ]]; echo $?)" "the view equals the live query again"
# a failing refresh must fail the cron job (non-zero exit), not pass silently
out=$(sh -c "${cmd//quota_monthly/quota_monthly_missing}" 2>&1)
ok "$([[ $? != 0 ]]; echo $?)" "the cron command exits non-zero when the refresh fails"

finish
