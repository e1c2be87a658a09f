/*
 * partial_state.c
 *	  absolv_partial: the per-participation state of absolv_compliant and
 *	  absolv_verdict as a value that can travel between servers, and the
 *	  two-level aggregation over it (like hll and tdigest):
 *
 *	    absolv_partial_agg(entry_date, exit_date, measure, kind, at,
 *	                       valid_until, rule)   per shard, per participation
 *	    absolv_partial_merge(absolv_partial)    on the coordinator
 *	    absolv_partial_compliant(absolv_partial)          finish: boolean
 *	    absolv_partial_verdict(absolv_partial, as_of)     finish: verdict
 *
 * PostgreSQL 15 pushes no partial aggregate to a foreign server, and Citus
 * refuses aggregates whose state is INTERNAL; a query that spells out the
 * two levels distributes anyway.
 *
 * The bytes of a value are the serialized state of absolv_compliant
 * (state_wire.c; the format is described in docs/scale-out.md, section
 * "The bytes of a state").  Text form: "v" and byte 0 (the format
 * version) in decimal, ":", then the bytes in base64 without line breaks.
 * Binary form (send and recv): the bytes.  Both inputs check everything
 * before a value gets in; a malformed value is an error (22P02 for the
 * text syntax, XX001 for the content), never a crash.
 *
 * as_of is applied at the end, exactly: absolv_partial_agg keeps all the
 * evidence, and absolv_partial_verdict cuts a copy of the case at as_of
 * (absolv_case_cut), which gives what absolv_verdict gives with the same
 * as_of, also for an as_of before some of the evidence.
 */
#include "postgres.h"

#include "common/base64.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "case_state.h"

PG_FUNCTION_INFO_V1(absolv_partial_in);
PG_FUNCTION_INFO_V1(absolv_partial_out);
PG_FUNCTION_INFO_V1(absolv_partial_recv);
PG_FUNCTION_INFO_V1(absolv_partial_send);
PG_FUNCTION_INFO_V1(absolv_partial_agg_transfn);
PG_FUNCTION_INFO_V1(absolv_partial_agg_combinefn);
PG_FUNCTION_INFO_V1(absolv_partial_merge_sfunc);
PG_FUNCTION_INFO_V1(absolv_partial_finalfn);
PG_FUNCTION_INFO_V1(absolv_partial_serialfn);
PG_FUNCTION_INFO_V1(absolv_partial_deserialfn);
PG_FUNCTION_INFO_V1(absolv_partial_compliant);
PG_FUNCTION_INFO_V1(absolv_partial_verdict);

/* longest version number of the text form, in digits */
#define VERSION_DIGITS 3

/*
 * The state of absolv_compliant under the names of the aggregates that
 * build and merge it and of the type absolv_partial, for their messages.
 */
static const absolv_state_kind partial_agg_kind = {
	"absolv_partial_agg", ABSOLV_STATE_COMPLIANT, 7, 0,
	"Entry date, exit date, measure and rule"
};

static const absolv_state_kind partial_merge_kind = {
	"absolv_partial_merge", ABSOLV_STATE_COMPLIANT, 0, 0,
	"The participation (entry date, exit date, measure) and the rule of every absolv_partial"
};

static const absolv_state_kind partial_value_kind = {
	"absolv_partial", ABSOLV_STATE_COMPLIANT, 0, 0,
	"Entry date, exit date, measure and rule"
};

/*
 * The call site whose rule cache a function uses: its own, or, when it is
 * called without one (DirectFunctionCall), a new one in the current memory
 * context.
 */
static FmgrInfo *
call_site(FunctionCallInfo fcinfo)
{
	FmgrInfo   *flinfo;

	if (fcinfo->flinfo != NULL)
		return fcinfo->flinfo;
	flinfo = palloc0(sizeof(FmgrInfo));
	flinfo->fn_mcxt = CurrentMemoryContext;
	return flinfo;
}

/*
 * An absolv_partial value holding data[0..len), after checking that the
 * bytes are a well-formed state (XX001 if not).
 */
static bytea *
checked_value(FunctionCallInfo fcinfo, const char *data, int len)
{
	bytea	   *value;

	pfree(absolv_state_deserialize(call_site(fcinfo), &partial_value_kind, data, len, true));
	value = palloc(VARHDRSZ + len);
	SET_VARSIZE(value, VARHDRSZ + len);
	memcpy(VARDATA(value), data, len);
	return value;
}

/* the error of text input that is no absolv_partial */
static void
syntax_error(const char *str, const char *detail)
{
	ereport(ERROR,
			errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			errmsg("invalid input syntax for type absolv_partial: \"%s\"",
				   absolv_clip_for_message(str, strlen(str))),
			errdetail("%s", detail));
}

/*
 * absolv_partial_in(cstring): "v<version>:<base64>".  The version must be
 * byte 0 of the decoded bytes, which must be a well-formed state.
 */
Datum
absolv_partial_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	const char *p = str;
	int			version = 0;
	int			digits = 0;
	int			b64len;
	int			maxlen;
	int			len;
	char	   *bytes;
	bytea	   *value;

	if (*p++ != 'v')
		syntax_error(str, "An absolv_partial value starts with \"v\", its format version and \":\".");
	while (*p >= '0' && *p <= '9' && digits < VERSION_DIGITS)
	{
		version = version * 10 + (*p++ - '0');
		digits++;
	}
	if (digits == 0 || *p++ != ':')
		syntax_error(str, "An absolv_partial value starts with \"v\", its format version and \":\".");

	b64len = strlen(p);
	maxlen = pg_b64_dec_len(b64len);
	bytes = palloc(maxlen + 1);
	len = pg_b64_decode(p, b64len, bytes, maxlen);
	if (len < 0)
		syntax_error(str, "The part after the format version is not valid base64.");
	if (len == 0)
		syntax_error(str, "The state is empty.");
	if ((uint8) bytes[0] != version)
		ereport(ERROR,
				errcode(ERRCODE_DATA_CORRUPTED),
				errmsg("malformed absolv_partial state"),
				errdetail("The text form says format version %d, the state has version %u.",
						  version, (uint8) bytes[0]));

	value = checked_value(fcinfo, bytes, len);
	pfree(bytes);
	PG_RETURN_BYTEA_P(value);
}

/* absolv_partial_out(absolv_partial): "v<version>:<base64>" */
Datum
absolv_partial_out(PG_FUNCTION_ARGS)
{
	bytea	   *value = PG_GETARG_BYTEA_PP(0);
	const char *data = VARDATA_ANY(value);
	int			len = VARSIZE_ANY_EXHDR(value);
	int			enclen = pg_b64_enc_len(len);
	char	   *result;
	int			prefix;
	int			n;

	if (len == 0)
		ereport(ERROR,
				errcode(ERRCODE_DATA_CORRUPTED),
				errmsg("malformed absolv_partial state"),
				errdetail("The state is empty."));
	result = palloc(VERSION_DIGITS + 2 + enclen + 1);
	prefix = sprintf(result, "v%u:", (uint8) data[0]);
	n = pg_b64_encode(data, len, result + prefix, enclen);
	if (n < 0)
		elog(ERROR, "could not encode an absolv_partial value in base64");
	result[prefix + n] = '\0';
	PG_RETURN_CSTRING(result);
}

/* absolv_partial_recv(internal): the bytes, checked like text input */
Datum
absolv_partial_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			len = buf->len - buf->cursor;
	const char *data = pq_getmsgbytes(buf, len);

	PG_RETURN_BYTEA_P(checked_value(fcinfo, data, len));
}

/* absolv_partial_send(absolv_partial): the bytes */
Datum
absolv_partial_send(PG_FUNCTION_ARGS)
{
	bytea	   *value = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbytes(&buf, VARDATA_ANY(value), VARSIZE_ANY_EXHDR(value));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ------------------------------------------------------- the aggregates */

/* the state of a value, for this call only */
static absolv_case_state *
value_state(FunctionCallInfo fcinfo, const bytea *value)
{
	return absolv_state_deserialize(call_site(fcinfo), &partial_value_kind,
									VARDATA_ANY(value), VARSIZE_ANY_EXHDR(value),
									false);
}

/*
 * absolv_partial_agg_transfn(internal, entry_date, exit_date, measure,
 * kind, at, valid_until, rule): absolv_compliant's transition
 */
Datum
absolv_partial_agg_transfn(PG_FUNCTION_ARGS)
{
	return absolv_state_transfn(fcinfo, &partial_agg_kind);
}

/*
 * absolv_partial_agg_combinefn(internal, internal): merge two partial
 * states of one participation in a parallel plan
 */
Datum
absolv_partial_agg_combinefn(PG_FUNCTION_ARGS)
{
	return absolv_state_combinefn(fcinfo, &partial_agg_kind);
}

/*
 * absolv_partial_merge_sfunc(absolv_partial, absolv_partial): the two
 * values of one participation merged into one (42803 if they describe
 * different participations or rules).  The transition and the combine
 * function of absolv_partial_merge, whose state is an absolv_partial: the
 * first value of a group is its state as it is, so a participation whose
 * evidence is on one shard costs nothing here; and Citus distributes an
 * aggregate of one argument with a combine function and a state type that
 * is no pseudo-type.
 */
Datum
absolv_partial_merge_sfunc(PG_FUNCTION_ARGS)
{
	bytea	   *left_value = PG_GETARG_BYTEA_PP(0);
	bytea	   *right_value = PG_GETARG_BYTEA_PP(1);
	absolv_case_state *left;
	absolv_case_state *right;

	left = value_state(fcinfo, left_value);
	right = value_state(fcinfo, right_value);
	left = absolv_state_merge(&partial_merge_kind, CurrentMemoryContext, left, right);
	PG_RETURN_BYTEA_P(absolv_state_serialize(left, &partial_value_kind));
}

/*
 * absolv_partial_finalfn(internal): the final function of
 * absolv_partial_agg, the state as an absolv_partial value; NULL when the
 * group had no row with a rule.
 */
Datum
absolv_partial_finalfn(PG_FUNCTION_ARGS)
{
	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "absolv_partial_finalfn called in non-aggregate context");
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	PG_RETURN_BYTEA_P(absolv_state_serialize((absolv_case_state *) PG_GETARG_POINTER(0),
											 &partial_value_kind));
}

/* absolv_partial_serialfn(internal) -> bytea, for parallel plans of absolv_partial_agg */
Datum
absolv_partial_serialfn(PG_FUNCTION_ARGS)
{
	return absolv_state_serialfn(fcinfo, &partial_value_kind);
}

/* absolv_partial_deserialfn(bytea, internal) -> internal, for parallel plans of absolv_partial_agg */
Datum
absolv_partial_deserialfn(PG_FUNCTION_ARGS)
{
	return absolv_state_deserialfn(fcinfo, &partial_value_kind);
}

/* ------------------------------------------------------------- finishing */

/* absolv_partial_compliant(absolv_partial): what absolv_compliant gives */
Datum
absolv_partial_compliant(PG_FUNCTION_ARGS)
{
	absolv_case_state *state = value_state(fcinfo, PG_GETARG_BYTEA_PP(0));
	int			result = absolv_case_compliant(ABSOLV_STATE_CASE(state));

	pfree(state);
	if (result < 0)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(result > 0);
}

/*
 * absolv_partial_verdict(absolv_partial, as_of): what absolv_verdict
 * gives with the same as_of, for any as_of
 */
Datum
absolv_partial_verdict(PG_FUNCTION_ARGS)
{
	absolv_case_state *state = value_state(fcinfo, PG_GETARG_BYTEA_PP(0));
	DateADT		as_of = PG_GETARG_DATEADT(1);

	absolv_case_cut(ABSOLV_STATE_CASE(state), as_of);
	return absolv_verdict_row(fcinfo, state->rule, ABSOLV_STATE_CASE(state), as_of);
}
