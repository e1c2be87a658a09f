-- demo-report.sql
--   The Absolventenmanagement quota of every preset, by month of exit and
--   for the whole period, and the risk list by days left to act, over the
--   tables participation and evidence (as scripts/sample-data.sql creates
--   them).  Run with psql in a database where the extension exists:
--
--   CREATE EXTENSION absolv;
--   \i scripts/sample-data.sql
--   \i scripts/demo-report.sql
--
--   psql variables (all optional):
--     progress  on: one line per preset while the verdicts are computed
--               (default off)
--     as_of     the day of the risk list (default 2025-06-15)
--     chartdir  a directory: the data of the two charts of scripts/demo are
--               written there as CSV (quota-by-month.csv,
--               risk-by-days-left.csv), by psql on the client side
--
--   The inner query is the quota query of docs/cookbook.md, once per preset:
--   one verdict per rule and participation in the rule's scope, evidence
--   prefiltered by the rule's horizon.  absolv_compliant gives true
--   (fulfilled), false (missed) or NULL (excluded by a documented exception,
--   or invalid data); the quota is fulfilled / counted, counted = true + false.

\set ON_ERROR_STOP on
\if :{?progress}
\else
\set progress off
\endif
\if :{?as_of}
\else
\set as_of 2025-06-15
\endif
\pset footer off

SET client_min_messages = warning;
DROP TABLE IF EXISTS pg_temp.demo_verdict, pg_temp.demo_risk, pg_temp.demo_clock;
RESET client_min_messages;
-- a prepared statement per preset: plan it for the preset at hand
SET plan_cache_mode = force_custom_plan;

CREATE TEMP TABLE demo_clock AS SELECT clock_timestamp() AS t0;
CREATE TEMP TABLE demo_verdict (
  ord    int NOT NULL,
  preset text NOT NULL,
  id     bigint NOT NULL,
  month  date,
  ok     boolean
);

-- demo_preset(ord, preset): the verdicts of one preset, and a progress line
PREPARE demo_preset(int, text) AS
WITH verdict AS (
  INSERT INTO demo_verdict
  SELECT $1, $2, p.id,
         date_trunc('month', p.exit_date)::date,
         absolv_compliant(p.entry_date, p.exit_date, p.measure,
                          e.kind, e.at, e.valid_until, $2::absolv_rule)
  FROM participation p
  LEFT JOIN evidence e
         ON e.customer_id = p.customer_id
        AND absolv_in_horizon(e.at, p.entry_date, p.exit_date, p.measure, $2::absolv_rule)
  WHERE absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome,
                        p.customer_status, p.legal_sphere, p.cosach_status,
                        p.goal, $2::absolv_rule)
  GROUP BY p.id, p.exit_date
  RETURNING ok
)
SELECT format('verdicts: %s (%s of 8): %s in scope, %s counted, %s s',
              $2, $1, count(*), count(ok),
              round(extract(epoch FROM clock_timestamp() - c.t0), 1)) AS msg
FROM verdict, demo_clock c
GROUP BY c.t0;

EXECUTE demo_preset(1, 'frankfurt') \gset
\if :progress \echo :msg \endif
EXECUTE demo_preset(2, 'herford') \gset
\if :progress \echo :msg \endif
EXECUTE demo_preset(3, 'herford_ies') \gset
\if :progress \echo :msg \endif
EXECUTE demo_preset(4, 'herford_iws') \gset
\if :progress \echo :msg \endif
EXECUTE demo_preset(5, 'hannover') \gset
\if :progress \echo :msg \endif
EXECUTE demo_preset(6, 'bremen') \gset
\if :progress \echo :msg \endif
EXECUTE demo_preset(7, 'cottbus_ies') \gset
\if :progress \echo :msg \endif
EXECUTE demo_preset(8, 'cottbus_iws') \gset
\if :progress \echo :msg \endif
DEALLOCATE demo_preset;

-- the risk list as of :as_of (docs/cookbook.md, "The risk list"): pending
-- cases whose window is open or opens within 14 days; the horizon bounds are
-- a prefilter that never drops such a case (a last day to act lies in the
-- horizon)
CREATE TEMP TABLE demo_risk AS
SELECT r.ord, r.preset, c.id, (c.v).window_from, (c.v).last_day, (c.v).days_left
FROM (VALUES (1, 'cottbus_ies'), (2, 'frankfurt')) AS r(ord, preset)
CROSS JOIN LATERAL (
  SELECT p.id,
         absolv_verdict(p.entry_date, p.exit_date, p.measure,
                        e.kind, e.at, e.valid_until, :'as_of'::date, r.preset::absolv_rule) AS v
  FROM participation p
  LEFT JOIN evidence e
         ON e.customer_id = p.customer_id
        AND absolv_in_horizon(e.at, p.exit_date, r.preset::absolv_rule)
  WHERE absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome,
                        p.customer_status, p.legal_sphere, p.cosach_status,
                        p.goal, r.preset::absolv_rule)
    AND absolv_horizon_end(p.exit_date, r.preset::absolv_rule) >= :'as_of'::date
    AND absolv_horizon_start(p.exit_date, r.preset::absolv_rule) <= :'as_of'::date + 14
  GROUP BY p.id
) c
WHERE (c.v).status = 'pending'
  AND (c.v).window_from <= :'as_of'::date + 14;
\if :progress
SELECT format('risk list: %s pending cases as of %s, %s s', count(*), :'as_of',
              round(extract(epoch FROM clock_timestamp() - c.t0), 1)) AS msg
FROM demo_risk, demo_clock c GROUP BY c.t0 \gset
\echo :msg
\endif

-- the risk list in weeks of days left: 0-6, 7-13, ...; every week up to the
-- last one with a case, so that the bars of the chart line up
CREATE TEMP VIEW demo_risk_by_week AS
SELECT w.week,
       format('%s-%s', 7 * w.week, 7 * w.week + 6) AS days_left,
       count(d.id) FILTER (WHERE d.preset = 'cottbus_ies') AS cottbus_ies,
       count(d.id) FILTER (WHERE d.preset = 'frankfurt')   AS frankfurt
FROM generate_series(0, (SELECT coalesce(max(days_left), 0) / 7 FROM demo_risk)) AS w(week)
LEFT JOIN demo_risk d ON d.days_left / 7 = w.week
GROUP BY w.week;

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

\echo
\echo 'Risk list as of' :as_of '(DORA 204): pending cases whose window is open or'
\echo 'opens within 14 days, by days left to act'
\echo
SELECT days_left, cottbus_ies, frankfurt FROM demo_risk_by_week ORDER BY week;

\if :{?chartdir}
-- the data of the charts, as CSV: one column per preset (NaN where a month
-- has no counted case, a gap in the line), and the risk weeks
\set quota_csv :chartdir '/quota-by-month.csv'
\set risk_csv :chartdir '/risk-by-days-left.csv'
COPY (
  SELECT month,
         max(quota) FILTER (WHERE preset = 'frankfurt')   AS frankfurt,
         max(quota) FILTER (WHERE preset = 'herford')     AS herford,
         max(quota) FILTER (WHERE preset = 'herford_ies') AS herford_ies,
         max(quota) FILTER (WHERE preset = 'herford_iws') AS herford_iws,
         max(quota) FILTER (WHERE preset = 'hannover')    AS hannover,
         max(quota) FILTER (WHERE preset = 'bremen')      AS bremen,
         max(quota) FILTER (WHERE preset = 'cottbus_ies') AS cottbus_ies,
         max(quota) FILTER (WHERE preset = 'cottbus_iws') AS cottbus_iws
  FROM (
    SELECT month, preset,
           round(100.0 * count(*) FILTER (WHERE ok) / nullif(count(ok), 0), 1) AS quota
    FROM demo_verdict
    WHERE month IS NOT NULL
    GROUP BY month, preset
  ) q
  GROUP BY month
  ORDER BY month
) TO STDOUT WITH (FORMAT csv, HEADER, NULL 'NaN') \g :quota_csv
COPY (
  SELECT days_left, cottbus_ies, frankfurt FROM demo_risk_by_week ORDER BY week
) TO STDOUT WITH (FORMAT csv, HEADER) \g :risk_csv
\endif

RESET plan_cache_mode;
\pset footer on
