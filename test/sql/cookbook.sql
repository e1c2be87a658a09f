-- Every sql block of docs/cookbook.md runs, in order, over the sample data;
-- the results of the queries are kept in temporary tables and checked.
\set ECHO none
\pset format unaligned
\pset tuples_only true
\pset pager off
SET client_min_messages = warning;

-- the sample data of the demo, small
\set n 3000
\o /dev/null
\i scripts/sample-data.sql
\o
\set cookbook `cat docs/cookbook.md`

CREATE TEMP TABLE cookbook_block AS
SELECT r.ord::int AS ord, r.m[1] AS sql
FROM regexp_matches(:'cookbook', '```sql\n(.*?)```', 'g') WITH ORDINALITY AS r(m, ord);

-- run block ord: a query's rows go into the table cookbook_result_<ord>
CREATE FUNCTION pg_temp.run_block(block int) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  q text := (SELECT regexp_replace(sql, ';\s*$', '') FROM cookbook_block WHERE ord = block);
  n bigint;
BEGIN
  IF q ~* '^\s*(--[^\n]*\n\s*)*(select|with)\M' THEN
    EXECUTE format(E'CREATE TEMP TABLE cookbook_result_%s AS %s\n', block, q);
    EXECUTE format('SELECT count(*) FROM cookbook_result_%s', block) INTO n;
    RETURN n;
  END IF;
  EXECUTE q;
  RETURN -1;
END $$;

SELECT plan(25);

SELECT is((SELECT count(*)::int FROM cookbook_block), 15, 'the cookbook has 15 sql blocks');
SELECT ok(pg_temp.run_block(ord) <> 0, 'cookbook block ' || ord || ' runs and gives rows')
FROM cookbook_block ORDER BY ord;

-- what the queries say
SELECT ok((SELECT bool_and(fingerprint_010 <> fingerprint_020) FROM cookbook_result_14),
          'keep the 0.1.0 reading: the old text is another rule than the 0.2.0 preset');
SELECT ok((SELECT bool_and(counted_010 = counted_020 AND quota_020 >= quota_010) AND count(*) > 0 FROM cookbook_result_15),
          'keep the 0.1.0 reading: hannover counts the same participations, and 0.2.0 fulfils at least as many');
SELECT ok((SELECT bool_and(quota BETWEEN 0 AND 100 AND fulfilled <= counted) FROM cookbook_result_2),
          'monthly quota: a share between 0 and 100');
SELECT ok((SELECT bool_and(quota_ies <= quota_iws) FROM cookbook_result_4),
          'Cottbus in one pass: iwS is never stricter than ieS');
SELECT ok((SELECT bool_and(days_left >= 0 AND cardinality(missing) > 0
                           AND window_from <= DATE '2025-06-15' + 14) FROM cookbook_result_6),
          'risk list: open cases with days left and what is missing');
SELECT ok((SELECT bool_and(last_day < DATE '2025-06-15') FROM cookbook_result_7),
          'missed list: deadlines before the day of the report');
SELECT is((SELECT count(DISTINCT rule_fingerprint)::int FROM cookbook_result_11), 2,
          'versioned rules: two versions, two fingerprints');
SELECT is((SELECT string_agg(DISTINCT rule_name, ',' ORDER BY rule_name) FROM cookbook_result_11
           WHERE month = DATE '2024-12-01'), 'cottbus_2024',
          'versioned rules: exits of December 2024 are judged by the old version');
SELECT is((SELECT string_agg(DISTINCT rule_name, ',' ORDER BY rule_name) FROM cookbook_result_11
           WHERE month = DATE '2025-01-01'), 'cottbus_ies',
          'versioned rules: exits of January 2025 by the new one');

SELECT * FROM finish();
