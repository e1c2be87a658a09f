#!/usr/bin/python3
"""odbc_rules: the rule texts of the view rule_catalogue (docs/bi-clients.md)
through psqlODBC, read with pyodbc (Debian's python3-pyodbc) as a BI tool
reads them: the column sizes the driver declares (SQLColumns, what a
tool's table browser and schema import see, and SQLDescribeCol of a query),
and every value in full (SQLGetData).

  /usr/bin/python3 test/clients/odbc_rules.py DSN USER PASSWORD

ODBCSYSINI / ODBCINI name the DSN.  Prints
  columns COLUMN DATA_TYPE COLUMN_SIZE      (SQLColumns of rule_catalogue)
  described COLUMN SIZE                     (SQLDescribeCol of SELECT *)
  value NAME LENGTH MD5                     (the rule text as received)
"""
import hashlib
import sys

import pyodbc

dsn, user, password = sys.argv[1:4]
conn = pyodbc.connect("DSN=%s;UID=%s;PWD=%s" % (dsn, user, password))
cur = conn.cursor()
for col in cur.columns(table="rule_catalogue"):
    print("columns %s %s %s" % (col.column_name, col.data_type, col.column_size))
cur.execute("SELECT name, rule FROM rule_catalogue ORDER BY name")
for d in cur.description:
    print("described %s %s" % (d[0], d[3]))
for name, rule in cur.fetchall():
    print("value %s %d %s" % (name, len(rule), hashlib.md5(rule.encode("utf-8")).hexdigest()))
conn.close()
