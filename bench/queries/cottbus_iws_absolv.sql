-- (a) cottbus_iws: the documented absolv quota query (README.md, docs/cookbook.md):
--     the evidence prefilter absolv_in_horizon, which the planner turns into
--     bounds on evidence.at.
--     Three-argument absolv_in_horizon; nine-argument scope: the rule keeps BVB only
--     with goal INTEGRATION (a known goal) and needs the CoSach status; the
--     five-argument form sees neither (it puts every BVB out of scope and
--     does not check the CoSach status).
SELECT date_trunc('month', p.exit_date)::date AS month,
       count(*) FILTER (WHERE ok)  AS fulfilled,
       count(ok)                   AS counted,
       round(100.0 * count(*) FILTER (WHERE ok) / nullif(count(ok), 0), 1) AS quota
FROM (
  SELECT p.id, p.exit_date,
         absolv_compliant(p.entry_date, p.exit_date, p.measure,
                          e.kind, e.at, e.valid_until, 'cottbus_iws') AS ok
  FROM participation p
  LEFT JOIN evidence e ON e.customer_id = p.customer_id
                       AND absolv_in_horizon(e.at, p.exit_date, 'cottbus_iws')
  WHERE absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome,
                        p.customer_status, p.legal_sphere, p.cosach_status, p.goal, 'cottbus_iws')
  GROUP BY p.id, p.exit_date
) p
GROUP BY 1 ORDER BY 1;
