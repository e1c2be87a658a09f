-- (b2) frankfurt, hand-written from docs/job-centres/frankfurt.md: one
--      windowed join, bool_or per participation.  The join reads the rule's
--      kinds in [exit - 28, exit + 14] (window and exclusion); a second
--      outer join pairs every MISSED in the window with the CONTACTs,
--      EXCEPTIONs and JOB_STARTs after it, up to the 10th Hessian working
--      day after it (bench_calendar): a CONTACT there fulfils, an EXCEPTION
--      or JOB_START there excludes (the exclusion lasts as long as the
--      requirement can still be met).  See frankfurt_exists.sql for the rule.
SELECT date_trunc('month', p.exit_date)::date AS month,
       count(*) FILTER (WHERE ok)  AS fulfilled,
       count(ok)                   AS counted,
       round(100.0 * count(*) FILTER (WHERE ok) / nullif(count(ok), 0), 1) AS quota
FROM (
  SELECT p.id, p.exit_date,
         CASE
           WHEN coalesce(bool_or(e.kind IN ('EXCEPTION', 'JOB_START')
                                 OR c.kind IN ('EXCEPTION', 'JOB_START')), false) THEN NULL
           ELSE coalesce(bool_or(e.kind = 'CONTACT' AND e.at > p.exit_date), false)
             OR coalesce(bool_or(c.kind = 'CONTACT'), false)
         END AS ok
  FROM participation p
  LEFT JOIN evidence e ON e.customer_id = p.customer_id
                       AND e.at BETWEEN p.exit_date - 28 AND p.exit_date + 14
                       AND e.kind IN ('CONTACT', 'MISSED', 'EXCEPTION', 'JOB_START')
  LEFT JOIN bench_calendar cm ON e.kind = 'MISSED' AND e.at > p.exit_date
                             AND cm.land = 'HE' AND cm.day = e.at
  LEFT JOIN bench_calendar cl ON cl.land = 'HE' AND cl.is_working
                             AND cl.workday_no = cm.workday_no + 10
  LEFT JOIN evidence c ON c.customer_id = p.customer_id
                       AND c.at > e.at AND c.at <= cl.day
                       AND c.kind IN ('CONTACT', 'EXCEPTION', 'JOB_START')
  WHERE p.exit_date >= p.entry_date
    AND (p.outcome IS NULL OR p.outcome IN ('SUCCESS', 'GOAL_EARLY'))
    AND (p.measure IN ('FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG')
         OR (p.measure IN ('MAT', 'MAG', 'MABE')
             AND p.exit_date >= (p.entry_date + interval '3 months')::date))
  GROUP BY p.id, p.exit_date
) p
GROUP BY 1 ORDER BY 1;
