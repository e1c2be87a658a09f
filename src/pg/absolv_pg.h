/*
 * absolv_pg.h
 *	  Declarations shared by the PostgreSQL glue of absolv (src/pg): the
 *	  absolv_rule value, the per-call-site rule cache, code lookups of text
 *	  arguments and error helpers.
 *
 * The glue is thin: it converts SQL arguments into the plain-C structures
 * of src/core (calendar.h, codes.h, rule.h, evaluate.h), calls the core, and
 * turns its results into Datums and its failures into ereports.  A day of
 * the core is a PostgreSQL DateADT, so dates pass through unchanged.
 */
#ifndef ABSOLV_PG_H
#define ABSOLV_PG_H

#include "postgres.h"

#include "fmgr.h"

#include "calendar.h"
#include "codes.h"
#include "evaluate.h"
#include "rule.h"

/*
 * Soft input errors: from PostgreSQL 16 on, input functions report syntax
 * errors through the caller's escontext (so that pg_input_is_valid works);
 * before, they can only throw.  Use it like ereport without the level:
 * ABSOLV_INPUT_ERROR(escontext, errcode(...), errmsg(...)); it returns when
 * the error was saved softly.
 */
#if PG_VERSION_NUM >= 160000
#define ABSOLV_INPUT_ERROR(escontext, ...) errsave(escontext, __VA_ARGS__)
#else
#define ABSOLV_INPUT_ERROR(escontext, ...) ereport(ERROR, __VA_ARGS__)
#endif

/* a text argument, or NULL for SQL NULL */
#define ABSOLV_GETARG_TEXT_OR_NULL(n) \
	(PG_ARGISNULL(n) ? (text *) NULL : PG_GETARG_TEXT_PP(n))

/* longest part of a user's value that error messages quote, in characters */
#define ABSOLV_QUOTE_CHARS 60

/* rule_compile.c: rule text <-> the core's compiled rule */

/*
 * Parse rule text into a palloc'd rule.  Returns NULL and fills *error when
 * the text is no valid rule.
 */
extern absolv_rule *absolv_rule_compile(const char *text, int len,
										absolv_error *error);

/* the canonical text of a rule, as an absolv_rule datum (palloc'd varlena) */
extern struct varlena *absolv_rule_canonical(const absolv_rule *rule);

/* errdetail text of a parse error: "At character N, at or near ...: ..." */
extern char *absolv_error_detail(const absolv_error *error);

/*
 * Canonical text of preset preset_index as an absolv_rule varlena, computed
 * once per backend (read only: copy it before returning it as a Datum).
 */
extern const struct varlena *absolv_preset_canonical(int preset_index);

/* index of the preset whose canonical text is text[0..len), or -1 */
extern int	absolv_preset_index_of(const char *text, int len);

/* rule_type.c: the absolv_rule type */

/* a NUL-terminated name or description of a rule as text; NULL when empty */
extern text *absolv_field_text(const char *field, size_t size);

/*
 * The fingerprint of a rule given by its canonical text: md5 in 32 hex
 * digits, the same as md5(rule::text).
 */
extern text *absolv_fingerprint_text(const char *text, int len);

/*
 * call_site_cache.c: what a call site keeps between calls (the only user
 * of flinfo->fn_extra): compiled rules and computed ranges
 */

/* a compiled rule and its canonical text, owned by a call site's cache */
typedef struct absolv_cached_rule
{
	const absolv_rule *rule;
	const char *text;			/* canonical text, not NUL-terminated */
	int			len;			/* bytes of text */
	int			preset_index;	/* preset with byte-identical text, or -1 */
} absolv_cached_rule;

/*
 * The compiled form of an absolv_rule datum, from the cache of the call site
 * flinfo.  The result is valid at least until the next call on the same
 * flinfo, and until the end of the query once absolv_rule_cache_keep(flinfo)
 * has been called.
 */
extern const absolv_cached_rule *absolv_cached_rule_get(FmgrInfo *flinfo,
														Datum rule_datum);

/* the same for rule text given as bytes (canonical text of a stored rule) */
extern const absolv_cached_rule *absolv_cached_rule_get_text(FmgrInfo *flinfo,
															 const char *text,
															 int len);

/* the compiled preset number preset_index (0 <= preset_index < count) */
extern const absolv_cached_rule *absolv_cached_rule_by_preset(FmgrInfo *flinfo,
															  int preset_index);

/*
 * Keep every entry of the cache of flinfo until the end of the query.
 * Aggregate states point into the cache, so the aggregate's support
 * functions call this; scalar functions let the cache recycle its least
 * recently used entry, which bounds its memory when every row brings
 * another rule.
 */
extern void absolv_rule_cache_keep(FmgrInfo *flinfo);

/* which range of a variant a function looks at */
typedef enum evidence_range
{
	RANGE_WINDOW,				/* the requirement window */
	RANGE_HORIZON				/* every day of evidence the rule looks at */
} evidence_range;

/*
 * The closed range of days [from, to] a function computed.  ok is false
 * when it is NULL: the range could not be computed, or to + 1 is no date
 * (so that the daterange '[from, to + 1)' and the two bounds agree).
 */
typedef struct day_range
{
	bool		ok;
	absolv_day	from;
	absolv_day	to;
} day_range;

/*
 * The range of a rule's variant (or, for variant -1, the hull over all
 * variants) for an exit day, from the cache of the call site flinfo.
 */
extern day_range absolv_cached_range(FmgrInfo *flinfo, const absolv_rule *rule,
									 int variant, evidence_range which,
									 absolv_day exit);

/* code_args.c: text arguments -> codes of the core */

/* NULL counts as SUCCESS; unknown: ERROR */
extern int	absolv_outcome_arg(const text *code);

/* NULL gives ABSOLV_CODE_NULL; unknown: ERROR */
extern int	absolv_customer_status_arg(const text *code);
extern int	absolv_legal_sphere_arg(const text *code);
extern int	absolv_cosach_status_arg(const text *code);

/* NULL gives ABSOLV_CODE_NULL; never an error (unknown goal: OTHER) */
extern int	absolv_goal_arg(const text *code);

/* NULL gives ABSOLV_CODE_NULL; unknown gives ABSOLV_CODE_UNKNOWN */
extern int	absolv_measure_arg(const text *code);

/* unknown gives ABSOLV_CODE_UNKNOWN (ignored evidence); code is not NULL */
extern int	absolv_evidence_kind_arg(const text *code);

/* a Land code or name; unknown: ERROR */
extern absolv_land absolv_land_arg(const text *code);

/*
 * Fill *p from the entry date, exit date and measure arguments of fcinfo (any
 * of them may be NULL); the other attributes are unknown (NULL) and the
 * outcome is SUCCESS.
 */
extern void absolv_participation_from_args(FunctionCallInfo fcinfo,
										   int entry_arg, int exit_arg,
										   int measure_arg,
										   absolv_participation *p);

/* messages.c: a user's value in a message */

/*
 * A user's value for an error message: at most ABSOLV_QUOTE_CHARS
 * characters, then "..." if it was longer (palloc'd, NUL-terminated).
 */
extern char *absolv_clip_for_message(const char *value, int len);

#endif							/* ABSOLV_PG_H */
