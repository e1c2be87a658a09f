-- (c) frankfurt, the floor: the scope and the join over the rule's horizon
--     [exit - 28, 10th Hessian working day after exit + 14], every kind,
--     with only count(*): the cost of reading the rows (a) reads.
SELECT date_trunc('month', p.exit_date)::date AS month,
       count(*)   AS participations,
       sum(p.n)   AS rows_read
FROM (
  SELECT p.id, p.exit_date, count(*) AS n
  FROM participation p
  JOIN bench_calendar ch ON ch.land = 'HE' AND ch.day = p.exit_date + 14
  JOIN bench_calendar hl ON hl.land = 'HE' AND hl.is_working
                        AND hl.workday_no = ch.workday_no + 10
  LEFT JOIN evidence e ON e.customer_id = p.customer_id
                       AND e.at BETWEEN p.exit_date - 28 AND hl.day
  WHERE p.exit_date >= p.entry_date
    AND (p.outcome IS NULL OR p.outcome IN ('SUCCESS', 'GOAL_EARLY'))
    AND (p.measure IN ('FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG')
         OR (p.measure IN ('MAT', 'MAG', 'MABE')
             AND p.exit_date >= (p.entry_date + interval '3 months')::date))
  GROUP BY p.id, p.exit_date
) p
GROUP BY 1 ORDER BY 1;
