#!/usr/bin/python3
"""psycopg2_strings: the rule as a parameter through psycopg2 (Debian's
python3-psycopg2), in two ways:

  param    cursor.execute(query, {"rule": rule}): psycopg2 quotes the
           value into the query text (a literal)
  prepare  PREPARE q (varchar) AS query, then EXECUTE q(%s):
           a server-side prepared statement with varchar parameters, as
           pgJDBC makes it

  /usr/bin/python3 test/clients/psycopg2_strings.py OUTDIR RULES QUERYDIR

The connection comes from the PG* variables (libpq).  The rows of run N of
QUERY go to OUTDIR/psycopg2-WAY.QUERY.N.txt as psql -At -F'|' prints them
(the server's text of each value: every type is read raw); standard output
has "types QUERY COLUMN=CLASS ..." (the Python classes psycopg2 gives, of
the first value that is not NULL in the rows of all rules) and
"prepared NAME|PARAMETER_TYPES|GENERIC_PLANS|CUSTOM_PLANS".
"""
import os
import sys

import psycopg2
import psycopg2.extensions

out, rules_file, queries = sys.argv[1:4]
with open(rules_file, encoding="utf-8") as f:
    rules = f.read().splitlines()

conn = psycopg2.connect("")
conn.autocommit = True

# the server's text of every value, for the comparison with psql
RAW_OIDS = (16, 20, 21, 23, 700, 701, 1082, 1114, 1184, 1700, 1009, 1182, 1007, 1016)
RAW = psycopg2.extensions.new_type(RAW_OIDS, "RAW", lambda value, cur: value)


def write(path, cur):
    with open(path, "w", encoding="utf-8") as f:
        for row in cur.fetchall():
            f.write("|".join("" if v is None else str(v) for v in row) + "\n")


def collect(classes, cur):
    """the class of the first value that is not NULL, per column"""
    names = [d.name for d in cur.description]
    for row in cur.fetchall():
        for name, v in zip(names, row):
            if v is not None and name not in classes:
                classes[name] = type(v).__module__ + "." + type(v).__name__ \
                    if type(v).__module__ != "builtins" else type(v).__name__
    return names


for q in ("quota", "verdict", "name"):
    with open(os.path.join(queries, q + ".sql"), encoding="utf-8") as f:
        sql = f.read()
    # the types psycopg2 gives, over the rows of all rules
    with conn.cursor() as cur:
        classes = {}
        for rule in rules:
            cur.execute(sql.replace("$1", "%(rule)s"), {"rule": rule})
            names = collect(classes, cur)
        print("types %s %s" % (q, " ".join("%s=%s" % (n, classes.get(n, "(all NULL)")) for n in names)))
    with conn.cursor() as cur:
        psycopg2.extensions.register_type(RAW, cur)
        for run, rule in enumerate(rules, 1):
            cur.execute(sql.replace("$1", "%(rule)s"), {"rule": rule})
            write(os.path.join(out, "psycopg2-param.%s.%d.txt" % (q, run)), cur)
        # $1, however often it occurs, is the one varchar parameter
        cur.execute("PREPARE %s_varchar (varchar) AS %s" % (q, sql))
        for run, rule in enumerate(rules, 1):
            cur.execute("EXECUTE %s_varchar (%%(rule)s)" % q, {"rule": rule})
            write(os.path.join(out, "psycopg2-prepare.%s.%d.txt" % (q, run)), cur)

with conn.cursor() as cur:
    cur.execute("SELECT name, parameter_types::text, generic_plans, custom_plans FROM pg_prepared_statements ORDER BY name")
    for row in cur.fetchall():
        print("prepared " + "|".join(str(v) for v in row))
conn.close()
