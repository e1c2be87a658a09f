-- docs/reference.md against the catalog, so that the reference cannot drift:
-- every member object of the extension (pg_depend deptype 'e': functions,
-- aggregates, types, operators, operator classes and families, tables,
-- views) has a "### name" heading and a COMMENT, every column of its
-- tables, views and composite types has a COMMENT, every heading names a
-- member object, and every function's and aggregate's signature (argument
-- names and types, result type, as pg_get_function_arguments and
-- pg_get_function_result print them) is written in the reference.
-- A failure lists the objects in its diagnostics.
\set ECHO none
\pset format unaligned
\pset tuples_only true
\pset pager off
SET client_min_messages = warning;

\set reference `cat docs/reference.md`

CREATE TEMP TABLE member AS
SELECT d.classid::regclass AS catalog, d.objid,
       CASE d.classid
         WHEN 'pg_proc'::regclass     THEN (SELECT proname FROM pg_proc WHERE oid = d.objid)
         WHEN 'pg_type'::regclass     THEN (SELECT typname FROM pg_type WHERE oid = d.objid)
         WHEN 'pg_operator'::regclass THEN (SELECT oprname FROM pg_operator WHERE oid = d.objid)
         WHEN 'pg_opclass'::regclass  THEN (SELECT opcname FROM pg_opclass WHERE oid = d.objid)
         WHEN 'pg_opfamily'::regclass THEN (SELECT opfname FROM pg_opfamily WHERE oid = d.objid)
         WHEN 'pg_class'::regclass    THEN (SELECT relname FROM pg_class WHERE oid = d.objid)
         -- a cast's heading is "CAST (source AS target)"
         WHEN 'pg_cast'::regclass     THEN (SELECT format('CAST (%s AS %s)', castsource::regtype, casttarget::regtype)
                                          FROM pg_cast WHERE oid = d.objid)
       END::text AS name,
       pg_describe_object(d.classid, d.objid, 0) AS object,
       obj_description(d.objid, d.classid::regclass::text) AS comment
FROM pg_depend d
JOIN pg_extension x ON x.oid = d.refobjid
WHERE d.refclassid = 'pg_extension'::regclass
  AND x.extname = 'absolv'
  AND d.deptype = 'e';

CREATE TEMP TABLE heading AS
SELECT m[1] AS name
FROM regexp_matches(:'reference', '^### +(.+?) *$', 'gn') AS m;

-- the columns of the member tables, views and composite types
CREATE TEMP TABLE member_column AS
SELECT format('%s.%s', c.relname, a.attname) AS name,
       col_description(a.attrelid, a.attnum) AS comment
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
WHERE a.attnum > 0 AND NOT a.attisdropped
  AND a.attrelid IN (SELECT objid FROM member WHERE catalog = 'pg_class'::regclass
                     UNION
                     SELECT t.typrelid FROM member m JOIN pg_type t ON t.oid = m.objid
                     WHERE m.catalog = 'pg_type'::regclass AND t.typrelid <> 0);

-- a signature with all white space collapsed, none around ( ) ,
CREATE FUNCTION pg_temp.norm(t text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT regexp_replace(regexp_replace(t, '\s+', ' ', 'g'), ' ?([(),]) ?', '\1', 'g')
$$;

CREATE TEMP TABLE signature AS
SELECT m.object,
       pg_temp.norm(format('%s(%s) RETURNS %s', p.proname,
                           pg_get_function_arguments(p.oid), pg_get_function_result(p.oid))) AS text
FROM member m
JOIN pg_proc p ON p.oid = m.objid
WHERE m.catalog = 'pg_proc'::regclass;

SELECT plan(7);

SELECT cmp_ok((SELECT count(*)::int FROM member), '>=', 60,
              'the extension has its member objects');
SELECT is((SELECT array_agg(DISTINCT m.name ORDER BY m.name) FROM member m
           WHERE m.name NOT IN (SELECT name FROM heading)),
          NULL, 'every member object has a ### heading in docs/reference.md');
SELECT is((SELECT array_agg(h.name ORDER BY h.name) FROM heading h
           WHERE h.name NOT IN (SELECT name FROM member)),
          NULL, 'every ### heading of docs/reference.md names a member object');
SELECT is((SELECT array_agg(h.name ORDER BY h.name)
           FROM (SELECT name FROM heading GROUP BY name HAVING count(*) > 1) h),
          NULL, 'no object has two ### headings');
SELECT is((SELECT array_agg(m.object ORDER BY m.object) FROM member m
           WHERE m.comment IS NULL OR m.comment = ''),
          NULL, 'every member object has a COMMENT');
SELECT is((SELECT array_agg(c.name ORDER BY c.name) FROM member_column c
           WHERE c.comment IS NULL OR c.comment = ''),
          NULL, 'every column of a member table, view or composite type has a COMMENT');
SELECT is((SELECT array_agg(s.object || ': ' || s.text ORDER BY s.object) FROM signature s
           WHERE strpos(pg_temp.norm(:'reference'), s.text) = 0),
          NULL, 'every function''s and aggregate''s signature is written in docs/reference.md');
SELECT * FROM finish();
