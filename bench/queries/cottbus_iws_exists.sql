-- (b1) cottbus_iws, hand-written from docs/job-centres/cottbus.md: one EXISTS per requirement.
--   scope:   as cottbus_ies
--   require: EINV and (VV or SI) in [exit - 90, exit + 14]; an EINV
--            concluded on or before the exit must be in force on it, one
--            concluded after the exit counts
SELECT date_trunc('month', p.exit_date)::date AS month,
       count(*) FILTER (WHERE ok)  AS fulfilled,
       count(ok)                   AS counted,
       round(100.0 * count(*) FILTER (WHERE ok) / nullif(count(ok), 0), 1) AS quota
FROM (
  SELECT p.exit_date,
         EXISTS (SELECT 1 FROM evidence e
                 WHERE e.customer_id = p.customer_id
                   AND e.at BETWEEN p.exit_date - 90 AND p.exit_date + 14
                   AND e.kind = 'EINV'
                   AND (e.at > p.exit_date OR e.valid_until IS NULL
                        OR e.valid_until >= p.exit_date))
         AND EXISTS (SELECT 1 FROM evidence e
                     WHERE e.customer_id = p.customer_id
                       AND e.at BETWEEN p.exit_date - 90 AND p.exit_date + 14
                       AND e.kind IN ('VV', 'SI')) AS ok
  FROM participation p
  WHERE p.exit_date >= p.entry_date
    AND p.exit_date - p.entry_date + 1 >= 91
    AND (p.outcome IS NULL OR p.outcome IN ('SUCCESS', 'GOAL_EARLY'))
    AND p.measure IN ('FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'MAT', 'MAG', 'MABE',
                      'MPAV', 'BAE', 'AZ', 'REHA', 'BVB')
    AND (p.measure <> 'BVB' OR p.goal = 'INTEGRATION')
    AND (p.cosach_status IS NULL OR p.cosach_status = 'B')
) p
GROUP BY 1 ORDER BY 1;
