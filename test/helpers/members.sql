-- pg_temp.absolv_member: the objects that absolv's install script creates
-- by name, as members of the extension (pg_depend deptype 'e'), for the
-- tests that hold each of them to a COMMENT and a heading in
-- docs/reference.md (test/sql/reference_check.sql, rule_versions.sql).
-- Read with \i from the repository root.
--
-- Left out: the types PostgreSQL makes by itself along with an object, the
-- array type of every type and the row type of every table and view.  From
-- PostgreSQL 17 on they are recorded as members of the extension too (up
-- to 16 they are not); they have no name of their own in the install
-- script and are documented with the object they belong to.  Leaving them
-- out gives the same members, and the same test output, on 15 to 18.
CREATE TEMP VIEW absolv_member AS
SELECT d.classid, d.objid
FROM pg_catalog.pg_depend d
JOIN pg_catalog.pg_extension x ON x.oid = d.refobjid
WHERE d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
  AND x.extname = 'absolv'
  AND d.deptype = 'e'
  AND NOT EXISTS (
        SELECT 1 FROM pg_catalog.pg_type t
        WHERE d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
          AND t.oid = d.objid
          AND (-- the array type of another type
               EXISTS (SELECT 1 FROM pg_catalog.pg_type e WHERE e.typarray = t.oid)
               -- the row type of a table or view (a composite type made
               -- with CREATE TYPE ... AS is an object of its own: relkind c)
               OR EXISTS (SELECT 1 FROM pg_catalog.pg_class c
                          WHERE c.oid = t.typrelid AND c.relkind <> 'c')));
