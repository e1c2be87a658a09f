-- every field of absolv_verdict's result, per participation, for a rule (the parameter)
SELECT v.id, (v.verdict).*
FROM (
  SELECT p.id,
         absolv_verdict(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until,
                        DATE '2025-06-15', $1) AS verdict
  FROM participation p
  LEFT JOIN evidence e ON e.customer_id = p.customer_id
                      AND absolv_in_horizon(e.at, p.exit_date, $1)
  WHERE absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome, p.customer_status, p.legal_sphere, p.cosach_status, p.goal, $1)
  GROUP BY p.id
) v
ORDER BY v.id
