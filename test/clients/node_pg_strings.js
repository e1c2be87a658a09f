// node_pg_strings: the rule as a parameter through node-pg (the npm package
// pg), in three ways:
//   unnamed   { text, values }: the extended protocol, parameter type left
//             to the server
//   named     { name, text, values }: a named server-side prepared
//             statement, parsed once and executed for every rule
//   varchar   the same, with every $1 written $1::varchar: a parameter that
//             the server sees as varchar, as pgJDBC's setString sends it
//
//   NODE_PATH=DIR/node_modules node test/clients/node_pg_strings.js OUTDIR RULES QUERYDIR
//
// The connection comes from the PG* variables.  The rows of run N of QUERY go
// to OUTDIR/node-WAY.QUERY.N.txt as psql -At -F'|' prints them (every value
// read raw, as the server's text); standard output has "types QUERY
// COLUMN=TYPE ..." (what node-pg gives by default, over the rows of all rules) and "prepared NAME|TYPES|
// GENERIC_PLANS|CUSTOM_PLANS".
'use strict';
const fs = require('fs');
const path = require('path');
const { Client } = require('pg');

const [out, rulesFile, queries] = process.argv.slice(2);
const rules = fs.readFileSync(rulesFile, 'utf8').split('\n').filter((l) => l !== '');
const raw = { getTypeParser: () => (value) => value };

function typeName(v) {
  if (Array.isArray(v)) return 'Array';
  if (v instanceof Date) return 'Date';
  return typeof v;
}

async function main() {
  const client = new Client();
  await client.connect();
  for (const q of ['quota', 'verdict', 'name']) {
    const sql = fs.readFileSync(path.join(queries, q + '.sql'), 'utf8');
    // the types node-pg gives, of the first value that is not NULL in the
    // rows of all rules
    const classes = new Map();
    let fields = [];
    for (const rule of rules) {
      const typed = await client.query({ text: sql, values: [rule] });
      fields = typed.fields.map((f) => f.name);
      for (const r of typed.rows) {
        for (const f of fields) {
          if (r[f] !== null && !classes.has(f)) classes.set(f, typeName(r[f]));
        }
      }
    }
    console.log('types ' + q + ' ' + fields.map((f) => f + '=' + (classes.get(f) || '(all NULL)')).join(' '));
    const ways = {
      unnamed: (rule) => ({ text: sql, values: [rule], rowMode: 'array', types: raw }),
      named: (rule) => ({ name: q + '_named', text: sql, values: [rule], rowMode: 'array', types: raw }),
      varchar: (rule) => ({ name: q + '_varchar', text: sql.split('$1').join('$1::varchar'),
                            values: [rule], rowMode: 'array', types: raw }),
    };
    for (const [way, config] of Object.entries(ways)) {
      for (let run = 1; run <= rules.length; run++) {
        const res = await client.query(config(rules[run - 1]));
        const lines = res.rows.map((r) => r.map((v) => (v === null ? '' : v)).join('|') + '\n');
        fs.writeFileSync(path.join(out, `node-${way}.${q}.${run}.txt`), lines.join(''));
      }
    }
  }
  const prepared = await client.query(
    'SELECT name, parameter_types::text AS t, generic_plans, custom_plans FROM pg_prepared_statements ORDER BY name');
  for (const r of prepared.rows) {
    console.log(`prepared ${r.name}|${r.t}|${r.generic_plans}|${r.custom_plans}`);
  }
  await client.end();
}

main().catch((e) => {
  console.error(e.stack || String(e));
  process.exit(1);
});
