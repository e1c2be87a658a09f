/*
 * rule_type.c
 *	  The absolv_rule type: text and binary I/O, comparison and hashing, the
 *	  rule's name and description, and the table of presets.
 *
 * A value is a varlena holding the canonical text of the rule (the output
 * of absolv_rule_print).  Input parses, output returns the stored text, and
 * two rules are equal when their canonical texts are byte-identical, so
 * equality, ordering and hashing work on the bytes and never parse.
 */
#include "postgres.h"

#include "access/detoast.h"
#include "common/hashfn.h"
#include "common/md5.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "parser/scansup.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "absolv_pg.h"

PG_MODULE_MAGIC;

/* the core's days are PostgreSQL's DateADT, infinities and range included */
StaticAssertDecl(sizeof(absolv_day) == sizeof(DateADT),
				 "absolv_day must have the size of DateADT");
StaticAssertDecl(ABSOLV_DAY_NEG_INFINITY == DATEVAL_NOBEGIN &&
				 ABSOLV_DAY_POS_INFINITY == DATEVAL_NOEND,
				 "absolv day infinities must be those of DateADT");
StaticAssertDecl(ABSOLV_DAY_MIN == DATETIME_MIN_JULIAN - POSTGRES_EPOCH_JDATE &&
				 ABSOLV_DAY_MAX == DATE_END_JULIAN - POSTGRES_EPOCH_JDATE - 1,
				 "absolv day range must be that of DateADT");

/* first byte of the binary representation (send/recv) */
#define RULE_BINARY_VERSION 1

/* columns of absolv_presets() */
#define PRESET_COLUMNS 4

PG_FUNCTION_INFO_V1(absolv_rule_in);
PG_FUNCTION_INFO_V1(absolv_rule_out);
PG_FUNCTION_INFO_V1(absolv_rule_recv);
PG_FUNCTION_INFO_V1(absolv_rule_send);
PG_FUNCTION_INFO_V1(absolv_rule_eq);
PG_FUNCTION_INFO_V1(absolv_rule_ne);
PG_FUNCTION_INFO_V1(absolv_rule_lt);
PG_FUNCTION_INFO_V1(absolv_rule_le);
PG_FUNCTION_INFO_V1(absolv_rule_gt);
PG_FUNCTION_INFO_V1(absolv_rule_ge);
PG_FUNCTION_INFO_V1(absolv_rule_cmp);
PG_FUNCTION_INFO_V1(absolv_rule_hash);
PG_FUNCTION_INFO_V1(absolv_rule_hash_extended);
PG_FUNCTION_INFO_V1(absolv_rule_name);
PG_FUNCTION_INFO_V1(absolv_rule_description);
PG_FUNCTION_INFO_V1(absolv_presets);
PG_FUNCTION_INFO_V1(absolv_rule_fingerprint);

/* a palloc'd copy of a varlena that is not to be handed out itself */
static struct varlena *
copy_varlena(const struct varlena *value)
{
	struct varlena *result = palloc(VARSIZE(value));

	memcpy(result, value, VARSIZE(value));
	return result;
}

/*
 * Is s[0..len) an identifier, [A-Za-z_][A-Za-z0-9_]*?  ASCII only, whatever
 * the locale says about other bytes.
 */
static bool
is_identifier(const char *s, int len)
{
	if (len == 0 || (s[0] >= '0' && s[0] <= '9'))
		return false;
	for (int i = 0; i < len; i++)
	{
		char		c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			  (c >= '0' && c <= '9') || c == '_'))
			return false;
	}
	return true;
}

/* "frankfurt, herford, ...", for error hints */
static char *
preset_list(void)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (int i = 0; i < absolv_preset_count(); i++)
		appendStringInfo(&buf, "%s%s", i > 0 ? ", " : "",
						 absolv_preset_name(i));
	return buf.data;
}

/*
 * Text -> absolv_rule value: a preset name, or rule-language text.
 * Surrounding white space is ignored; a bare identifier must name a preset.
 * Errors go to escontext (soft errors from PostgreSQL 16 on); after a soft
 * error the result is NULL.
 */
static struct varlena *
rule_from_text(const char *input, int len, Node *escontext)
{
	int			start = 0;
	int			end = len;
	absolv_rule *rule;
	absolv_error error;
	struct varlena *result;

	while (start < end && scanner_isspace(input[start]))
		start++;
	while (end > start && scanner_isspace(input[end - 1]))
		end--;

	if (is_identifier(input + start, end - start))
	{
		int			preset = absolv_preset_lookup(input + start, end - start);

		if (preset < 0)
		{
			ABSOLV_INPUT_ERROR(escontext,
							   errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							   errmsg("unknown absolv_rule preset \"%s\"",
									  absolv_clip_for_message(input + start,
															  end - start)),
							   errhint("Use one of the presets %s, or write a rule in the rule language, starting with \"rule\".",
									   preset_list()));
			return NULL;
		}
		return copy_varlena(absolv_preset_canonical(preset));
	}

	/* the whole input, so that error positions count from its start */
	rule = absolv_rule_compile(input, len, &error);
	if (rule == NULL)
	{
		if (error.code == ABSOLV_ERR_LIMIT)
			ABSOLV_INPUT_ERROR(escontext,
							   errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
							   errmsg("absolv_rule is too large or too deeply nested"),
							   errdetail("%s", absolv_error_detail(&error)));
		else
			ABSOLV_INPUT_ERROR(escontext,
							   errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							   errmsg("invalid input syntax for type %s: \"%s\"",
									  "absolv_rule",
									  absolv_clip_for_message(input, len)),
							   errdetail("%s", absolv_error_detail(&error)));
		return NULL;
	}

	result = absolv_rule_canonical(rule);
	pfree(rule);
	return result;
}

/* absolv_rule_in(cstring): a preset name or rule-language text */
Datum
absolv_rule_in(PG_FUNCTION_ARGS)
{
	char	   *input = PG_GETARG_CSTRING(0);

	PG_RETURN_POINTER(rule_from_text(input, strlen(input), fcinfo->context));
}

/* absolv_rule_out(absolv_rule): the canonical text */
Datum
absolv_rule_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(text_to_cstring(PG_GETARG_TEXT_PP(0)));
}

/*
 * absolv_rule_recv(internal): a version byte, then the rule text in the
 * client encoding.  The text is parsed like text input, so an invalid rule
 * never gets in, and is stored canonical.
 */
Datum
absolv_rule_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version;
	char	   *str;
	int			nbytes;

	if (buf->cursor >= buf->len)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid binary representation of type absolv_rule"),
				errdetail("The value is empty."));
	version = pq_getmsgbyte(buf);
	if (version != RULE_BINARY_VERSION)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid binary representation of type absolv_rule"),
				errdetail("Format version %d is not supported; this version of absolv reads version %d.",
						  version, RULE_BINARY_VERSION));

	str = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
	PG_RETURN_POINTER(rule_from_text(str, nbytes, NULL));
}

/* absolv_rule_send(absolv_rule): version byte 1, then the canonical text */
Datum
absolv_rule_send(PG_FUNCTION_ARGS)
{
	text	   *rule = PG_GETARG_TEXT_PP(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, RULE_BINARY_VERSION);
	pq_sendtext(&buf, VARDATA_ANY(rule), VARSIZE_ANY_EXHDR(rule));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/*
 * Byte order of the canonical texts of arguments 0 and 1: memcmp of the
 * common prefix, then the shorter first.
 */
static int
compare_args(FunctionCallInfo fcinfo)
{
	text	   *a = PG_GETARG_TEXT_PP(0);
	text	   *b = PG_GETARG_TEXT_PP(1);
	int			alen = VARSIZE_ANY_EXHDR(a);
	int			blen = VARSIZE_ANY_EXHDR(b);
	int			result;

	result = memcmp(VARDATA_ANY(a), VARDATA_ANY(b), Min(alen, blen));
	if (result == 0)
		result = (alen > blen) - (alen < blen);

	PG_FREE_IF_COPY(a, 0);
	PG_FREE_IF_COPY(b, 1);
	return result;
}

/*
 * Are arguments 0 and 1 the same rule?  Values of different length differ,
 * which is known without detoasting them.
 */
static bool
equal_args(FunctionCallInfo fcinfo)
{
	if (toast_raw_datum_size(PG_GETARG_DATUM(0)) !=
		toast_raw_datum_size(PG_GETARG_DATUM(1)))
		return false;
	return compare_args(fcinfo) == 0;
}

/* absolv_rule = absolv_rule */
Datum
absolv_rule_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(equal_args(fcinfo));
}

/* absolv_rule <> absolv_rule */
Datum
absolv_rule_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!equal_args(fcinfo));
}

/* absolv_rule < absolv_rule, in byte order of the canonical texts */
Datum
absolv_rule_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(compare_args(fcinfo) < 0);
}

/* absolv_rule <= absolv_rule */
Datum
absolv_rule_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(compare_args(fcinfo) <= 0);
}

/* absolv_rule > absolv_rule */
Datum
absolv_rule_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(compare_args(fcinfo) > 0);
}

/* absolv_rule >= absolv_rule */
Datum
absolv_rule_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(compare_args(fcinfo) >= 0);
}

/* btree support: -1, 0 or 1 */
Datum
absolv_rule_cmp(PG_FUNCTION_ARGS)
{
	int			result = compare_args(fcinfo);

	PG_RETURN_INT32((result > 0) - (result < 0));
}

/* hash support: 32-bit hash of the canonical text */
Datum
absolv_rule_hash(PG_FUNCTION_ARGS)
{
	text	   *rule = PG_GETARG_TEXT_PP(0);
	Datum		result;

	result = hash_any((const unsigned char *) VARDATA_ANY(rule),
					  VARSIZE_ANY_EXHDR(rule));
	PG_FREE_IF_COPY(rule, 0);
	return result;
}

/* hash support: seeded 64-bit hash of the canonical text */
Datum
absolv_rule_hash_extended(PG_FUNCTION_ARGS)
{
	text	   *rule = PG_GETARG_TEXT_PP(0);
	Datum		result;

	result = hash_any_extended((const unsigned char *) VARDATA_ANY(rule),
							   VARSIZE_ANY_EXHDR(rule), PG_GETARG_INT64(1));
	PG_FREE_IF_COPY(rule, 0);
	return result;
}

/* a NUL-terminated field of fixed size as text; NULL when it is empty */
text *
absolv_field_text(const char *field, size_t size)
{
	size_t		len = strnlen(field, size);

	return len == 0 ? NULL : cstring_to_text_with_len(field, len);
}

/* absolv_rule_name(absolv_rule): the name after "rule", e.g. cottbus_ies */
Datum
absolv_rule_name(PG_FUNCTION_ARGS)
{
	const absolv_rule *rule =
		absolv_cached_rule_get(fcinfo->flinfo, PG_GETARG_DATUM(0))->rule;
	text	   *result = absolv_field_text(rule->name, sizeof(rule->name));

	if (result == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(result);
}

/* absolv_rule_description(absolv_rule): its description, NULL if none */
Datum
absolv_rule_description(PG_FUNCTION_ARGS)
{
	const absolv_rule *rule =
		absolv_cached_rule_get(fcinfo->flinfo, PG_GETARG_DATUM(0))->rule;
	text	   *result = absolv_field_text(rule->description,
											   sizeof(rule->description));

	if (result == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(result);
}

/*
 * The fingerprint of a rule: the md5 of its canonical text text[0..len), in
 * 32 lower-case hex digits, equal to md5(rule::text).
 */
text *
absolv_fingerprint_text(const char *text, int len)
{
	char		hexsum[2 * MD5_DIGEST_LENGTH + 1];
	const char *errstr = NULL;

	if (!pg_md5_hash(text, len, hexsum, &errstr))
		ereport(ERROR,
				errcode(ERRCODE_INTERNAL_ERROR),
				errmsg("could not compute %s hash: %s", "MD5", errstr));
	return cstring_to_text_with_len(hexsum, 2 * MD5_DIGEST_LENGTH);
}

/* absolv_rule_fingerprint(absolv_rule): md5 of the canonical text */
Datum
absolv_rule_fingerprint(PG_FUNCTION_ARGS)
{
	text	   *rule = PG_GETARG_TEXT_PP(0);
	text	   *result = absolv_fingerprint_text(VARDATA_ANY(rule),
												 VARSIZE_ANY_EXHDR(rule));

	PG_FREE_IF_COPY(rule, 0);
	PG_RETURN_TEXT_P(result);
}

/*
 * absolv_presets(): one row (name, description, source, rule) per preset,
 * in the order of the core's table.
 */
Datum
absolv_presets(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);

	for (int i = 0; i < absolv_preset_count(); i++)
	{
		const absolv_rule *rule =
			absolv_cached_rule_by_preset(fcinfo->flinfo, i)->rule;
		text	   *description = absolv_field_text(rule->description,
											 sizeof(rule->description));
		Datum		values[PRESET_COLUMNS];
		bool		nulls[PRESET_COLUMNS] = {false};

		values[0] = CStringGetTextDatum(absolv_preset_name(i));
		values[1] = PointerGetDatum(description);
		nulls[1] = description == NULL;
		values[2] = CStringGetTextDatum(absolv_preset_source(i));
		values[3] = PointerGetDatum(copy_varlena(absolv_preset_canonical(i)));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}

	return (Datum) 0;
}
