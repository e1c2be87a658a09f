-- (a) bremen: the documented absolv quota query (README.md, docs/cookbook.md):
--     the evidence prefilter absolv_in_horizon, which the planner turns into
--     bounds on evidence.at.
--     Three-argument absolv_in_horizon; five-argument scope.
SELECT date_trunc('month', p.exit_date)::date AS month,
       count(*) FILTER (WHERE ok)  AS fulfilled,
       count(ok)                   AS counted,
       round(100.0 * count(*) FILTER (WHERE ok) / nullif(count(ok), 0), 1) AS quota
FROM (
  SELECT p.id, p.exit_date,
         absolv_compliant(p.entry_date, p.exit_date, p.measure,
                          e.kind, e.at, e.valid_until, 'bremen') AS ok
  FROM participation p
  LEFT JOIN evidence e ON e.customer_id = p.customer_id
                       AND absolv_in_horizon(e.at, p.exit_date, 'bremen')
  WHERE absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome, 'bremen')
  GROUP BY p.id, p.exit_date
) p
GROUP BY 1 ORDER BY 1;
