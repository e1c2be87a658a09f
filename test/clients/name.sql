-- the name and fingerprint of a rule (the parameter)
SELECT absolv_rule_name($1) AS name, absolv_rule_fingerprint($1) AS fingerprint
