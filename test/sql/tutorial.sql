-- Every sql block of docs/tutorial.md runs, in order, in a schema of its
-- own (the tutorial creates tables and views named participation and
-- evidence); the results of the queries are kept in temporary tables and
-- checked against what the tutorial's text says.  A block whose first line
-- is "-- needs pg_cron" is skipped (test/scripts/pg_cron.sh covers pg_cron);
-- the block with the broken rule must fail with 22P02.
\set ECHO none
\pset format unaligned
\pset tuples_only true
\pset pager off
SET client_min_messages = warning;
SET datestyle = 'ISO, YMD';

\set tut `cat docs/tutorial.md`

CREATE SCHEMA tutorial;
SET search_path = tutorial, public;

CREATE TEMP TABLE tutorial_block AS
SELECT r.ord::int AS ord, r.m[1] AS sql
FROM regexp_matches(:'tut', '```sql\n(.*?)```', 'g') WITH ORDINALITY AS r(m, ord);

-- run block ord, statement by statement (split at a ";" that ends a line):
-- if its last statement is a query, its rows go into the table
-- tutorial_result_<ord>.  Returns 'N rows', 'done', 'skipped', or
-- 'error SQLSTATE: message'.
CREATE TEMP TABLE tutorial_run (ord int PRIMARY KEY, outcome text);
CREATE FUNCTION pg_temp.run_block(block int) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  src text := (SELECT sql FROM tutorial_block WHERE ord = block);
  stmts text[];
  q text;
  i int;
  n bigint;
BEGIN
  IF src ~ '^\s*-- needs pg_cron' THEN
    RETURN 'skipped';
  END IF;
  -- the statements, without those that are only comments and blanks
  SELECT array_agg(t ORDER BY k) INTO stmts
  FROM regexp_split_to_table(src, ';[ \t]*(\n|$)') WITH ORDINALITY AS x(t, k)
  WHERE regexp_replace(t, '--[^\n]*', '', 'g') ~ '\S';
  FOR i IN 1 .. cardinality(stmts) LOOP
    q := stmts[i];
    IF i = cardinality(stmts) AND q ~* '^\s*(--[^\n]*\n\s*)*(select|with)\M' THEN
      EXECUTE format(E'CREATE TEMP TABLE tutorial_result_%s AS %s\n', block, q);
      EXECUTE format('SELECT count(*) FROM tutorial_result_%s', block) INTO n;
      RETURN n || ' rows';
    END IF;
    EXECUTE q;
  END LOOP;
  RETURN 'done';
EXCEPTION WHEN OTHERS THEN
  RETURN 'error ' || SQLSTATE || ': ' || SQLERRM;
END $$;

INSERT INTO tutorial_run SELECT ord, pg_temp.run_block(ord) FROM tutorial_block ORDER BY ord;

SELECT plan(17);

SELECT is((SELECT count(*)::int FROM tutorial_block), 15, 'the tutorial has 15 sql blocks');
SELECT is((SELECT array_agg(ord || ': ' || outcome ORDER BY ord) FROM tutorial_run
           WHERE outcome LIKE 'error%'
             AND NOT (ord = (SELECT ord FROM tutorial_block WHERE sql LIKE '%rule broken%')
                      AND outcome LIKE 'error 22P02:%')),
          NULL, 'every block runs without an error, but the broken rule');
SELECT is((SELECT outcome FROM tutorial_run r JOIN tutorial_block b USING (ord)
           WHERE b.sql LIKE '%rule broken%'),
          'error 22P02: invalid input syntax for type absolv_rule: "rule broken scope measure in (FBW*) window exit .. exit + 3 ..."',
          'the broken rule is rejected with 22P02, as the tutorial shows');
SELECT is((SELECT array_agg(ord ORDER BY ord) FROM tutorial_run WHERE outcome = 'skipped'),
          (SELECT array_agg(ord ORDER BY ord) FROM tutorial_block WHERE sql LIKE '%cron.schedule%'),
          'only the pg_cron block is skipped');
SELECT is((SELECT array_agg(ord ORDER BY ord) FROM tutorial_run WHERE outcome = '0 rows'),
          NULL, 'every query gives rows');

-- 2. the mapping check finds the unmapped measure
SELECT is((SELECT array_agg(massnahmeart) FROM tutorial_result_5), '{Aktivierungshilfe}',
          'mapping check: Aktivierungshilfe is the one unknown measure');

-- 3. the monthly quota, as printed in the tutorial
SELECT is((SELECT array_agg(format('%s %s %s %s %s', month, in_scope, fulfilled, counted, quota)
                            ORDER BY month) FROM tutorial_result_6),
          '{"2025-03-01 5 3 5 60.0","2025-04-01 2 1 2 50.0","2025-08-01 2 0 2 0.0"}',
          'monthly quota: March 60.0, April 50.0');
SELECT is((SELECT array_agg(format('%s %s %s', reason, participations, ids)
                            ORDER BY participations DESC, reason) FROM tutorial_result_7),
          '{"in scope 9 1001, 1002, 1003, 1004, 1006, 1009, 1010, 1012, 1013","measure 2 1005, 1011","duration 1 1007","invalid data 1 1014","outcome 1 1008"}',
          'attrition: the reasons of the tutorial');

-- 4. one case explained
SELECT is((SELECT array_agg(format('%s %s %s', id, status, missing) ORDER BY id) FROM tutorial_result_8),
          '{"1001 fulfilled ","1002 fulfilled ","1003 missed {\"EINV in force at exit\"}","1004 missed {\"VV or SI\"}","1006 fulfilled ","1009 fulfilled ","1010 missed {\"VV or SI\"}"}',
          'verdicts: fulfilled and missed, with what is missing');

-- 5. the risk list
SELECT is((SELECT array_agg(format('%s %s %s', id, days_left, missing) ORDER BY days_left) FROM tutorial_result_9),
          '{"1013 7 {\"VV or SI\"}","1012 14 {\"EINV in force at exit\",\"VV or SI\"}"}',
          'risk list: 1013 with 7 days left, 1012 with 14');

-- 6. the custom rule
SELECT is((SELECT rule::text FROM tutorial.jobcenter_rule WHERE name = 'musterstadt'),
          (SELECT $r$rule musterstadt "Jobcenter Musterstadt: Beratungsgespräch bis 3 Wochen nach Austritt oder EinV bei Austritt"
  scope
    measure in (FBW*, MAT, MAG, MABE, MPAV, AGH)
    duration at least 3 months
    outcome successful
  window exit - 28 days .. exit + 21 days
  require CONTACT or EINV in force at exit
$r$),
          'custom rule: stored in canonical form');
SELECT is((SELECT array_agg(format('%s %s %s %s', month, fulfilled, counted, quota) ORDER BY month)
           FROM tutorial_result_11),
          '{"2025-03-01 2 5 40.0","2025-04-01 0 2 0.0"}',
          'custom rule: the quota of the tutorial');

-- 7. the materialized view after the refresh
SELECT is((SELECT array_agg(format('%s %s %s %s', team, fulfilled, counted, quota) ORDER BY team)
           FROM tutorial_result_14),
          '{"Team Nord 2 2 100.0","Team Süd 2 3 66.7"}',
          'report_quota: the refresh shows the new Stelleninformation');
SELECT ok((SELECT indisunique FROM pg_index WHERE indexrelid = 'tutorial.report_quota_key'::regclass),
          'report_quota has its unique index');
SELECT is((SELECT count(*)::int FROM tutorial.report_quota WHERE rule_name = 'musterstadt'),
          (SELECT count(*)::int FROM tutorial.report_quota WHERE rule_name = 'musterstadt'
                                                             AND counted > 0),
          'report_quota: every row of the custom rule counts cases');

-- the cookbook's queries run on the tutorial's views unchanged
SELECT ok((SELECT count(*) FROM tutorial.participation) = 14, 'participation: the 14 rows of the example');
SELECT ok((SELECT count(*) FROM tutorial.evidence WHERE kind = 'EINV') = 8,
          'evidence: EGV and Kooperationsplan are mapped to EINV');

SELECT * FROM finish();

RESET search_path;
RESET datestyle;
DROP SCHEMA tutorial CASCADE;
