-- (c) herford_iws, the floor: the scope and the join over the rule's horizon
--     [exit - 90, exit + 14], every kind, with only count(*).
SELECT date_trunc('month', p.exit_date)::date AS month,
       count(*)   AS participations,
       sum(p.n)   AS rows_read
FROM (
  SELECT p.id, p.exit_date, count(*) AS n
  FROM participation p
  LEFT JOIN evidence e ON e.customer_id = p.customer_id
                       AND e.at BETWEEN p.exit_date - 90 AND p.exit_date + 14
  WHERE p.exit_date >= p.entry_date
    AND p.exit_date + 1 >= (p.entry_date + interval '3 months')::date
    AND p.exit_date + 1 <  (p.entry_date + interval '6 months')::date
    AND (p.outcome IS NULL OR p.outcome = 'SUCCESS')
    AND p.measure IN ('FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'MAT', 'BAE', 'REHA', 'BVB')
    AND (p.measure <> 'BVB' OR p.goal = 'INTEGRATION')
    AND (p.customer_status IS NULL
         OR p.customer_status IN ('ALO', 'ASU', 'RASU', 'nicht gesetzt'))
    AND p.legal_sphere = 'SGB2'
    AND p.cosach_status = 'B'
  GROUP BY p.id, p.exit_date
) p
GROUP BY 1 ORDER BY 1;
