-- (c) herford, the floor: the scope and the join over the rule's horizon
--     of the participation's variant ([exit - 90, exit] for at least 6
--     months, [exit - 90, exit + 14] otherwise), every kind, with only
--     count(*).
SELECT date_trunc('month', p.exit_date)::date AS month,
       count(*)   AS participations,
       sum(p.n)   AS rows_read
FROM (
  SELECT p.id, p.exit_date, count(*) AS n
  FROM participation p
  CROSS JOIN LATERAL (SELECT CASE WHEN p.exit_date + 1 >= (p.entry_date + interval '6 months')::date
                                  THEN p.exit_date ELSE p.exit_date + 14 END AS last_day) w
  LEFT JOIN evidence e ON e.customer_id = p.customer_id
                       AND e.at BETWEEN p.exit_date - 90 AND w.last_day
  WHERE p.exit_date >= p.entry_date
    AND p.exit_date + 1 >= (p.entry_date + interval '3 months')::date
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
