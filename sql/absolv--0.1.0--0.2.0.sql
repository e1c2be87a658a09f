\echo Use "ALTER EXTENSION absolv UPDATE TO '0.2.0'" to load this file. \quit

-- absolv 0.1.0 -> 0.2.0.  See CHANGELOG.md, section 0.2.0.  Every
-- reference is schema-qualified (@extschema@ or pg_catalog), as in
-- sql/absolv.sql.  The presets themselves live in the shared library: an
-- updated database evaluates them by the 0.2.0 rules as soon as the new
-- library is installed.
