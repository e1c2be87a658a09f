-- (c) cottbus_ies, the floor: the scope and the join over the horizon
--     [exit - 90, exit], every kind, with only count(*).
SELECT date_trunc('month', p.exit_date)::date AS month,
       count(*)   AS participations,
       sum(p.n)   AS rows_read
FROM (
  SELECT p.id, p.exit_date, count(*) AS n
  FROM participation p
  LEFT JOIN evidence e ON e.customer_id = p.customer_id
                       AND e.at BETWEEN p.exit_date - 90 AND p.exit_date
  WHERE p.exit_date >= p.entry_date
    AND p.exit_date - p.entry_date + 1 >= 91
    AND (p.outcome IS NULL OR p.outcome IN ('SUCCESS', 'GOAL_EARLY'))
    AND p.measure IN ('FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'MAT', 'MAG', 'MABE',
                      'MPAV', 'BAE', 'AZ', 'REHA', 'BVB')
    AND (p.measure <> 'BVB' OR p.goal = 'INTEGRATION')
    AND (p.cosach_status IS NULL OR p.cosach_status = 'B')
  GROUP BY p.id, p.exit_date
) p
GROUP BY 1 ORDER BY 1;
