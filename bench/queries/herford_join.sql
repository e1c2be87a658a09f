-- (b2) herford, hand-written from docs/job-centres/herford.md: one windowed join over
--      [exit - 90, exit + 14] with the rule's kinds, bool_or per
--      participation over the rows in the variant's window (requirement and
--      exclusion).  See herford_exists.sql for the rule.
SELECT date_trunc('month', p.exit_date)::date AS month,
       count(*) FILTER (WHERE ok)  AS fulfilled,
       count(ok)                   AS counted,
       round(100.0 * count(*) FILTER (WHERE ok) / nullif(count(ok), 0), 1) AS quota
FROM (
  SELECT p.id, p.exit_date,
         CASE
           WHEN coalesce(bool_or(e.kind = 'EXCEPTION' AND e.at <= w.last_day), false) THEN NULL
           ELSE coalesce(bool_or(e.kind = 'CONTACT' AND e.at <= w.last_day), false)
            AND coalesce(bool_or(e.kind = 'EINV' AND e.at <= w.last_day), false)
         END AS ok
  FROM participation p
  CROSS JOIN LATERAL (SELECT CASE WHEN p.exit_date + 1 >= (p.entry_date + interval '6 months')::date
                                  THEN p.exit_date ELSE p.exit_date + 14 END AS last_day) w
  LEFT JOIN evidence e ON e.customer_id = p.customer_id
                       AND e.at BETWEEN p.exit_date - 90 AND p.exit_date + 14
                       AND e.kind IN ('CONTACT', 'EINV', 'EXCEPTION')
  WHERE p.exit_date >= p.entry_date
    AND p.exit_date + 1 >= (p.entry_date + interval '3 months')::date
    AND (p.outcome IS NULL OR p.outcome = 'SUCCESS')
    AND p.measure IN ('FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'MAT', 'BAE', 'REHA', 'BVB')
    AND (p.measure <> 'BVB' OR p.goal = 'INTEGRATION')
    AND (p.customer_status IS NULL
         OR p.customer_status IN ('ALO', 'ASU', 'RASU', 'nicht gesetzt'))
    AND p.legal_sphere = 'SGB2'
    AND p.cosach_status = 'B'
  GROUP BY p.id, p.exit_date, w.last_day
) p
GROUP BY 1 ORDER BY 1;
