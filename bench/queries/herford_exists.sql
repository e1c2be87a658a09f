-- (b1) herford, hand-written from docs/job-centres/herford.md: one EXISTS per requirement.
--   scope:   MAT (the only § 45 measure: MAG and MABE are out), BAE, FBW*,
--            REHA, BVB only with goal INTEGRATION (a NULL goal is out); at
--            least 3 months (exit + 1 >= entry + 3 months); successful;
--            customer status ALO, ASU, RASU or not set (NULL or the text
--            'nicht gesetzt'); legal sphere SGB2 and CoSach status B, both
--            required (NULL is out)
--   variant: the variant by duration: at least 6 months ieS, window
--            [exit - 90, exit]; otherwise iwS, window [exit - 90, exit + 14]
--   require: CONTACT and EINV, both in the window
--   exclude: EXCEPTION in the variant's window: NULL, not counted
SELECT date_trunc('month', p.exit_date)::date AS month,
       count(*) FILTER (WHERE ok)  AS fulfilled,
       count(ok)                   AS counted,
       round(100.0 * count(*) FILTER (WHERE ok) / nullif(count(ok), 0), 1) AS quota
FROM (
  SELECT p.exit_date,
         CASE
           WHEN EXISTS (SELECT 1 FROM evidence e
                        WHERE e.customer_id = p.customer_id
                          AND e.at BETWEEN p.exit_date - 90 AND w.last_day
                          AND e.kind = 'EXCEPTION')
             THEN NULL
           ELSE EXISTS (SELECT 1 FROM evidence e
                        WHERE e.customer_id = p.customer_id
                          AND e.at BETWEEN p.exit_date - 90 AND w.last_day
                          AND e.kind = 'CONTACT')
            AND EXISTS (SELECT 1 FROM evidence e
                        WHERE e.customer_id = p.customer_id
                          AND e.at BETWEEN p.exit_date - 90 AND w.last_day
                          AND e.kind = 'EINV')
         END AS ok
  FROM participation p
  CROSS JOIN LATERAL (SELECT CASE WHEN p.exit_date + 1 >= (p.entry_date + interval '6 months')::date
                                  THEN p.exit_date ELSE p.exit_date + 14 END AS last_day) w
  WHERE p.exit_date >= p.entry_date
    AND p.exit_date + 1 >= (p.entry_date + interval '3 months')::date
    AND (p.outcome IS NULL OR p.outcome = 'SUCCESS')
    AND p.measure IN ('FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'MAT', 'BAE', 'REHA', 'BVB')
    AND (p.measure <> 'BVB' OR p.goal = 'INTEGRATION')
    AND (p.customer_status IS NULL
         OR p.customer_status IN ('ALO', 'ASU', 'RASU', 'nicht gesetzt'))
    AND p.legal_sphere = 'SGB2'
    AND p.cosach_status = 'B'
) p
GROUP BY 1 ORDER BY 1;
