-- (c) bremen, the floor: the scope and the join over the horizon
--     [exit - 28, exit + 28], every kind, with only count(*).
SELECT date_trunc('month', p.exit_date)::date AS month,
       count(*)   AS participations,
       sum(p.n)   AS rows_read
FROM (
  SELECT p.id, p.exit_date, count(*) AS n
  FROM participation p
  LEFT JOIN evidence e ON e.customer_id = p.customer_id
                       AND e.at BETWEEN p.exit_date - 28 AND p.exit_date + 28
  WHERE p.exit_date >= p.entry_date
    AND p.exit_date - p.entry_date + 1 >= 61
    AND p.measure IN ('FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'MAT', 'MAG', 'MABE',
                      'AGH', 'BAE', 'EQ', 'BVB', 'REHA', 'EVL', 'TAAM', 'BUKSELB', 'ASA',
                      'IK', 'BSK')
  GROUP BY p.id, p.exit_date
) p
GROUP BY 1 ORDER BY 1;
