-- (b2) cottbus_iws, hand-written from docs/job-centres/cottbus.md: one windowed join over
--      [exit - 90, exit + 14] with the rule's kinds, bool_or per
--      participation.  See cottbus_iws_exists.sql for the rule.
SELECT date_trunc('month', p.exit_date)::date AS month,
       count(*) FILTER (WHERE ok)  AS fulfilled,
       count(ok)                   AS counted,
       round(100.0 * count(*) FILTER (WHERE ok) / nullif(count(ok), 0), 1) AS quota
FROM (
  SELECT p.id, p.exit_date,
         coalesce(bool_or(e.kind = 'EINV'
                          AND (e.at > p.exit_date OR e.valid_until IS NULL
                               OR e.valid_until >= p.exit_date)), false)
         AND coalesce(bool_or(e.kind IN ('VV', 'SI')), false) AS ok
  FROM participation p
  LEFT JOIN evidence e ON e.customer_id = p.customer_id
                       AND e.at BETWEEN p.exit_date - 90 AND p.exit_date + 14
                       AND e.kind IN ('EINV', 'VV', 'SI')
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
