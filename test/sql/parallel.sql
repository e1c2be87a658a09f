\set ECHO none
\pset format unaligned
\pset tuples_only true
\pset pager off
SET client_min_messages = warning;

-- A forced parallel plan gives the same answers as a serial one
-- (docs/reference.md: absolv_compliant "works as a parallel aggregate (combine,
-- serialize, deserialize)"), as a user relies on it.
--
-- Parallel workers cannot read temporary tables, so the data live in a
-- schema of their own, dropped at the end.  Every result is materialized
-- with CREATE TABLE AS (which may use a parallel plan) under EXPLAIN
-- ANALYZE, so the plan that computed it is recorded next to it.

CREATE SCHEMA absolv_parallel_test;

-- 20000 participations, deterministic: ten measures (one of them unknown),
-- four outcomes, durations of 30 to 359 days, and every 1000th with its
-- exit the day before its entry (invalid).
CREATE TABLE absolv_parallel_test.participation (
  id int PRIMARY KEY,
  customer_id int NOT NULL,
  measure text,
  entry_date date,
  exit_date date,
  outcome text
);
INSERT INTO absolv_parallel_test.participation
SELECT g, g,
       (ARRAY['MAT', 'FBW', 'BAE', 'MABE', 'FBW_UMSCHULUNG', 'AGH', 'MAG', 'MPAV', 'BVB', 'XYZ'])[1 + g % 10],
       entry,
       entry + CASE WHEN g % 1000 = 0 THEN -1 ELSE 30 + (g * 104729) % 330 END,
       (ARRAY['SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS', 'GOAL_EARLY', NULL, 'PREMATURE', 'SUCCESS', 'erfolgreich beendet', 'Abbruch'])[1 + (g / 10) % 10]
FROM (SELECT g, date '2023-01-02' + (g * 7919) % 700 AS entry
      FROM generate_series(1, 20000) AS g) AS s;

-- 100000 evidence rows, five per customer, on days from exit - 110 to
-- exit + 40 of the customer's participation.
CREATE TABLE absolv_parallel_test.evidence (
  customer_id int NOT NULL,
  kind text,
  at date,
  valid_until date
);
INSERT INTO absolv_parallel_test.evidence
SELECT p.customer_id,
       (ARRAY['CONTACT', 'CONTACT', 'CONTACT', 'CONTACT', 'EINV', 'EINV', 'EINV',
              'Kooperationsplan', 'VV', 'VV', 'VV', 'SI', 'SI', 'MISSED', 'MISSED',
              'EXCEPTION', 'NOTE', 'NOTE', 'HIRING_COMMITMENT', 'Meldeversäumnis'])[1 + (h / 151) % 20],
       p.exit_date + (h % 151)::int - 110,
       CASE WHEN (h / 3020) % 3 = 0 THEN NULL ELSE p.exit_date + (h % 151)::int - 110 + ((h / 9060) % 200)::int END
FROM (SELECT g, ('x' || substr(md5(g::text), 1, 12))::bit(48)::bigint AS h
      FROM generate_series(0, 99999) AS g) AS s
JOIN absolv_parallel_test.participation p ON p.id = 1 + (s.g * 7) % 20000;

-- The same kind of evidence, one table with the participation repeated on
-- every row: 500 participations with 200 rows each, interleaved so that the
-- rows of one participation lie on many pages (and reach several workers).
CREATE TABLE absolv_parallel_test.wide (
  pid int NOT NULL,
  entry_date date,
  exit_date date,
  measure text,
  kind text,
  at date,
  valid_until date
);
INSERT INTO absolv_parallel_test.wide
SELECT p.id, p.entry_date, p.exit_date, p.measure,
       CASE WHEN h % 100 < 7 THEN 'CONTACT'
            WHEN h % 100 < 12 THEN 'MISSED'
            WHEN h % 100 < 13 THEN 'EXCEPTION'
            WHEN h % 100 < 23 THEN 'EINV'
            WHEN h % 100 < 28 THEN 'VV'
            WHEN h % 100 < 31 THEN 'SI'
            WHEN h % 100 < 33 THEN NULL
            ELSE 'NOTE' END,
       p.exit_date + ((h / 100) % 301)::int - 200,
       CASE WHEN (h / 30100) % 2 = 0 THEN NULL ELSE p.exit_date + ((h / 100) % 301)::int - 200 + ((h / 60200) % 90)::int END
FROM (SELECT g, ('x' || substr(md5('wide' || g), 1, 12))::bit(48)::bigint AS h
      FROM generate_series(0, 99999) AS g) AS s
JOIN absolv_parallel_test.participation p ON p.id = 1 + (s.g % 500) * 37;

ANALYZE absolv_parallel_test.participation;
ANALYZE absolv_parallel_test.evidence;
ANALYZE absolv_parallel_test.wide;

CREATE TABLE absolv_parallel_test.plans (target text PRIMARY KEY, plan text);

-- run a query as CREATE TABLE absolv_parallel_test.<target> AS <query>
-- under EXPLAIN ANALYZE and keep the plan
CREATE FUNCTION absolv_parallel_test.materialize(target text, query text)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  line text;
  plan text := '';
BEGIN
  FOR line IN EXECUTE format('EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) '
                             'CREATE TABLE absolv_parallel_test.%I AS %s', target, query)
  LOOP
    plan := plan || line || E'\n';
  END LOOP;
  INSERT INTO absolv_parallel_test.plans VALUES (target, plan);
END
$$;

CREATE FUNCTION absolv_parallel_test.plan_of(target text) RETURNS text
LANGUAGE sql AS $$
  SELECT plan FROM absolv_parallel_test.plans WHERE plans.target = plan_of.target
$$;

-- the queries
CREATE TABLE absolv_parallel_test.queries (target text PRIMARY KEY, query text);
INSERT INTO absolv_parallel_test.queries VALUES
-- the monthly quota of docs/reference.md, cottbus_ies, with the horizon prefilter
('quota', $q$
  SELECT date_trunc('month', p.exit_date)::date AS month,
         count(*) FILTER (WHERE ok) AS fulfilled,
         count(ok) AS counted,
         count(*) AS in_scope
  FROM (
    SELECT p.id, p.exit_date,
           absolv_compliant(p.entry_date, p.exit_date, p.measure,
                            e.kind, e.at, e.valid_until, 'cottbus_ies') AS ok
    FROM absolv_parallel_test.participation p
    LEFT JOIN absolv_parallel_test.evidence e
           ON e.customer_id = p.customer_id
          AND e.at <@ absolv_horizon(p.exit_date, 'cottbus_ies')
    WHERE absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome, 'cottbus_ies')
    GROUP BY p.id, p.exit_date
  ) p
  GROUP BY 1
$q$),
-- the verdict of every participation under six presets, no prefilter
('verdicts', $q$
  SELECT p.id,
         absolv_compliant(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until, 'cottbus_ies') AS cottbus_ies,
         absolv_compliant(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until, 'cottbus_iws') AS cottbus_iws,
         absolv_compliant(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until, 'frankfurt') AS frankfurt,
         absolv_compliant(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until, 'herford') AS herford,
         absolv_compliant(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until, 'hannover') AS hannover,
         absolv_compliant(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until, 'bremen') AS bremen
  FROM absolv_parallel_test.participation p
  LEFT JOIN absolv_parallel_test.evidence e ON e.customer_id = p.customer_id
  GROUP BY p.id
$q$),
-- one table, grouped by participation: the rows of one group reach
-- several workers, so partial states of one participation are combined
('wide', $q$
  SELECT w.pid,
         absolv_compliant(w.entry_date, w.exit_date, w.measure, w.kind, w.at, w.valid_until, 'frankfurt') AS frankfurt,
         absolv_compliant(w.entry_date, w.exit_date, w.measure, w.kind, w.at, w.valid_until, 'herford') AS herford,
         absolv_compliant(w.entry_date, w.exit_date, w.measure, w.kind, w.at, w.valid_until, 'cottbus_iws') AS cottbus_iws,
         absolv_compliant(w.entry_date, w.exit_date, w.measure, w.kind, w.at, w.valid_until, 'hannover') AS hannover
  FROM absolv_parallel_test.wide w
  GROUP BY w.pid
$q$),
-- the evidence side of a join scanned in parallel, grouped by participation:
-- again the rows of one participation reach several workers
('joined', $q$
  SELECT w.pid,
         absolv_compliant(p.entry_date, p.exit_date, p.measure, w.kind, w.at, w.valid_until, 'frankfurt') AS frankfurt,
         absolv_compliant(p.entry_date, p.exit_date, p.measure, w.kind, w.at, w.valid_until, 'herford_ies') AS herford_ies,
         absolv_compliant(p.entry_date, p.exit_date, p.measure, w.kind, w.at, w.valid_until, 'cottbus_ies') AS cottbus_ies,
         absolv_compliant(p.entry_date, p.exit_date, p.measure, w.kind, w.at, w.valid_until, 'bremen') AS bremen
  FROM absolv_parallel_test.wide w
  JOIN absolv_parallel_test.participation p ON p.id = w.pid
  GROUP BY w.pid
$q$);

-- serial
SET max_parallel_workers_per_gather = 0;
DO $$
DECLARE
  q record;
BEGIN
  FOR q IN SELECT * FROM absolv_parallel_test.queries ORDER BY target LOOP
    PERFORM absolv_parallel_test.materialize(q.target || '_serial', q.query);
  END LOOP;
END
$$;

-- parallel, forced
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET min_parallel_index_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
DO $$
DECLARE
  q record;
BEGIN
  FOR q IN SELECT * FROM absolv_parallel_test.queries ORDER BY target LOOP
    PERFORM absolv_parallel_test.materialize(q.target || '_parallel', q.query);
  END LOOP;
END
$$;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET min_parallel_index_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;

SELECT plan(28);

-- the serial plans are serial
SELECT ok(absolv_parallel_test.plan_of('quota_serial') !~ 'Gather',
          'serial quota: no Gather in the plan');
SELECT ok(absolv_parallel_test.plan_of('verdicts_serial') !~ 'Gather',
          'serial verdicts: no Gather in the plan');
SELECT ok(absolv_parallel_test.plan_of('wide_serial') !~ 'Gather',
          'serial wide: no Gather in the plan');
SELECT ok(absolv_parallel_test.plan_of('joined_serial') !~ 'Gather',
          'serial joined: no Gather in the plan');

-- the parallel plans are parallel and ran in workers.  With about five
-- evidence rows per participation the planner aggregates the quota and the
-- verdicts above the Gather (a partial aggregate would not pay); the wide
-- and joined queries, with 200 rows per participation, aggregate partially.
SELECT ok(absolv_parallel_test.plan_of('quota_parallel') ~ 'Gather',
          'parallel quota: the plan has a Gather');
SELECT ok(absolv_parallel_test.plan_of('quota_parallel') ~ 'Workers Launched: [1-9]',
          'parallel quota: workers were launched');
SELECT ok(absolv_parallel_test.plan_of('verdicts_parallel') ~ 'Gather',
          'parallel verdicts: the plan has a Gather');
SELECT ok(absolv_parallel_test.plan_of('verdicts_parallel') ~ 'Workers Launched: [1-9]',
          'parallel verdicts: workers were launched');
SELECT ok(absolv_parallel_test.plan_of('wide_parallel') ~ 'Partial (Hash|Group)?Aggregate',
          'parallel wide: absolv_compliant is aggregated partially per participation');
SELECT ok(absolv_parallel_test.plan_of('wide_parallel') ~ 'Finalize (Hash|Group)?Aggregate',
          'parallel wide: the partial states are combined in a Finalize aggregate');
SELECT ok(absolv_parallel_test.plan_of('wide_parallel') ~ 'Workers Launched: [1-9]',
          'parallel wide: workers were launched');
SELECT ok(absolv_parallel_test.plan_of('joined_parallel') ~ 'Partial (Hash|Group)?Aggregate',
          'parallel joined: absolv_compliant is aggregated partially per participation');
SELECT ok(absolv_parallel_test.plan_of('joined_parallel') ~ 'Parallel Seq Scan on wide',
          'parallel joined: the evidence side is scanned in parallel');
SELECT ok(absolv_parallel_test.plan_of('joined_parallel') ~ 'Workers Launched: [1-9]',
          'parallel joined: workers were launched');

-- the data are not trivial: every kind of verdict occurs
SELECT ok((SELECT count(*) FILTER (WHERE cottbus_ies) > 100 AND count(*) FILTER (WHERE NOT cottbus_ies) > 100
                  AND count(*) FILTER (WHERE cottbus_ies IS NULL) > 0
           FROM absolv_parallel_test.verdicts_serial),
          'serial verdicts: cottbus_ies gives true, false and NULL (invalid) verdicts');
SELECT ok((SELECT count(*) FILTER (WHERE frankfurt) > 100 AND count(*) FILTER (WHERE NOT frankfurt) > 100
                  AND count(*) FILTER (WHERE frankfurt IS NULL) > 100
           FROM absolv_parallel_test.verdicts_serial),
          'serial verdicts: frankfurt gives true, false and NULL (excluded) verdicts');
SELECT ok((SELECT count(*) FILTER (WHERE frankfurt) > 10 AND count(*) FILTER (WHERE NOT frankfurt) > 10
                  AND count(*) FILTER (WHERE frankfurt IS NULL) > 10
           FROM absolv_parallel_test.wide_serial),
          'serial wide: frankfurt gives true, false and NULL verdicts');
SELECT ok((SELECT count(*) FILTER (WHERE herford_ies) > 10 AND count(*) FILTER (WHERE herford_ies IS NULL) > 10
                  AND count(*) FILTER (WHERE bremen) > 10 AND count(*) FILTER (WHERE NOT bremen) > 10
           FROM absolv_parallel_test.joined_serial),
          'serial joined: herford_ies gives true and NULL (excluded) verdicts, bremen true and false');
SELECT ok((SELECT count(*) >= 12 AND sum(counted) > 1000 AND sum(fulfilled) > 100
           FROM absolv_parallel_test.quota_serial),
          'serial quota: at least 12 months, over 1000 counted and over 100 fulfilled');
SELECT is((SELECT count(*) FROM absolv_parallel_test.verdicts_serial), 20000::bigint,
          'serial verdicts: one row per participation');

-- parallel = serial
SELECT results_eq(
  'SELECT * FROM absolv_parallel_test.quota_parallel ORDER BY month',
  'SELECT * FROM absolv_parallel_test.quota_serial ORDER BY month',
  'cottbus_ies monthly quota: parallel plan gives the serial result');
SELECT results_eq(
  'SELECT * FROM absolv_parallel_test.verdicts_parallel ORDER BY id',
  'SELECT * FROM absolv_parallel_test.verdicts_serial ORDER BY id',
  'verdicts of 20000 participations under six presets: parallel plan gives the serial result');
SELECT results_eq(
  'SELECT * FROM absolv_parallel_test.wide_parallel ORDER BY pid',
  'SELECT * FROM absolv_parallel_test.wide_serial ORDER BY pid',
  'one-table verdicts with partial states combined: parallel plan gives the serial result');
SELECT results_eq(
  'SELECT * FROM absolv_parallel_test.joined_parallel ORDER BY pid',
  'SELECT * FROM absolv_parallel_test.joined_serial ORDER BY pid',
  'joined verdicts with partial states combined: parallel plan gives the serial result');

-- the same participations, computed two ways, agree
SELECT results_eq(
  'SELECT pid, frankfurt FROM absolv_parallel_test.joined_parallel ORDER BY pid',
  'SELECT pid, frankfurt FROM absolv_parallel_test.wide_parallel ORDER BY pid',
  'frankfurt: the joined and the one-table query give the same verdicts');
SELECT results_eq(
  $$SELECT date_trunc('month', p.exit_date)::date AS month,
           count(*) FILTER (WHERE v.cottbus_ies) AS fulfilled,
           count(v.cottbus_ies) AS counted,
           count(*) AS in_scope
    FROM absolv_parallel_test.participation p
    JOIN absolv_parallel_test.verdicts_parallel v ON v.id = p.id
    WHERE absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome, 'cottbus_ies')
    GROUP BY 1 ORDER BY 1$$,
  'SELECT * FROM absolv_parallel_test.quota_parallel ORDER BY month',
  'cottbus_ies: the prefiltered quota equals the quota from unfiltered verdicts');

-- a group split across workers is one participation: combining its partial
-- states raised no 42803, and every participation has one row
SELECT is((SELECT count(*) FROM absolv_parallel_test.wide_parallel), 500::bigint,
          'parallel wide: one row per participation');
SELECT is((SELECT count(*) FROM absolv_parallel_test.joined_parallel), 500::bigint,
          'parallel joined: one row per participation');

SELECT * FROM finish();

DROP SCHEMA absolv_parallel_test CASCADE;
