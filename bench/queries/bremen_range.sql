-- (a') bremen: the quota query of docs/reference.md, whose prefilter is
--      e.at <@ absolv_horizon(...): PostgreSQL 15 cannot make index bounds of it.
--     Two-argument horizon; five-argument scope.
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
                       AND e.at <@ absolv_horizon(p.exit_date, 'bremen')
  WHERE absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome, 'bremen')
  GROUP BY p.id, p.exit_date
) p
GROUP BY 1 ORDER BY 1;
