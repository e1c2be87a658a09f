-- (b1) cottbus_ies, hand-written from docs/job-centres/cottbus.md: one EXISTS per requirement.
--   scope:   FBW*, MAT, MAG, MABE, MPAV, BAE, AZ, REHA, BVB only with goal
--            INTEGRATION (a NULL goal is out); at least 91 days; successful;
--            CoSach status B or NULL
--   require: EINV concluded in [exit - 90, exit] and in force at exit, and
--            (VV or SI) in [exit - 90, exit]
SELECT date_trunc('month', p.exit_date)::date AS month,
       count(*) FILTER (WHERE ok)  AS fulfilled,
       count(ok)                   AS counted,
       round(100.0 * count(*) FILTER (WHERE ok) / nullif(count(ok), 0), 1) AS quota
FROM (
  SELECT p.exit_date,
         EXISTS (SELECT 1 FROM evidence e
                 WHERE e.customer_id = p.customer_id
                   AND e.at BETWEEN p.exit_date - 90 AND p.exit_date
                   AND e.kind = 'EINV'
                   AND (e.valid_until IS NULL OR e.valid_until >= p.exit_date))
         AND EXISTS (SELECT 1 FROM evidence e
                     WHERE e.customer_id = p.customer_id
                       AND e.at BETWEEN p.exit_date - 90 AND p.exit_date
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
