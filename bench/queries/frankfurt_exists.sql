-- (b1) frankfurt, hand-written from docs/job-centres/frankfurt.md: one
--      EXISTS per requirement.
--   scope:   FBW* of any duration; MAT, MAG, MABE lasting more than 3 months
--            (exit >= entry + 3 months); successful (NULL outcome counts)
--   require: CONTACT in [exit + 1, exit + 14], or a MISSED in that window
--            and a CONTACT after it, up to the 10th Hessian working day
--            after it (bench_calendar: an equi-join on the working-day number)
--   exclude: EXCEPTION or JOB_START from exit - 28 up to exit + 14, or up to
--            the 10th Hessian working day after a MISSED in
--            [exit + 1, exit + 14] where that is later: NULL, not counted,
--            even where the requirement holds
SELECT date_trunc('month', p.exit_date)::date AS month,
       count(*) FILTER (WHERE ok)  AS fulfilled,
       count(ok)                   AS counted,
       round(100.0 * count(*) FILTER (WHERE ok) / nullif(count(ok), 0), 1) AS quota
FROM (
  SELECT p.exit_date,
         CASE
           WHEN EXISTS (SELECT 1 FROM evidence e
                        WHERE e.customer_id = p.customer_id
                          AND e.at BETWEEN p.exit_date - 28 AND p.exit_date + 14
                          AND e.kind IN ('EXCEPTION', 'JOB_START'))
             OR EXISTS (SELECT 1
                        FROM evidence m
                        JOIN bench_calendar cm ON cm.land = 'HE' AND cm.day = m.at
                        JOIN bench_calendar cl ON cl.land = 'HE' AND cl.is_working
                                              AND cl.workday_no = cm.workday_no + 10
                        JOIN evidence x ON x.customer_id = m.customer_id
                                       AND x.at > p.exit_date + 14 AND x.at <= cl.day
                                       AND x.kind IN ('EXCEPTION', 'JOB_START')
                        WHERE m.customer_id = p.customer_id
                          AND m.at BETWEEN p.exit_date + 1 AND p.exit_date + 14
                          AND m.kind = 'MISSED')
             THEN NULL
           ELSE EXISTS (SELECT 1 FROM evidence e
                        WHERE e.customer_id = p.customer_id
                          AND e.at BETWEEN p.exit_date + 1 AND p.exit_date + 14
                          AND e.kind = 'CONTACT')
             OR EXISTS (SELECT 1
                        FROM evidence m
                        JOIN bench_calendar cm ON cm.land = 'HE' AND cm.day = m.at
                        JOIN bench_calendar cl ON cl.land = 'HE' AND cl.is_working
                                              AND cl.workday_no = cm.workday_no + 10
                        JOIN evidence c ON c.customer_id = m.customer_id
                                       AND c.at > m.at AND c.at <= cl.day
                                       AND c.kind = 'CONTACT'
                        WHERE m.customer_id = p.customer_id
                          AND m.at BETWEEN p.exit_date + 1 AND p.exit_date + 14
                          AND m.kind = 'MISSED')
         END AS ok
  FROM participation p
  WHERE p.exit_date >= p.entry_date
    AND (p.outcome IS NULL OR p.outcome IN ('SUCCESS', 'GOAL_EARLY'))
    AND (p.measure IN ('FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG')
         OR (p.measure IN ('MAT', 'MAG', 'MABE')
             AND p.exit_date >= (p.entry_date + interval '3 months')::date))
) p
GROUP BY 1 ORDER BY 1;
