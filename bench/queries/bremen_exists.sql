-- (b1) bremen, hand-written from docs/job-centres/bremen.md.
--   scope:   FBW*, EQ, BAE, BVB, MAT, MAG, MABE, EVL, TAAM, AGH, BUKSELB,
--            ASA, REHA, IK, BSK lasting at least 61 days; any outcome
--   require: CONTACT in [exit - 28, exit + 28]
SELECT date_trunc('month', p.exit_date)::date AS month,
       count(*) FILTER (WHERE ok)  AS fulfilled,
       count(ok)                   AS counted,
       round(100.0 * count(*) FILTER (WHERE ok) / nullif(count(ok), 0), 1) AS quota
FROM (
  SELECT p.exit_date,
         EXISTS (SELECT 1 FROM evidence e
                 WHERE e.customer_id = p.customer_id
                   AND e.at BETWEEN p.exit_date - 28 AND p.exit_date + 28
                   AND e.kind = 'CONTACT') AS ok
  FROM participation p
  WHERE p.exit_date >= p.entry_date
    AND p.exit_date - p.entry_date + 1 >= 61
    AND p.measure IN ('FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'MAT', 'MAG', 'MABE',
                      'AGH', 'BAE', 'EQ', 'BVB', 'REHA', 'EVL', 'TAAM', 'BUKSELB', 'ASA',
                      'IK', 'BSK')
) p
GROUP BY 1 ORDER BY 1;
