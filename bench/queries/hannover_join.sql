-- (b2) hannover, hand-written from docs/job-centres/hannover.md: one
--      windowed join over the window of the participation's variant
--      ([exit - 90, exit + 14] for FBW*, § 45 and AGH, [exit - 90, exit]
--      otherwise) with the rule's kinds, bool_or per participation.  See
--      hannover_exists.sql for the rule.  For the other measures every row
--      has at <= exit, so "in force at exit if concluded by exit" is "in
--      force at exit" there; a HIRING_COMMITMENT counts up to the exit only.
SELECT date_trunc('month', p.exit_date)::date AS month,
       count(*) FILTER (WHERE ok)  AS fulfilled,
       count(ok)                   AS counted,
       round(100.0 * count(*) FILTER (WHERE ok) / nullif(count(ok), 0), 1) AS quota
FROM (
  SELECT p.id, p.exit_date,
         coalesce(bool_or(e.kind = 'EINV'
                          AND (e.at > p.exit_date OR e.valid_until IS NULL
                               OR e.valid_until >= p.exit_date)), false)
         AND (p.measure IN ('MAT', 'MAG', 'MABE', 'MPAV', 'AGH')
              OR coalesce(bool_or(e.kind IN ('VV', 'SI')
                                  OR (e.kind = 'HIRING_COMMITMENT' AND e.at <= p.exit_date)),
                          false)) AS ok
  FROM participation p
  LEFT JOIN evidence e ON e.customer_id = p.customer_id
                       AND e.at BETWEEN p.exit_date - 90
                                    AND p.exit_date + CASE WHEN p.measure IN ('FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG',
                                                                              'MAT', 'MAG', 'MABE', 'MPAV', 'AGH')
                                                           THEN 14 ELSE 0 END
                       AND e.kind IN ('EINV', 'VV', 'SI', 'HIRING_COMMITMENT')
  WHERE p.exit_date >= p.entry_date
    AND p.exit_date - p.entry_date + 1 >= 90
    AND (p.outcome IS NULL OR p.outcome IN ('SUCCESS', 'GOAL_EARLY'))
    AND p.measure IN ('FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'MAT', 'MAG', 'MABE',
                      'MPAV', 'AGH', 'BAE', 'AZ', 'EQ', 'BVB', 'REHA', 'REHA_VL', 'EVL',
                      'TAAM', 'BUKSELB', 'ASA', 'WBV', 'EA', 'DIAG', 'IK', 'BSK')
  GROUP BY p.id, p.exit_date
) p
GROUP BY 1 ORDER BY 1;
