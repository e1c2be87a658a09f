/*
 * rule.h
 *	  The compiled form of an absolv rule, and the rule language's parser
 *	  and canonical printer.
 *
 * Plain C, no PostgreSQL headers, no allocation: the parser fills a
 * caller-provided absolv_rule, the printer writes into a caller-provided
 * buffer.  See docs/rule-language.md for the language.
 */
#ifndef ABSOLV_RULE_H
#define ABSOLV_RULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "calendar.h"
#include "codes.h"

/* limits, guarded by the parser */
#define ABSOLV_MAX_RULE_TEXT	16384	/* bytes of rule text */
#define ABSOLV_MAX_NAME			64		/* bytes of a name, with NUL */
#define ABSOLV_MAX_DESCRIPTION	256		/* bytes of a description, with NUL */
#define ABSOLV_MAX_VARIANTS		8
#define ABSOLV_MAX_TERMS		16		/* evidence terms per variant */
#define ABSOLV_MAX_NODES		32		/* nodes per requirement expression */
#define ABSOLV_MAX_DEPTH		8		/* nesting of parentheses */
#define ABSOLV_MAX_FOLLOWUPS	2		/* "X after Y within N" terms per variant */
#define ABSOLV_MAX_STEPS		24		/* schedule steps */
#define ABSOLV_MAX_OFFSETS		4		/* "+ n unit" parts of one date */
#define ABSOLV_MAX_AMOUNT		9999	/* largest n in "n days" */
#define ABSOLV_FOLLOWUP_DAYS	256	/* days a follow-up term may span */

typedef enum absolv_unit
{
	ABSOLV_UNIT_DAYS = 0,
	ABSOLV_UNIT_WEEKS,
	ABSOLV_UNIT_MONTHS,
	ABSOLV_UNIT_WORKING_DAYS	/* only in follow-up limits */
} absolv_unit;

typedef enum absolv_anchor
{
	ABSOLV_ANCHOR_EXIT = 0,
	ABSOLV_ANCHOR_ENTRY
} absolv_anchor;

typedef struct absolv_offset
{
	int32_t		amount;			/* signed */
	uint8_t		unit;			/* absolv_unit: days, weeks or months */
} absolv_offset;

/* anchor + offset + offset ..., applied left to right */
typedef struct absolv_date_expr
{
	uint8_t		anchor;			/* absolv_anchor */
	uint8_t		noffsets;
	absolv_offset offsets[ABSOLV_MAX_OFFSETS];
} absolv_date_expr;

/* closed range of days [from, to] */
typedef struct absolv_range_expr
{
	absolv_date_expr from;
	absolv_date_expr to;
} absolv_range_expr;

typedef enum absolv_cmp
{
	ABSOLV_CMP_AT_LEAST = 0,	/* >= */
	ABSOLV_CMP_MORE_THAN,		/* > */
	ABSOLV_CMP_AT_MOST,			/* <=, the complement of "more than" */
	ABSOLV_CMP_LESS_THAN		/* <, the complement of "at least" */
} absolv_cmp;

/* a condition on the duration of the participation (docs/rules.md, "Counting days") */
typedef struct absolv_duration_cond
{
	bool		present;
	uint8_t		cmp;			/* absolv_cmp */
	uint8_t		unit;			/* days, weeks or months */
	int32_t		amount;
} absolv_duration_cond;

/* up to two duration conditions joined by "and": "at least 3 months and less than 6 months" */
#define ABSOLV_MAX_DURATION_CONDS 2
typedef struct absolv_duration_range
{
	absolv_duration_cond conds[ABSOLV_MAX_DURATION_CONDS];	/* unused: !present */
} absolv_duration_range;

/* a filter on a coded attribute; absent = not checked */
typedef struct absolv_attr_filter
{
	bool		present;
	bool		null_passes;	/* true unless the rule says "not null" */
	uint32_t	accepted;		/* bit (1u << code) */
} absolv_attr_filter;

/* per-measure conditions of the scope: "BVB with goal INTEGRATION" */
typedef struct absolv_measure_scope
{
	absolv_duration_range duration;
	absolv_attr_filter goal;
} absolv_measure_scope;

typedef struct absolv_scope
{
	absolv_measure_set measures;	/* measures in scope; unknown never are */
	absolv_measure_scope per_measure[ABSOLV_MEASURE_COUNT];
	absolv_duration_range duration;
	uint32_t	outcomes;		/* bit (1u << absolv_outcome); NULL counts as SUCCESS */
	absolv_attr_filter customer_status;
	absolv_attr_filter legal_sphere;
	absolv_attr_filter cosach_status;
} absolv_scope;

/* condition of a variant or of a schedule step */
typedef struct absolv_condition
{
	bool		otherwise;		/* always true */
	absolv_measure_set measures;	/* 0: measure not checked */
	absolv_duration_range duration;
} absolv_condition;

typedef enum absolv_qualifier
{
	ABSOLV_QUAL_NONE = 0,
	ABSOLV_QUAL_IN_FORCE_AT_EXIT,	/* at <= exit <= coalesce(valid_until, infinity) */
	ABSOLV_QUAL_IN_FORCE_IF_CONCLUDED_BY_EXIT	/* at > exit, or in force at exit */
} absolv_qualifier;

/*
 * An evidence term.  Plain: some evidence of kind with at inside the term's
 * window (the variant's window unless has_window), meeting the qualifier.
 * Follow-up ("CONTACT after MISSED within 10 working days of HE"): some
 * evidence of trigger_kind inside the window, and some evidence of kind
 * on a day d with trigger < d <= trigger + limit.
 * A term of an exclusion may end its window at the deadline
 * ("EXCEPTION within exit - 28 days .. deadline"): the last day on which
 * the variant's requirement can still be met, which a follow-up moves
 * past the window's end when a missed appointment is recorded.
 */
typedef struct absolv_term
{
	uint8_t		kind;			/* absolv_evidence_kind */
	uint8_t		qualifier;		/* absolv_qualifier */
	bool		has_window;
	bool		is_followup;
	bool		to_deadline;	/* window.to unused: ends at the deadline */
	uint8_t		trigger_kind;	/* absolv_evidence_kind */
	uint8_t		limit_unit;		/* days, weeks or working days */
	uint8_t		land;			/* absolv_land, for working days */
	int32_t		limit_amount;
	absolv_range_expr window;
} absolv_term;

typedef enum absolv_node_op
{
	ABSOLV_NODE_TERM = 0,
	ABSOLV_NODE_AND,
	ABSOLV_NODE_OR
} absolv_node_op;

/*
 * A requirement as a postfix program: a TERM node pushes the truth of term
 * `arg`; AND and OR pop `arg` values (>= 2) and push their conjunction or
 * disjunction.
 */
typedef struct absolv_node
{
	uint8_t		op;				/* absolv_node_op */
	uint8_t		arg;
} absolv_node;

typedef struct absolv_expr
{
	uint8_t		nnodes;			/* 0: no expression */
	absolv_node nodes[ABSOLV_MAX_NODES];
} absolv_expr;

typedef struct absolv_variant
{
	char		name[ABSOLV_MAX_NAME];	/* "" for a rule without variants */
	char		description[ABSOLV_MAX_DESCRIPTION];
	absolv_condition when;
	absolv_range_expr window;
	absolv_expr require;
	absolv_expr exclude;		/* nnodes == 0: no exclusion */
	uint8_t		nterms;
	absolv_term terms[ABSOLV_MAX_TERMS];
} absolv_variant;

/*
 * A schedule step.  Steps of the same name form a group: for a
 * participation, the first step of the group whose condition holds gives
 * the due date ("otherwise" always holds); a group may give none.
 */
typedef struct absolv_step
{
	char		name[ABSOLV_MAX_NAME];
	char		description[ABSOLV_MAX_DESCRIPTION];
	absolv_date_expr due;
	absolv_condition when;
} absolv_step;

typedef struct absolv_rule
{
	char		name[ABSOLV_MAX_NAME];
	char		description[ABSOLV_MAX_DESCRIPTION];
	absolv_scope scope;
	bool		has_variants;	/* written with "variant" blocks */
	uint8_t		nvariants;		/* >= 1; the last one's condition is "otherwise" */
	absolv_variant variants[ABSOLV_MAX_VARIANTS];
	uint8_t		nsteps;
	absolv_step steps[ABSOLV_MAX_STEPS];
} absolv_rule;

/* parse errors */
typedef enum absolv_error_code
{
	ABSOLV_OK = 0,
	ABSOLV_ERR_SYNTAX,			/* unexpected token: SQLSTATE 22P02 */
	ABSOLV_ERR_UNKNOWN_CODE,	/* a code the rule names is unknown: 22P02 */
	ABSOLV_ERR_INVALID,			/* well-formed but meaningless: 22P02 */
	ABSOLV_ERR_LIMIT			/* size, depth or count limit: 54000 */
} absolv_error_code;

typedef struct absolv_error
{
	absolv_error_code code;
	int			position;		/* 1-based character position, 0 if none */
	char		found[64];		/* the offending token, quoted as found */
	char		message[256];	/* what was expected, or what is wrong */
} absolv_error;

/*
 * Parse rule text (len bytes, UTF-8, no NUL needed) into *rule.
 * Returns false and fills *error on failure.
 */
extern bool absolv_rule_parse(const char *text, size_t len, absolv_rule *rule,
							  absolv_error *error);

/*
 * Write the canonical text of rule into buf (at most size bytes, always
 * NUL-terminated when size > 0).  Returns the length of the full text,
 * excluding the NUL, as snprintf does.  Parsing the canonical text gives a
 * rule whose canonical text is the same.
 */
extern size_t absolv_rule_print(const absolv_rule *rule, char *buf, size_t size);

/*
 * Canonical text of the subexpression of expr that ends at node `end`
 * (snprintf-like).  Used to name the parts of a requirement.
 */
extern size_t absolv_expr_print(const absolv_variant *variant, const absolv_expr *expr,
								int end, char *buf, size_t size);

/* presets: the eight rules of the five job centres, as rule-language text */
extern int	absolv_preset_count(void);
extern const char *absolv_preset_name(int i);
extern const char *absolv_preset_text(int i);
extern const char *absolv_preset_source(int i);	/* the directive and its section */
/* index of the preset with that name (case-insensitive, trimmed), or -1 */
extern int	absolv_preset_lookup(const char *name, size_t len);

#endif							/* ABSOLV_RULE_H */
