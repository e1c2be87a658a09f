-- (b1) hannover, hand-written from docs/job-centres/hannover.md: one EXISTS
--      per requirement.
--   scope:   every known measure lasting at least 90 days; successful
--   FBW*:    EINV in [exit - 90, exit + 14], one concluded by the exit in
--            force on it; and (VV or SI) in [exit - 90, exit + 14] or a
--            HIRING_COMMITMENT in [exit - 90, exit]
--   MAT, MAG, MABE, MPAV, AGH: EINV in [exit - 90, exit + 14], one
--            concluded by the exit in force on it
--   others:  EINV in force at exit and (VV or SI or HIRING_COMMITMENT), in
--            [exit - 90, exit]
SELECT date_trunc('month', p.exit_date)::date AS month,
       count(*) FILTER (WHERE ok)  AS fulfilled,
       count(ok)                   AS counted,
       round(100.0 * count(*) FILTER (WHERE ok) / nullif(count(ok), 0), 1) AS quota
FROM (
  SELECT p.exit_date,
         CASE
           WHEN p.measure IN ('FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG') THEN
                 EXISTS (SELECT 1 FROM evidence e
                         WHERE e.customer_id = p.customer_id
                           AND e.at BETWEEN p.exit_date - 90 AND p.exit_date + 14
                           AND e.kind = 'EINV'
                           AND (e.at > p.exit_date OR e.valid_until IS NULL
                                OR e.valid_until >= p.exit_date))
             AND (EXISTS (SELECT 1 FROM evidence e
                          WHERE e.customer_id = p.customer_id
                            AND e.at BETWEEN p.exit_date - 90 AND p.exit_date + 14
                            AND e.kind IN ('VV', 'SI'))
                  OR EXISTS (SELECT 1 FROM evidence e
                             WHERE e.customer_id = p.customer_id
                               AND e.at BETWEEN p.exit_date - 90 AND p.exit_date
                               AND e.kind = 'HIRING_COMMITMENT'))
           WHEN p.measure IN ('MAT', 'MAG', 'MABE', 'MPAV', 'AGH') THEN
                 EXISTS (SELECT 1 FROM evidence e
                         WHERE e.customer_id = p.customer_id
                           AND e.at BETWEEN p.exit_date - 90 AND p.exit_date + 14
                           AND e.kind = 'EINV'
                           AND (e.at > p.exit_date OR e.valid_until IS NULL
                                OR e.valid_until >= p.exit_date))
           ELSE
                 EXISTS (SELECT 1 FROM evidence e
                         WHERE e.customer_id = p.customer_id
                           AND e.at BETWEEN p.exit_date - 90 AND p.exit_date
                           AND e.kind = 'EINV'
                           AND (e.valid_until IS NULL OR e.valid_until >= p.exit_date))
             AND EXISTS (SELECT 1 FROM evidence e
                         WHERE e.customer_id = p.customer_id
                           AND e.at BETWEEN p.exit_date - 90 AND p.exit_date
                           AND e.kind IN ('VV', 'SI', 'HIRING_COMMITMENT'))
         END AS ok
  FROM participation p
  WHERE p.exit_date >= p.entry_date
    AND p.exit_date - p.entry_date + 1 >= 90
    AND (p.outcome IS NULL OR p.outcome IN ('SUCCESS', 'GOAL_EARLY'))
    AND p.measure IN ('FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'MAT', 'MAG', 'MABE',
                      'MPAV', 'AGH', 'BAE', 'AZ', 'EQ', 'BVB', 'REHA', 'REHA_VL', 'EVL',
                      'TAAM', 'BUKSELB', 'ASA', 'WBV', 'EA', 'DIAG', 'IK', 'BSK')
) p
GROUP BY 1 ORDER BY 1;
