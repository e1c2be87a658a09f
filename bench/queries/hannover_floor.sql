-- (c) hannover, the floor: the scope and the join over the horizon of the
--     participation's variant ([exit - 90, exit + 14] for FBW*, § 45 and
--     AGH, [exit - 90, exit] otherwise), every kind, with only count(*).
SELECT date_trunc('month', p.exit_date)::date AS month,
       count(*)   AS participations,
       sum(p.n)   AS rows_read
FROM (
  SELECT p.id, p.exit_date, count(*) AS n
  FROM participation p
  LEFT JOIN evidence e ON e.customer_id = p.customer_id
                       AND e.at BETWEEN p.exit_date - 90
                                    AND p.exit_date + CASE WHEN p.measure IN ('FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG',
                                                                              'MAT', 'MAG', 'MABE', 'MPAV', 'AGH')
                                                           THEN 14 ELSE 0 END
  WHERE p.exit_date >= p.entry_date
    AND p.exit_date - p.entry_date + 1 >= 90
    AND (p.outcome IS NULL OR p.outcome IN ('SUCCESS', 'GOAL_EARLY'))
    AND p.measure IN ('FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'MAT', 'MAG', 'MABE',
                      'MPAV', 'AGH', 'BAE', 'AZ', 'EQ', 'BVB', 'REHA', 'REHA_VL', 'EVL',
                      'TAAM', 'BUKSELB', 'ASA', 'WBV', 'EA', 'DIAG', 'IK', 'BSK')
  GROUP BY p.id, p.exit_date
) p
GROUP BY 1 ORDER BY 1;
