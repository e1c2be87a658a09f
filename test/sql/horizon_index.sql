-- The evidence prefilter: absolv_in_horizon becomes index bounds on the day
-- of evidence, and a prefiltered quota equals an unfiltered one for every
-- preset (absolv_in_horizon and the <@ absolv_horizon form alike).
\set ECHO none
\pset format unaligned
\pset tuples_only true
\pset pager off
SET client_min_messages = warning;

\set n 3000
\o /dev/null
\i scripts/sample-data.sql
\o

\i test/helpers/plan_of.sql

-- one verdict per participation and preset, with a given join condition
CREATE FUNCTION pg_temp.verdicts(join_condition text)
RETURNS TABLE (preset text, id bigint, ok boolean)
LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY EXECUTE format($q$
    SELECT r.name, p.id,
           absolv_compliant(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until, r.rule)
    FROM absolv_presets() r
    CROSS JOIN participation p
    LEFT JOIN evidence e ON e.customer_id = p.customer_id AND %s
    GROUP BY r.name, p.id$q$, join_condition);
END $$;

SELECT plan(8);

SET enable_hashjoin = off;
SET enable_mergejoin = off;
SELECT matches(pg_temp.plan_of($$
  SELECT p.id, absolv_compliant(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until, 'cottbus_ies')
  FROM participation p
  LEFT JOIN evidence e ON e.customer_id = p.customer_id
                       AND absolv_in_horizon(e.at, p.exit_date, 'cottbus_ies')
  GROUP BY p.id$$),
  'Index Cond: \(\(customer_id = p\.customer_id\) AND \(at >= absolv_horizon_start\(p\.exit_date, .*\) AND \(at <= absolv_horizon_end\(p\.exit_date, ',
  'absolv_in_horizon(at, exit_date, rule) becomes index bounds on (customer_id, at)');
SELECT matches(pg_temp.plan_of($$
  SELECT p.id, absolv_compliant(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until, 'hannover')
  FROM participation p
  LEFT JOIN evidence e ON e.customer_id = p.customer_id
                       AND absolv_in_horizon(e.at, p.entry_date, p.exit_date, p.measure, 'hannover')
  GROUP BY p.id$$),
  'Index Cond: .*at >= absolv_horizon_start\(p\.entry_date, p\.exit_date, p\.measure, ',
  'so does the form with entry date and measure');
RESET enable_hashjoin;
RESET enable_mergejoin;

SELECT is(absolv_in_horizon('2025-03-06', '2025-04-03', 'frankfurt'), true, 'called directly: first day of the horizon');
SELECT is(absolv_in_horizon('2025-03-05', '2025-04-03', 'frankfurt'), false, 'called directly: the day before');
SELECT is(absolv_in_horizon('2025-05-06', '2025-04-03', 'frankfurt'), true,
          'called directly: last day (10 working days in Hessen after exit+14)');

CREATE TEMP TABLE unfiltered AS SELECT * FROM pg_temp.verdicts('true');
SELECT is((SELECT count(*)::int FROM unfiltered u
           JOIN pg_temp.verdicts('absolv_in_horizon(e.at, p.entry_date, p.exit_date, p.measure, r.rule)') f
           USING (preset, id) WHERE f.ok IS NOT DISTINCT FROM u.ok), 8 * 3000,
          'every preset: prefiltered by absolv_in_horizon (case form) = unfiltered');
SELECT is((SELECT count(*)::int FROM unfiltered u
           JOIN pg_temp.verdicts('absolv_in_horizon(e.at, p.exit_date, r.rule)') f
           USING (preset, id) WHERE f.ok IS NOT DISTINCT FROM u.ok), 8 * 3000,
          'every preset: prefiltered by absolv_in_horizon (exit form) = unfiltered');
SELECT is((SELECT count(*)::int FROM unfiltered u
           JOIN pg_temp.verdicts('e.at <@ absolv_horizon(p.exit_date, r.rule)') f
           USING (preset, id) WHERE f.ok IS NOT DISTINCT FROM u.ok), 8 * 3000,
          'every preset: prefiltered by <@ absolv_horizon = unfiltered');

SELECT * FROM finish();
