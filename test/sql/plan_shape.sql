-- The plan of the documented quota query (issue 14): the aggregate runs in
-- the parallel workers (a partial aggregate below the Gather) for every
-- preset, and the planner's estimates of the scope filter and of the
-- evidence join are within a factor of 2 of the actual row counts.  Only
-- plan shapes and row counts are checked, never a time.
\set ECHO none
\pset format unaligned
\pset tuples_only true
\pset pager off
SET client_min_messages = warning;

-- the benchmark's data (bench/generate.sql, deterministic) at 20 000
-- participations, in a schema of its own: parallel workers cannot read
-- temporary tables
CREATE SCHEMA absolv_plan_test;
SET search_path = absolv_plan_test, public;
\set participations 20000
\o /dev/null
\i bench/generate.sql
\o
CREATE INDEX ON absolv_plan_test.evidence (customer_id, at);
ANALYZE absolv_plan_test.participation;
ANALYZE absolv_plan_test.evidence;

-- the settings of bench/run and of the many-core benchmark; parallel plans
-- are forced at this size by free set-up and no minimum table size
SET work_mem = '256MB';
SET random_page_cost = 1.1;
SET effective_cache_size = '64GB';
SET jit = off;
SET parallel_setup_cost = 0;
SET min_parallel_table_scan_size = 0;
SET min_parallel_index_scan_size = 0;
ALTER TABLE absolv_plan_test.participation SET (parallel_workers = 8);

-- the inner query of the documented quota query for a preset (as in
-- bench/queries/<preset>_absolv.sql): the nine-argument scope, and the
-- five-argument horizon for the presets whose variants differ in it
CREATE FUNCTION pg_temp.quota_query(preset text) RETURNS text
LANGUAGE sql AS $$
  SELECT format($q$
    SELECT p.id, p.exit_date,
           absolv_compliant(p.entry_date, p.exit_date, p.measure,
                            e.kind, e.at, e.valid_until, %1$L) AS ok
    FROM absolv_plan_test.participation p
    LEFT JOIN absolv_plan_test.evidence e ON e.customer_id = p.customer_id AND %2$s
    WHERE absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome,
                          p.customer_status, p.legal_sphere, p.cosach_status, p.goal, %1$L)
    GROUP BY p.id, p.exit_date$q$,
    preset,
    CASE WHEN preset IN ('hannover', 'herford')
         THEN format('absolv_in_horizon(e.at, p.entry_date, p.exit_date, p.measure, %L)', preset)
         ELSE format('absolv_in_horizon(e.at, p.exit_date, %L)', preset) END)
$$;

\i test/helpers/plan_of.sql

-- every node of EXPLAIN (ANALYZE, FORMAT JSON): type, estimated and actual
-- rows (per loop), loops, filter
CREATE FUNCTION pg_temp.nodes(statement text)
RETURNS TABLE (node text, plan_rows float8, actual_rows float8, loops float8, filter text)
LANGUAGE plpgsql AS $$
DECLARE
  plan jsonb;
BEGIN
  EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, COSTS ON, FORMAT JSON) ' || statement INTO plan;
  RETURN QUERY
    WITH RECURSIVE n(j) AS (
      SELECT plan -> 0 -> 'Plan'
      UNION ALL
      SELECT c FROM n, jsonb_array_elements(n.j -> 'Plans') AS c
    )
    SELECT j ->> 'Node Type', (j ->> 'Plan Rows')::float8, (j ->> 'Actual Rows')::float8,
           (j ->> 'Actual Loops')::float8, coalesce(j ->> 'Filter', j ->> 'Join Filter')
    FROM n;
END $$;

-- within a factor of 2: estimate / actual between 0.5 and 2
CREATE FUNCTION pg_temp.within_2(estimate float8, actual float8) RETURNS boolean
LANGUAGE sql AS $$ SELECT estimate >= actual / 2 AND estimate <= actual * 2 $$;

CREATE TABLE pg_temp.presets AS SELECT name FROM absolv_presets() ORDER BY name;

SELECT plan(4 * 8 + 1);

-- 1. the shape: a partial aggregate below the Gather, for 2 and 8 workers
SET max_parallel_workers_per_gather = 2;
SELECT matches(pg_temp.plan_of(pg_temp.quota_query(name)),
               'Gather.*\n.*Partial (Group|Hash)Aggregate',
               name || ': 2 workers, a partial aggregate below the Gather')
FROM pg_temp.presets;
SET max_parallel_workers_per_gather = 8;
SELECT matches(pg_temp.plan_of(pg_temp.quota_query(name)),
               'Gather.*\n.*Partial (Group|Hash)Aggregate',
               name || ': 8 workers, a partial aggregate below the Gather')
FROM pg_temp.presets;

-- 2. the estimates, in a serial plan (one loop per node): the node with the
-- scope filter, and the join
SET max_parallel_workers_per_gather = 0;
CREATE TABLE pg_temp.estimates AS
SELECT p.name, n.node, n.plan_rows, n.actual_rows * n.loops AS actual_rows, n.filter
FROM pg_temp.presets p, pg_temp.nodes(pg_temp.quota_query(p.name)) n;

-- the figures of a preset that misses, for the log
SELECT diag(name || ': ' || node || ' estimated ' || round(plan_rows) || ' rows, actual ' || actual_rows)
FROM pg_temp.estimates
WHERE (filter LIKE '%absolv_in_scope%' OR node LIKE '%Join%' OR node = 'Nested Loop')
  AND NOT pg_temp.within_2(plan_rows, actual_rows);

SELECT ok(count(*) = 1 AND bool_and(pg_temp.within_2(plan_rows, actual_rows))
          AND bool_and(e.node NOT LIKE '%Join%' AND e.node <> 'Nested Loop'),
          p.name || ': the scope filter''s estimate is within a factor of 2 of the rows it keeps')
FROM pg_temp.presets p
LEFT JOIN pg_temp.estimates e ON e.name = p.name AND e.filter LIKE '%absolv_in_scope%'
GROUP BY p.name ORDER BY p.name;

SELECT ok(count(*) = 1 AND bool_and(pg_temp.within_2(plan_rows, actual_rows)),
          p.name || ': the evidence join''s estimate is within a factor of 2 of its rows')
FROM pg_temp.presets p
LEFT JOIN pg_temp.estimates e ON e.name = p.name AND (e.node LIKE '%Join%' OR e.node = 'Nested Loop')
GROUP BY p.name ORDER BY p.name;

-- an inner join puts the customer key into an equivalence class instead of
-- an outer join's clause: the horizon's estimate finds it there too
SELECT ok(pg_temp.within_2(plan_rows, actual_rows * loops),
          'inner join: the evidence join''s estimate is within a factor of 2 of its rows')
FROM pg_temp.nodes(replace(pg_temp.quota_query('hannover'), 'LEFT JOIN', 'JOIN'))
WHERE node LIKE '%Join%' OR node = 'Nested Loop';

SELECT * FROM finish();

SET client_min_messages = warning;
DROP SCHEMA absolv_plan_test CASCADE;
RESET ALL;
