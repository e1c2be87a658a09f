#!/usr/bin/env bash
# durability.sh: absolv_rule values survive pg_dump and pg_restore, binary
# COPY (send/recv), and ALTER EXTENSION absolv UPDATE; an upgraded install
# equals a fresh one (issue 4, item 7).
#
# Runs inside a throwaway cluster, from the top of the repository, after
# `make install`:
#
#   pg_virtualenv -t -v 15 -o listen_addresses=localhost -- bash test/scripts/durability.sh
#
# pg_virtualenv sets PGHOST, PGPORT, PGUSER (a superuser) and PGPASSWORD.
# The script creates and drops its own databases (absolv_dur_*).
#
# 1. A table with absolv_rule values (the eight presets, custom rules, one
#    large enough to be TOASTed and compressed, NULLs), btree and hash
#    indexes on the column, and versions in absolv_rule_version, is dumped
#    with pg_dump -Fc and restored with pg_restore into a new database, and
#    dumped as plain SQL and restored with psql: canonical texts,
#    fingerprints, binary forms, rule versions and index lookups are equal.
# 2. Binary COPY out and in (psql \copy ... (FORMAT binary)) round-trips the
#    values; a file whose version byte is flipped is rejected with 22P03,
#    and one cut inside a value is rejected too.
# 3. ALTER EXTENSION absolv UPDATE on the current version is a no-op.
# 4. For every released version (each installed sql/absolv--X.sql), an
#    install of it updated with ALTER EXTENSION absolv UPDATE equals a fresh
#    install of default_version: pg_dump --schema-only, pg_dump
#    --binary-upgrade --schema-only (which lists every member object; OIDs
#    removed) and a catalog listing of the members are compared.
#
# Prints TAP lines, then "N passed, N failed"; exits non-zero on a failure.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

. test/scripts/tap.sh
WORK=$(mktemp -d -t absolv-durability.XXXXXX)
DBS=(absolv_dur_src absolv_dur_restored absolv_dur_plain absolv_dur_fresh)

cleanup() {
  for db in "${DBS[@]}"; do
    dropdb --if-exists "$db" >/dev/null 2>&1
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

q() { # q DB SQL: run SQL, print unaligned tuples, stop at the first error
  psql -X -q -v ON_ERROR_STOP=1 -At -d "$1" -c "$2"
}

same() { # same FILE_A FILE_B DESCRIPTION: the files are equal (and not empty)
  local d
  if [[ ! -s $1 ]]; then
    ok 1 "$3" "$1 is empty"
  elif d=$(diff -u "$1" "$2"); then
    ok 0 "$3"
  else
    ok 1 "$3" "$d"
  fi
}

# --- 1. the source database ---------------------------------------------------

for db in "${DBS[@]}"; do dropdb --if-exists "$db" >/dev/null 2>&1; done
createdb absolv_dur_src || { echo "not ok 1 - createdb"; echo "0 passed, 1 failed"; exit 1; }

out=$(psql -X -q -v ON_ERROR_STOP=1 -d absolv_dur_src 2>&1 <<'SQL'
CREATE EXTENSION absolv;
CREATE TABLE rules (
  id int PRIMARY KEY,
  label text NOT NULL,
  rule absolv_rule
);
-- the presets by name, and by their canonical text
INSERT INTO rules SELECT row_number() OVER (ORDER BY name), 'preset ' || name, name::absolv_rule FROM absolv_presets();
INSERT INTO rules SELECT 100 + row_number() OVER (ORDER BY name), 'text of ' || name, rule::text::absolv_rule FROM absolv_presets();
-- custom rules: non-ASCII text, every construct, NULL
INSERT INTO rules VALUES
  (200, 'custom', $r$
rule Beispiel "Beispiel: Kontakt nach Maßnahmeende, EinV bei langen Maßnahmen – „Anführung“ ä ö ü ß"
  scope
    measure in (FBW*, (MAT, MAG) with duration more than 3 months, BVB with goal INTEGRATION)
    duration at least 91 days
    outcome successful
    customer status in (ALO, ASU, RASU)
    legal sphere in (SGB2) not null
  variant lang "ab 6 Monaten: Kontakt und gültige EinV"
    when duration at least 6 months
    window exit - 90 days .. exit
    require CONTACT and EINV in force at exit
    exclude EXCEPTION within exit - 90 days .. exit + 14 days
  variant kurz "sonst: Kontakt nach Ende, Ersatztermin nach Meldeversäumnis"
    otherwise
    window exit + 1 day .. exit + 2 weeks
    require CONTACT or CONTACT after MISSED within 10 working days of HE
  due "Wiedervorlage" exit - 90 days when duration at least 6 months note "Gespräch während der Maßnahme"
  due "Wiedervorlage" exit - 28 days
  due "Ende" exit + 4 months
$r$),
  (201, 'null', NULL);
-- a large rule: 24 due steps with long notes, over the TOAST threshold
INSERT INTO rules
SELECT 202, 'large',
       ('rule gross "' || repeat('Beschreibung ', 19) || '" scope measure any window exit - 90 days .. exit require EINV and (VV or SI) '
        || string_agg(format('due "Schritt %s" exit - %s days note "%s"', i, i, repeat('Notiz ', 42)), ' ' ORDER BY i))::absolv_rule
FROM generate_series(1, 24) AS i;
CREATE INDEX rules_rule_btree ON rules (rule);
CREATE INDEX rules_rule_hash ON rules USING hash (rule);
INSERT INTO absolv_rule_version (name, valid_from, valid_to, rule, note) VALUES
  ('cottbus', '2020-01-01', '2024-12-31', 'cottbus_ies', 'GA alt'),
  ('cottbus', '2025-01-01', NULL, 'cottbus_iws', 'ab 2025'),
  ('eigen', '2024-01-01', NULL, (SELECT rule FROM rules WHERE id = 200), 'eigene Regel');
SQL
)
ok $? "source database: absolv installed, a table of rules with indexes, rule versions" "$out"

# the state to compare: canonical text, fingerprint, md5 of the binary form,
# storage of the large value, the rule versions, and index lookups
snapshot() { # snapshot DB FILE
  psql -X -q -v ON_ERROR_STOP=1 -At -d "$1" >"$2" 2>&1 <<'SQL'
SELECT id, label, coalesce(rule::text, 'NULL'), coalesce(absolv_rule_fingerprint(rule), 'NULL'),
       coalesce(md5(absolv_rule_send(rule)), 'NULL'), coalesce(absolv_rule_name(rule), 'NULL')
FROM rules ORDER BY id;
SELECT 'octets', id, octet_length(rule::text) FROM rules WHERE id = 202;
SELECT 'version', name, valid_from, coalesce(valid_to::text, 'open'), absolv_rule_fingerprint(rule), note
FROM absolv_rule_version ORDER BY name, valid_from;
SELECT 'at', absolv_rule_name(absolv_rule_at('cottbus', '2024-06-30')), absolv_rule_name(absolv_rule_at('cottbus', '2025-06-30')),
       absolv_rule_name(absolv_rule_at('eigen', '2025-06-30'));
SET enable_seqscan = off;
SET enable_bitmapscan = off;
SELECT 'btree', count(*) FROM rules WHERE rule = 'bremen';
SELECT 'btree order', string_agg(id::text, ',' ORDER BY rule, id) FROM rules WHERE rule >= 'frankfurt';
SET enable_indexscan = off;
SET enable_bitmapscan = on;
SELECT 'hash', count(*) FROM rules WHERE rule = 'hannover'::absolv_rule;
SQL
}
snapshot absolv_dur_src "$WORK/src.txt"
ok $? "source snapshot taken" "$(tail -5 "$WORK/src.txt")"
grep -q "^202|large|rule gross" "$WORK/src.txt" && grep -q "^octets|202|[0-9]\{4,\}$" "$WORK/src.txt"
ok $? "the large rule is stored (over 1000 bytes of canonical text)" "$(grep octets "$WORK/src.txt")"
[[ $(q absolv_dur_src "SELECT pg_column_size(rule) < octet_length(rule::text) FROM rules WHERE id = 202") == t ]]
ok $? "the large rule is compressed on disk (TOAST)"

# the indexes are used in the snapshot queries
plan=$(psql -X -q -At -d absolv_dur_src -c "SET enable_seqscan = off; SET enable_bitmapscan = off; EXPLAIN SELECT string_agg(id::text, ',' ORDER BY rule, id) FROM rules WHERE rule >= 'frankfurt'")
grep -q "Index Scan using rules_rule_btree" <<<"$plan"
ok $? "the btree index answers rule >= 'frankfurt'" "$plan"
plan=$(psql -X -q -At -d absolv_dur_src -c "SET enable_seqscan = off; SET enable_indexscan = off; EXPLAIN SELECT count(*) FROM rules WHERE rule = 'hannover'")
grep -q "Bitmap Index Scan on rules_rule_" <<<"$plan"
ok $? "an index answers rule = 'hannover'" "$plan"

# --- pg_dump -Fc, pg_restore ---------------------------------------------------

out=$(pg_dump -Fc -d absolv_dur_src -f "$WORK/src.dump" 2>&1)
ok $? "pg_dump -Fc" "$out"
createdb absolv_dur_restored
out=$(pg_restore --exit-on-error -d absolv_dur_restored "$WORK/src.dump" 2>&1)
ok $? "pg_restore into a new database, without error" "$out"
snapshot absolv_dur_restored "$WORK/restored.txt"
same "$WORK/src.txt" "$WORK/restored.txt" "after pg_restore: canonical texts, fingerprints, binary forms, rule versions and index lookups are equal"
out=$(q absolv_dur_restored "SELECT count(*) FROM rules r JOIN absolv_presets() p ON p.rule = r.rule" 2>&1)
[[ $out == 16 ]]
ok $? "after pg_restore: the restored presets equal absolv_presets() (16 rows)" "$out"
out=$(q absolv_dur_restored "CREATE EXTENSION IF NOT EXISTS amcheck; SELECT bt_index_check('rules_rule_btree'::regclass, true)" 2>&1)
ok $? "after pg_restore: amcheck bt_index_check(heapallindexed) on the btree index" "$out"

# --- plain SQL dump, restored with psql -------------------------------------------

out=$(pg_dump -Fp -d absolv_dur_src -f "$WORK/src.sql" 2>&1)
ok $? "pg_dump -Fp (plain SQL)" "$out"
createdb absolv_dur_plain
out=$(psql -X -q -v ON_ERROR_STOP=1 -d absolv_dur_plain -f "$WORK/src.sql" 2>&1 >/dev/null)
ok $? "plain dump restored with psql, without error" "$out"
snapshot absolv_dur_plain "$WORK/plain.txt"
same "$WORK/src.txt" "$WORK/plain.txt" "after the plain dump: everything equal"
grep -q "absolv_rule_version" "$WORK/src.sql" && grep -q "GA alt" "$WORK/src.sql"
ok $? "the dump contains the rows of absolv_rule_version (extension configuration table)"

# --- 2. binary COPY ---------------------------------------------------------------

out=$(psql -X -q -v ON_ERROR_STOP=1 -d absolv_dur_src 2>&1 <<SQL
\copy rules TO '$WORK/rules.bin' WITH (FORMAT binary)
CREATE TABLE rules_copy (LIKE rules);
\copy rules_copy FROM '$WORK/rules.bin' WITH (FORMAT binary)
SQL
)
ok $? "binary COPY out and in" "$out"
d=$(q absolv_dur_src "
  SELECT count(*) FROM rules r FULL JOIN rules_copy c USING (id)
  WHERE r.rule IS DISTINCT FROM c.rule OR r.label IS DISTINCT FROM c.label
     OR absolv_rule_send(r.rule) IS DISTINCT FROM absolv_rule_send(c.rule)
     OR r.rule::text IS DISTINCT FROM c.rule::text" 2>&1)
[[ $d == 0 ]]
ok $? "binary COPY round trip: every value equal (=, text, send)" "$d"
[[ $(q absolv_dur_src "SELECT count(*) FROM rules_copy") == $(q absolv_dur_src "SELECT count(*) FROM rules") ]]
ok $? "binary COPY round trip: same number of rows"

# a file with a single value, to find its version byte: 11 bytes signature,
# 4 flags, 4 header extension length, 2 field count, 4 value length, then
# the value, whose first byte is the format version
psql -X -q -v ON_ERROR_STOP=1 -d absolv_dur_src -c "\copy (SELECT rule FROM rules WHERE id = 1) TO '$WORK/one.bin' WITH (FORMAT binary)"
byte=$(od -An -tx1 -j25 -N1 "$WORK/one.bin" | tr -d ' ')
[[ $byte == 01 ]]
ok $? "the binary value starts with version byte 1 (at offset 25 of the COPY file)" "byte: $byte"

psql -X -q -d absolv_dur_src -c "CREATE TABLE rules_bad (rule absolv_rule)" >/dev/null 2>&1
for v in 02 00 ff; do
  cp "$WORK/one.bin" "$WORK/bad.bin"
  printf "\\x$v" | dd of="$WORK/bad.bin" bs=1 seek=25 conv=notrunc status=none
  out=$(psql -X -q -d absolv_dur_src -v VERBOSITY=verbose 2>&1 <<SQL
\set VERBOSITY verbose
\copy rules_bad FROM '$WORK/bad.bin' WITH (FORMAT binary)
SQL
)
  grep -q "ERROR:  22P03: invalid binary representation of type absolv_rule" <<<"$out"
  ok $? "a binary value with version byte 0x$v is rejected with 22P03" "$out"
done
# cut inside the value: COPY itself reports the truncated file
head -c 40 "$WORK/one.bin" >"$WORK/cut.bin"
out=$(psql -X -q -d absolv_dur_src 2>&1 <<SQL
\set VERBOSITY verbose
\copy rules_bad FROM '$WORK/cut.bin' WITH (FORMAT binary)
SQL
)
grep -q "ERROR:  22P04" <<<"$out"
ok $? "a binary COPY file cut inside a value is rejected (22P04)" "$out"
[[ $(q absolv_dur_src "SELECT count(*) FROM rules_bad") == 0 ]]
ok $? "no corrupted value was stored"

# --- 3. ALTER EXTENSION UPDATE on the current version ----------------------------

default_version=$(q absolv_dur_src "SELECT default_version FROM pg_available_extensions WHERE name = 'absolv'")
before=$(q absolv_dur_src "SELECT extversion FROM pg_extension WHERE extname = 'absolv'")
out=$(q absolv_dur_src "ALTER EXTENSION absolv UPDATE" 2>&1)
rc=$?
after=$(q absolv_dur_src "SELECT extversion FROM pg_extension WHERE extname = 'absolv'")
[[ $rc == 0 && $before == "$default_version" && $after == "$default_version" ]]
ok $? "ALTER EXTENSION absolv UPDATE on $default_version succeeds and keeps $default_version" "$out (before $before, after $after)"
snapshot absolv_dur_src "$WORK/src-after-update.txt"
same "$WORK/src.txt" "$WORK/src-after-update.txt" "ALTER EXTENSION absolv UPDATE changes no value"

# --- 4. every released version, updated, equals a fresh install ----------------

# the member objects of the extension as a catalog listing: identity, and
# for functions every property
members() { # members DB
  psql -X -q -v ON_ERROR_STOP=1 -At -d "$1" <<'SQL'
SELECT pg_describe_object(d.classid, d.objid, d.objsubid)
FROM pg_depend d
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'absolv')
ORDER BY 1;
SELECT p.oid::regprocedure, p.prokind, p.provolatile, p.proparallel, p.proisstrict, p.prosecdef,
       p.proleakproof, p.procost, p.prorows, p.prosupport, p.prorettype::regtype, p.proconfig,
       md5(p.prosrc), p.probin, obj_description(p.oid, 'pg_proc'), p.proacl
FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'absolv')
ORDER BY p.oid::regprocedure::text;  -- by signature: an update creates new functions in another order (OID)
SELECT c.oid::regclass, c.relkind, c.relacl, obj_description(c.oid, 'pg_class'),
       (SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull
                          || ' ' || coalesce(col_description(c.oid, a.attnum), ''), ', ' ORDER BY a.attnum)
        FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)
FROM pg_class c JOIN pg_depend d ON d.objid = c.oid AND d.classid = 'pg_class'::regclass
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'absolv')
ORDER BY c.oid::regclass::text;
SELECT e.extname, e.extversion, e.extrelocatable, e.extconfig::regclass[], e.extcondition FROM pg_extension e WHERE e.extname = 'absolv';
SQL
}

# pg_dump output without what differs between any two databases: the
# \restrict key, OIDs and transaction ids
dump_schema() { # dump_schema DB FILE: pg_dump --schema-only, and --binary-upgrade
  pg_dump --schema-only -d "$1" 2>&1 \
    | grep -v '^-- Dumped from\|^-- Dumped by\|^\\restrict \|^\\unrestrict ' >"$2.schema"
  pg_dump --schema-only --binary-upgrade -d "$1" 2>&1 \
    | grep -v '^-- Dumped from\|^-- Dumped by\|^\\restrict \|^\\unrestrict ' \
    | grep -v 'binary_upgrade_set_next_\|binary_upgrade_set_record_init_privs\|binary_upgrade_set_missing_value' \
    | sed -e 's/OID = [0-9]*/OID = n/g' \
          -e "s/'{[0-9,]*}'/'{oids}'/g" \
          -e "s/relfrozenxid = '[0-9]*', relminmxid = '[0-9]*'/relfrozenxid = n, relminmxid = n/" \
          -e "s/^WHERE oid = '[0-9]*';/WHERE oid = n;/" >"$2.binary"
  members "$1" >"$2.members" 2>&1
}

createdb absolv_dur_fresh
out=$(q absolv_dur_fresh "CREATE EXTENSION absolv" 2>&1)
ok $? "a fresh install of $default_version" "$out"
dump_schema absolv_dur_fresh "$WORK/fresh"
grep -q "ALTER EXTENSION absolv ADD FUNCTION public.absolv_rule_at" "$WORK/fresh.binary"
ok $? "the binary-upgrade dump lists the member objects of the extension" "$(head -20 "$WORK/fresh.binary")"

# the released versions: every install script absolv--X.sql that is installed
sharedir=$(pg_config --sharedir 2>/dev/null || q postgres "SELECT setting FROM pg_config WHERE name = 'SHAREDIR'")
mapfile -t versions < <(q postgres "SELECT version FROM pg_available_extension_versions WHERE name = 'absolv'" | sort -V)
[[ ${#versions[@]} -ge 1 ]]
ok $? "released versions found: ${versions[*]}"
for v in "${versions[@]}"; do
  db="absolv_dur_up_${v//[^0-9a-zA-Z]/_}"
  DBS+=("$db")
  dropdb --if-exists "$db" >/dev/null 2>&1
  createdb "$db"
  out=$(psql -X -q -v ON_ERROR_STOP=1 -d "$db" 2>&1 <<SQL
CREATE EXTENSION absolv VERSION '$v';
ALTER EXTENSION absolv UPDATE;
SQL
)
  rc=$?
  got=$(q "$db" "SELECT extversion FROM pg_extension WHERE extname = 'absolv'" 2>&1)
  [[ $rc == 0 && $got == "$default_version" ]]
  ok $? "CREATE EXTENSION absolv VERSION '$v' and ALTER EXTENSION absolv UPDATE reach $default_version" "$out (version now: $got)"
  dump_schema "$db" "$WORK/up-$v"
  same "$WORK/fresh.schema" "$WORK/up-$v.schema" "from $v: pg_dump --schema-only equals a fresh install"
  same "$WORK/fresh.binary" "$WORK/up-$v.binary" "from $v: pg_dump --binary-upgrade (every member object) equals a fresh install"
  same "$WORK/fresh.members" "$WORK/up-$v.members" "from $v: the catalog listing of the members equals a fresh install"
  # values made under the old version read the same after the update
  out=$(psql -X -q -v ON_ERROR_STOP=1 -At -d "$db" 2>&1 <<'SQL'
SELECT count(*) FROM absolv_presets() p WHERE p.rule::text::absolv_rule = p.rule AND p.name::absolv_rule = p.rule
SQL
)
  [[ $out == 8 ]]
  ok $? "from $v: the presets read back equal after the update" "$out"
done

# the upgrade scripts on disk form a chain from the oldest version: each
# update script absolv--A--B.sql starts at a released version
for f in "$sharedir"/extension/absolv--*--*.sql; do
  [[ -e $f ]] || continue
  from=$(basename "$f" .sql | sed -e 's/^absolv--//' -e 's/--.*//')
  printf '%s\n' "${versions[@]}" | grep -qx "$from"
  ok $? "update script $(basename "$f") starts at a released version"
done

finish
