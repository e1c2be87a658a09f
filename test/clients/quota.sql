-- the monthly quota of a rule (the parameter) over the sample data, as in the cookbook
SELECT date_trunc('month', q.exit_date)::date AS month,
       (count(*) FILTER (WHERE q.ok))::integer AS fulfilled,
       count(q.ok)::integer AS counted,
       round(100.0 * count(*) FILTER (WHERE q.ok) / nullif(count(q.ok), 0), 1) AS quota
FROM (
  SELECT p.id, p.exit_date,
         absolv_compliant(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until, $1) AS ok
  FROM participation p
  LEFT JOIN evidence e ON e.customer_id = p.customer_id
                      AND absolv_in_horizon(e.at, p.exit_date, $1)
  WHERE absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome, p.customer_status, p.legal_sphere, p.cosach_status, p.goal, $1)
  GROUP BY p.id, p.exit_date
) q
GROUP BY 1
ORDER BY 1
