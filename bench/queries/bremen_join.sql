-- (b2) bremen, hand-written from docs/job-centres/bremen.md: one windowed join over
--      [exit - 28, exit + 28] with the rule's kind, bool_or per participation.
SELECT date_trunc('month', p.exit_date)::date AS month,
       count(*) FILTER (WHERE ok)  AS fulfilled,
       count(ok)                   AS counted,
       round(100.0 * count(*) FILTER (WHERE ok) / nullif(count(ok), 0), 1) AS quota
FROM (
  SELECT p.id, p.exit_date,
         coalesce(bool_or(e.kind = 'CONTACT'), false) AS ok
  FROM participation p
  LEFT JOIN evidence e ON e.customer_id = p.customer_id
                       AND e.at BETWEEN p.exit_date - 28 AND p.exit_date + 28
                       AND e.kind = 'CONTACT'
  WHERE p.exit_date >= p.entry_date
    AND p.exit_date - p.entry_date + 1 >= 61
    AND p.measure IN ('FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'MAT', 'MAG', 'MABE',
                      'AGH', 'BAE', 'EQ', 'BVB', 'REHA', 'EVL', 'TAAM', 'BUKSELB', 'ASA',
                      'IK', 'BSK')
  GROUP BY p.id, p.exit_date
) p
GROUP BY 1 ORDER BY 1;
