/*
 * state_wire.c
 *	  The bytes of a state: the serialization and deserialization
 *	  functions of the aggregates over one participation's evidence, and
 *	  the bytes of an absolv_partial value.  The format (a version byte,
 *	  the aggregate, the rule reference, the raw measure, for absolv_verdict
 *	  the as_of day, then the core's serialized case) is described in one
 *	  place, docs/scale-out.md, section "The bytes of a state".  The
 *	  deserializer trusts none of it.
 */
#include "postgres.h"

#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/date.h"

#include "case_state.h"

/* serialized state */
#define STATE_FORMAT_VERSION	3
#define RULE_REF_PRESET			0
#define RULE_REF_TEXT			1
#define MEASURE_NULL_LENGTH		PG_UINT32_MAX

/* the bytes of a serialized state still to read */
typedef struct state_reader
{
	const absolv_state_kind *kind; /* whose state, for errors */
	const char *data;
	size_t		left;
} state_reader;

static void malformed(const absolv_state_kind *kind,
					  const char *detail) pg_attribute_noreturn();

/*
 * The bytes of a state, as the state of aggregate kind.  A preset rule is
 * sent by its index, any other by its canonical text.
 */
bytea *
absolv_state_serialize(const absolv_case_state *state, const absolv_state_kind *kind)
{
	uint8		casebuf[ABSOLV_CASE_SERIAL_MAX];
	size_t		caselen;
	StringInfoData buf;

	caselen = absolv_case_serialize(ABSOLV_STATE_CASE(state), casebuf, sizeof(casebuf));
	Assert(caselen > 0 && caselen <= sizeof(casebuf));

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, STATE_FORMAT_VERSION);
	pq_sendbyte(&buf, kind->id);
	if (state->rule->preset_index >= 0 && state->rule->preset_index <= PG_UINT8_MAX)
	{
		pq_sendbyte(&buf, RULE_REF_PRESET);
		pq_sendbyte(&buf, (uint8) state->rule->preset_index);
	}
	else
	{
		pq_sendbyte(&buf, RULE_REF_TEXT);
		pq_sendint32(&buf, (uint32) state->rule->len);
		pq_sendbytes(&buf, state->rule->text, state->rule->len);
	}
	if (state->measure_null)
		pq_sendint32(&buf, MEASURE_NULL_LENGTH);
	else
	{
		pq_sendint32(&buf, (uint32) state->measure_len);
		pq_sendbytes(&buf, state->measure, state->measure_len);
	}
	if (kind->as_of_arg != 0)
	{
		pq_sendbyte(&buf, state->as_of_null ? 1 : 0);
		if (!state->as_of_null)
			pq_sendint32(&buf, (uint32) state->as_of);
	}
	pq_sendbytes(&buf, (const char *) casebuf, caselen);
	return pq_endtypsend(&buf);
}

/* absolv_state_serialize() as a serialization function */
Datum
absolv_state_serialfn(FunctionCallInfo fcinfo, const absolv_state_kind *kind)
{
	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "%s_serialfn called in non-aggregate context", kind->name);
	PG_RETURN_BYTEA_P(absolv_state_serialize((absolv_case_state *) PG_GETARG_POINTER(0), kind));
}

/* raise the error of a serialized state that cannot be read */
static void
malformed(const absolv_state_kind *kind, const char *detail)
{
	ereport(ERROR,
			errcode(ERRCODE_DATA_CORRUPTED),
			errmsg("malformed %s state", kind->name),
			errdetail_internal("%s", detail));
}

/* take n bytes from the reader; what names them for the error */
static const char *
read_bytes(state_reader *reader, size_t n, const char *what)
{
	const char *result = reader->data;

	if (n > reader->left)
		malformed(reader->kind,
				  psprintf("The state ends inside its %s: %zu bytes needed, %zu left.",
						   what, n, reader->left));
	reader->data += n;
	reader->left -= n;
	return result;
}

/* take one byte */
static uint8
read_uint8(state_reader *reader, const char *what)
{
	return (uint8) *read_bytes(reader, 1, what);
}

/* take a uint32 in network byte order */
static uint32
read_uint32(state_reader *reader, const char *what)
{
	uint32		value;

	memcpy(&value, read_bytes(reader, sizeof(value), what), sizeof(value));
	return pg_ntoh32(value);
}

/* read the rule reference of a serialized state */
static const absolv_cached_rule *
read_rule(FmgrInfo *flinfo, state_reader *reader)
{
	uint8		reference = read_uint8(reader, "rule reference");

	if (reference == RULE_REF_PRESET)
	{
		uint8		preset = read_uint8(reader, "preset index");

		if (preset >= absolv_preset_count())
			malformed(reader->kind,
					  psprintf("Preset index %u is out of range: there are %d presets.",
							   preset, absolv_preset_count()));
		return absolv_cached_rule_by_preset(flinfo, preset);
	}
	if (reference == RULE_REF_TEXT)
	{
		uint32		len = read_uint32(reader, "rule text length");
		const char *text = read_bytes(reader, len, "rule text");

		return absolv_cached_rule_get_text(flinfo, text, (int) len);
	}
	malformed(reader->kind,
			  psprintf("Rule reference kind %u is unknown.", reference));
}

/*
 * Read the as_of day of a serialized state of an aggregate that has one
 * into a state whose as_of is NULL: a NULL flag, then a finite date or an
 * infinity.
 */
static void
read_as_of(state_reader *reader, absolv_case_state *state)
{
	uint8		isnull = read_uint8(reader, "as_of NULL flag");
	DateADT		as_of;

	if (isnull == 1)
		return;
	if (isnull != 0)
		malformed(reader->kind,
				  psprintf("The as_of NULL flag is %u, not 0 or 1.", isnull));
	as_of = (DateADT) read_uint32(reader, "as_of");
	if (!DATE_NOT_FINITE(as_of) && !IS_VALID_DATE(as_of))
		malformed(reader->kind, psprintf("as_of %d is no date.", as_of));
	state->as_of_null = false;
	state->as_of = as_of;
}

/*
 * Read a state written by absolv_state_serialize(), checking every length
 * against the bytes that remain, the version, the aggregate, the rule
 * reference, the as_of day, and that the case matches its measure.  A
 * value that comes from outside (from_outside) gets two more checks: a
 * rule given by its text must be in canonical form, and the measure must
 * be valid in the database encoding.  The state is built in the current
 * memory context; the combine function copies what it keeps.
 */
absolv_case_state *
absolv_state_deserialize(FmgrInfo *flinfo, const absolv_state_kind *kind,
						 const char *data, size_t len, bool from_outside)
{
	state_reader reader;
	uint8		version;
	uint8		aggregate;
	const absolv_cached_rule *rule;
	uint32		measure_len;
	const char *measure = NULL;
	absolv_case_state *state;
	absolv_case *c;

	reader.kind = kind;
	reader.data = data;
	reader.left = len;

	version = read_uint8(&reader, "format version");
	if (version != STATE_FORMAT_VERSION)
		malformed(kind,
				  psprintf("Format version %u is unknown; this version of absolv writes version %d.",
						   version, STATE_FORMAT_VERSION));
	aggregate = read_uint8(&reader, "aggregate");
	if (aggregate != kind->id)
		malformed(kind,
				  psprintf("It is the state of aggregate %u, not of %s (%u).",
						   aggregate, kind->name, kind->id));

	rule = read_rule(flinfo, &reader);

	measure_len = read_uint32(&reader, "measure length");
	if (measure_len == MEASURE_NULL_LENGTH)
		measure_len = 0;
	else
		measure = read_bytes(&reader, measure_len, "measure");

	/* room for any participation of the rule, then only what its case uses */
	state = absolv_state_new(CurrentMemoryContext, rule, measure, measure_len,
							 absolv_case_size(rule->rule, NULL));
	c = ABSOLV_STATE_CASE(state);
	if (kind->as_of_arg != 0)
		read_as_of(&reader, state);
	if (!absolv_case_deserialize((const uint8 *) reader.data, reader.left,
								 rule->rule, c))
		malformed(kind, "Its case part is not a valid serialized absolv case.");
	if (c->measure != (measure == NULL ? ABSOLV_CODE_NULL :
					   absolv_measure_lookup(measure, measure_len)))
		malformed(kind, "Its measure code does not match its measure.");
	state->size = ABSOLV_STATE_CASE_OFFSET(measure_len) + absolv_case_bytes(c);

	if (from_outside && rule->preset_index < 0)
	{
		struct varlena *canonical = absolv_rule_canonical(rule->rule);

		if (VARSIZE_ANY_EXHDR(canonical) != (Size) rule->len ||
			memcmp(VARDATA_ANY(canonical), rule->text, rule->len) != 0)
			malformed(kind, "Its rule text is not in canonical form.");
		pfree(canonical);
	}
	if (from_outside && measure != NULL &&
		!pg_verifymbstr(measure, measure_len, true))
		malformed(kind, "Its measure is not valid in the database encoding.");
	return state;
}

/*
 * absolv_state_deserialize() as a deserialization function: the state
 * points into the rule cache of the call site, which is kept until query
 * end.
 */
Datum
absolv_state_deserialfn(FunctionCallInfo fcinfo, const absolv_state_kind *kind)
{
	bytea	   *bytes = PG_GETARG_BYTEA_PP(0);

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "%s_deserialfn called in non-aggregate context", kind->name);
	absolv_rule_cache_keep(fcinfo->flinfo);
	PG_RETURN_POINTER(absolv_state_deserialize(fcinfo->flinfo, kind,
											   VARDATA_ANY(bytes),
											   VARSIZE_ANY_EXHDR(bytes), false));
}
