-- demo-report.sql
--   The Absolventenmanagement quota of every preset, by month of exit and
--   for the whole period, over the tables participation and evidence (as
--   scripts/sample-data.sql creates them).  Run with psql in a database
--   where the extension exists:
--
--   CREATE EXTENSION absolv;
--   \i scripts/sample-data.sql
--   \i scripts/demo-report.sql
--
--   The inner query is the quota query of API.md, for eight rules at once:
--   one verdict per rule and participation in the rule's scope, evidence
--   prefiltered by the rule's horizon.  absolv_compliant gives true
--   (fulfilled), false (missed) or NULL (excluded by a documented exception,
--   or invalid data); the quota is fulfilled / counted, counted = true + false.

\set ON_ERROR_STOP on
\pset footer off

SET client_min_messages = warning;
DROP TABLE IF EXISTS pg_temp.demo_verdict;
RESET client_min_messages;

CREATE TEMP TABLE demo_verdict AS
SELECT r.ord, r.preset, p.id,
       date_trunc('month', p.exit_date)::date AS month,
       absolv_compliant(p.entry_date, p.exit_date, p.measure,
                        e.kind, e.at, e.valid_until, r.rule) AS ok
FROM (
  SELECT v.ord, v.preset, v.preset::absolv_rule AS rule
  FROM (VALUES (1, 'frankfurt'),
               (2, 'herford'),
               (3, 'herford_ies'),
               (4, 'herford_iws'),
               (5, 'hannover'),
               (6, 'bremen'),
               (7, 'cottbus_ies'),
               (8, 'cottbus_iws')) AS v(ord, preset)
) r
CROSS JOIN participation p
LEFT JOIN evidence e
       ON e.customer_id = p.customer_id
      AND absolv_in_horizon(e.at, p.entry_date, p.exit_date, p.measure, r.rule)
WHERE absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome,
                      p.customer_status, p.legal_sphere, p.cosach_status,
                      p.goal, r.rule)
GROUP BY r.ord, r.preset, p.id, p.exit_date;

\echo
\echo 'Quota in per cent, 100 * fulfilled / counted, by month of exit'
\echo
SELECT to_char(month, 'YYYY-MM') AS month,
       preset,
       round(100.0 * count(*) FILTER (WHERE ok) / nullif(count(ok), 0), 1) AS quota,
       ord
FROM demo_verdict
GROUP BY ord, preset, month
HAVING count(ok) > 0
ORDER BY month, ord
\crosstabview month preset quota ord

\echo
\echo 'Whole period (in scope = fulfilled + missed + excluded or invalid)'
\echo
SELECT preset,
       count(*)                                AS in_scope,
       count(*) - count(ok)                    AS excluded,
       count(*) FILTER (WHERE ok)              AS fulfilled,
       count(ok)                               AS counted,
       round(100.0 * count(*) FILTER (WHERE ok) / nullif(count(ok), 0), 1) AS quota
FROM demo_verdict
GROUP BY ord, preset
ORDER BY ord;

\pset footer on
