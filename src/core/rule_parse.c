/*
 * rule_parse.c
 *	  Lexer and recursive-descent parser of the absolv rule language.
 *
 * The grammar is in docs/rule-language.md.  The parser fills a caller's
 * absolv_rule and never allocates; every limit of rule.h is checked, and
 * every error carries the 1-based character position, the token found and
 * what was expected.
 */
#include "rule.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef enum token_type
{
	TOK_EOF = 0,
	TOK_WORD,
	TOK_NUMBER,
	TOK_STRING,
	TOK_LPAREN,
	TOK_RPAREN,
	TOK_COMMA,
	TOK_PLUS,
	TOK_MINUS,
	TOK_DOTDOT,
	TOK_STAR,
	TOK_GE,
	TOK_GT,
	TOK_LE,
	TOK_LT
} token_type;

typedef struct token
{
	token_type	type;
	size_t		start;			/* byte offset */
	size_t		len;			/* bytes */
	int64_t		number;			/* TOK_NUMBER */
} token;

/* temporary expression tree, flattened into postfix when complete */
#define MAX_TREE_NODES (ABSOLV_MAX_NODES * 2)

typedef struct tree_node
{
	uint8_t		op;				/* absolv_node_op */
	uint8_t		term;
	int			first_child;
	int			next_sibling;
} tree_node;

typedef struct parser
{
	const char *text;
	size_t		len;
	token		tok;
	absolv_rule *rule;
	absolv_error *error;
	int			depth;
	/* expression being parsed */
	absolv_variant *variant;	/* owner of the terms */
	bool		in_exclusion;	/* parsing "exclude": "..deadline" allowed */
	tree_node	tree[MAX_TREE_NODES];
	int			ntree;
	/* positions of terms, for errors found after parsing */
	size_t		term_pos[ABSOLV_MAX_VARIANTS][ABSOLV_MAX_TERMS];
} parser;

static bool parse_expr(parser *ps, int *node);

/* ---------------------------------------------------------------- errors */

/* 1-based character position of a byte offset (UTF-8 characters) */
static int
char_position(const parser *ps, size_t offset)
{
	int			chars = 0;

	for (size_t i = 0; i < offset && i < ps->len; i++)
		if (((unsigned char) ps->text[i] & 0xC0) != 0x80)
			chars++;
	return chars + 1;
}

/* record an error at a byte offset, quoting len bytes found there */
#if defined(__GNUC__)
static bool fail_at(parser *ps, absolv_error_code code, size_t offset, size_t found_len,
					const char *fmt,...) __attribute__((format(printf, 5, 6)));
#endif
static bool
fail_at(parser *ps, absolv_error_code code, size_t offset, size_t found_len,
		const char *fmt,...)
{
	absolv_error *e = ps->error;
	va_list		ap;

	if (e->code != ABSOLV_OK)
		return false;			/* keep the first error */
	e->code = code;
	e->position = char_position(ps, offset);
	while (found_len > 0 && (ps->text[offset + found_len - 1] == ' ' ||
							 ps->text[offset + found_len - 1] == '\n' ||
							 ps->text[offset + found_len - 1] == '\t' ||
							 ps->text[offset + found_len - 1] == '\r'))
		found_len--;
	if (found_len >= sizeof(e->found))
		found_len = sizeof(e->found) - 1;
	/* never cut a UTF-8 character in half */
	while (found_len > 0 && offset + found_len < ps->len &&
		   ((unsigned char) ps->text[offset + found_len] & 0xC0) == 0x80)
		found_len--;
	memcpy(e->found, ps->text + offset, found_len);
	e->found[found_len] = '\0';
	va_start(ap, fmt);
	vsnprintf(e->message, sizeof(e->message), fmt, ap);
	va_end(ap);
	return false;
}

/* error at the current token */
#define FAIL(ps, ...) \
	fail_at((ps), ABSOLV_ERR_SYNTAX, (ps)->tok.start, \
			(ps)->tok.type == TOK_EOF ? 0 : (ps)->tok.len, __VA_ARGS__)
#define FAIL_CODE(ps, code, ...) \
	fail_at((ps), (code), (ps)->tok.start, \
			(ps)->tok.type == TOK_EOF ? 0 : (ps)->tok.len, __VA_ARGS__)

/* ----------------------------------------------------------------- lexer */

/* is c a byte that may continue a word? */
static bool
is_word_byte(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		(c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

/* is there a no-break space (U+00A0) at offset i? */
static bool
is_nbsp(const parser *ps, size_t i)
{
	return i + 1 < ps->len && (unsigned char) ps->text[i] == 0xC2 &&
		(unsigned char) ps->text[i + 1] == 0xA0;
}

/*
 * Skip white space (including the no-break space that office documents
 * put in pasted text) and "--" comments from offset; return the new offset.
 */
static size_t
skip_space(const parser *ps, size_t i)
{
	for (;;)
	{
		while (i < ps->len && (ps->text[i] == ' ' || ps->text[i] == '\t' ||
							   ps->text[i] == '\n' || ps->text[i] == '\r' || is_nbsp(ps, i)))
			i += is_nbsp(ps, i) ? 2 : 1;
		if (i + 1 < ps->len && ps->text[i] == '-' && ps->text[i + 1] == '-')
		{
			while (i < ps->len && ps->text[i] != '\n')
				i++;
			continue;
		}
		return i;
	}
}

/* read the next token into ps->tok */
static bool
next_token(parser *ps)
{
	size_t		i = skip_space(ps, ps->tok.start + ps->tok.len);
	unsigned char c;

	ps->tok.start = i;
	ps->tok.len = 0;
	ps->tok.number = 0;
	if (i >= ps->len)
	{
		ps->tok.type = TOK_EOF;
		return true;
	}
	c = (unsigned char) ps->text[i];
	if (c >= '0' && c <= '9')
	{
		size_t		j = i;
		int64_t		n = 0;

		while (j < ps->len && ps->text[j] >= '0' && ps->text[j] <= '9')
		{
			if (n <= ABSOLV_MAX_AMOUNT)
				n = n * 10 + (ps->text[j] - '0');
			j++;
		}
		ps->tok.type = TOK_NUMBER;
		ps->tok.len = j - i;
		ps->tok.number = n;
		if (j < ps->len && is_word_byte((unsigned char) ps->text[j]))
		{
			while (j < ps->len && is_word_byte((unsigned char) ps->text[j]))
				j++;
			return fail_at(ps, ABSOLV_ERR_SYNTAX, i, j - i,
						   "expected a number followed by white space");
		}
		return true;
	}
	if (is_word_byte(c))
	{
		size_t		j = i;

		while (j < ps->len && is_word_byte((unsigned char) ps->text[j]) && !is_nbsp(ps, j))
			j++;
		ps->tok.type = TOK_WORD;
		ps->tok.len = j - i;
		return true;
	}
	if (c == '"')
	{
		size_t		j = i + 1;

		for (;;)
		{
			if (j >= ps->len)
				return fail_at(ps, ABSOLV_ERR_SYNTAX, i, 1,
							   "unterminated string: expected a closing \"");
			if (ps->text[j] == '"')
			{
				if (j + 1 < ps->len && ps->text[j + 1] == '"')
				{
					j += 2;
					continue;
				}
				break;
			}
			if ((unsigned char) ps->text[j] < 0x20)
				return fail_at(ps, ABSOLV_ERR_SYNTAX, j, 1,
							   "control character in a string");
			j++;
		}
		ps->tok.type = TOK_STRING;
		ps->tok.len = j + 1 - i;
		return true;
	}
	ps->tok.len = 1;
	switch (c)
	{
		case '(':
			ps->tok.type = TOK_LPAREN;
			return true;
		case ')':
			ps->tok.type = TOK_RPAREN;
			return true;
		case ',':
			ps->tok.type = TOK_COMMA;
			return true;
		case '+':
			ps->tok.type = TOK_PLUS;
			return true;
		case '-':
			ps->tok.type = TOK_MINUS;
			return true;
		case '*':
			ps->tok.type = TOK_STAR;
			return true;
		case '.':
			if (i + 1 < ps->len && ps->text[i + 1] == '.')
			{
				ps->tok.type = TOK_DOTDOT;
				ps->tok.len = 2;
				return true;
			}
			break;
		case '>':
		case '<':
			ps->tok.type = c == '>' ? TOK_GT : TOK_LT;
			if (i + 1 < ps->len && ps->text[i + 1] == '=')
			{
				ps->tok.type = c == '>' ? TOK_GE : TOK_LE;
				ps->tok.len = 2;
			}
			return true;
		default:
			break;
	}
	return fail_at(ps, ABSOLV_ERR_SYNTAX, i, 1, "unexpected character");
}

/* does the current token spell the keyword (ASCII, case-insensitive)? */
static bool
is_kw(const parser *ps, const char *kw)
{
	size_t		n = strlen(kw);

	if (ps->tok.type != TOK_WORD || ps->tok.len != n)
		return false;
	for (size_t i = 0; i < n; i++)
	{
		char		c = ps->text[ps->tok.start + i];

		if (c >= 'A' && c <= 'Z')
			c = (char) (c - 'A' + 'a');
		if (c != kw[i])
			return false;
	}
	return true;
}

/* consume the keyword if it is the current token */
static bool
accept_kw(parser *ps, const char *kw, bool *ok)
{
	*ok = true;
	if (!is_kw(ps, kw))
		return false;
	*ok = next_token(ps);
	return true;
}

/* require a keyword */
static bool
expect_kw(parser *ps, const char *kw, const char *context)
{
	if (!is_kw(ps, kw))
		return FAIL(ps, "expected \"%s\"%s", kw, context);
	return next_token(ps);
}

/* require a token type */
static bool
expect_tok(parser *ps, token_type type, const char *what)
{
	if (ps->tok.type != type)
		return FAIL(ps, "expected %s", what);
	return next_token(ps);
}

/* copy the current string token, unquoted, into buf of size bytes */
static bool
take_string(parser *ps, char *buf, size_t size, const char *what)
{
	size_t		out = 0;

	if (ps->tok.type != TOK_STRING)
		return FAIL(ps, "expected %s in double quotes", what);
	for (size_t i = ps->tok.start + 1; i < ps->tok.start + ps->tok.len - 1; i++)
	{
		if (ps->text[i] == '"')
			i++;				/* "" stands for " */
		if (out + 1 >= size)
			return FAIL_CODE(ps, ABSOLV_ERR_LIMIT, "%s is longer than %d bytes",
							 what, (int) size - 1);
		buf[out++] = ps->text[i];
	}
	buf[out] = '\0';
	return next_token(ps);
}

/* the text of a code token: a word, or a string without its quotes */
static void
code_text(const parser *ps, const char **text, size_t *len)
{
	*text = ps->text + ps->tok.start;
	*len = ps->tok.len;
	if (ps->tok.type == TOK_STRING)
	{
		(*text)++;
		*len -= 2;
	}
}

/*
 * Make a word token take in the "-word" parts that follow it without white
 * space, so that a calendar code such as BY-AUGSBURG needs no quotes.  Only
 * the calendar after "of" is read this way: nothing else may follow a word
 * there, so no other reading is lost.
 */
static void
take_hyphenated_word(parser *ps)
{
	size_t		end = ps->tok.start + ps->tok.len;

	if (ps->tok.type != TOK_WORD)
		return;
	while (end + 1 < ps->len && ps->text[end] == '-' &&
		   is_word_byte((unsigned char) ps->text[end + 1]) &&
		   !is_nbsp(ps, end + 1))
	{
		end++;
		while (end < ps->len && is_word_byte((unsigned char) ps->text[end]) &&
			   !is_nbsp(ps, end))
			end++;
	}
	ps->tok.len = end - ps->tok.start;
}

/* ------------------------------------------------------- small clauses */

/* NUMBER, within limits */
static bool
parse_amount(parser *ps, int32_t *amount)
{
	if (ps->tok.type != TOK_NUMBER)
		return FAIL(ps, "expected a number");
	if (ps->tok.number > ABSOLV_MAX_AMOUNT)
		return FAIL_CODE(ps, ABSOLV_ERR_LIMIT, "numbers in rules are at most %d",
						 ABSOLV_MAX_AMOUNT);
	*amount = (int32_t) ps->tok.number;
	return next_token(ps);
}

/*
 * A unit word: day(s), week(s), month(s), or "working day(s)" where allowed.
 */
static bool
parse_unit(parser *ps, bool allow_months, bool allow_working, uint8_t *unit)
{
	const char *expected = allow_working ? "\"days\", \"weeks\" or \"working days\"" :
		allow_months ? "\"days\", \"weeks\" or \"months\"" : "\"days\" or \"weeks\"";

	if (is_kw(ps, "day") || is_kw(ps, "days"))
		*unit = ABSOLV_UNIT_DAYS;
	else if (is_kw(ps, "week") || is_kw(ps, "weeks"))
		*unit = ABSOLV_UNIT_WEEKS;
	else if (allow_months && (is_kw(ps, "month") || is_kw(ps, "months")))
		*unit = ABSOLV_UNIT_MONTHS;
	else if (allow_working && is_kw(ps, "working"))
	{
		if (!next_token(ps))
			return false;
		if (!is_kw(ps, "day") && !is_kw(ps, "days"))
			return FAIL(ps, "expected \"days\" after \"working\"");
		*unit = ABSOLV_UNIT_WORKING_DAYS;
	}
	else
		return FAIL(ps, "expected a unit: %s", expected);
	return next_token(ps);
}

/* comparison: at least | more than | at most | less than | >= | > | <= | < */
static bool
parse_cmp(parser *ps, uint8_t *cmp)
{
	bool		ok;

	switch (ps->tok.type)
	{
		case TOK_GE:
			*cmp = ABSOLV_CMP_AT_LEAST;
			return next_token(ps);
		case TOK_GT:
			*cmp = ABSOLV_CMP_MORE_THAN;
			return next_token(ps);
		case TOK_LE:
			*cmp = ABSOLV_CMP_AT_MOST;
			return next_token(ps);
		case TOK_LT:
			*cmp = ABSOLV_CMP_LESS_THAN;
			return next_token(ps);
		default:
			break;
	}
	if (accept_kw(ps, "at", &ok))
	{
		if (!ok)
			return false;
		if (accept_kw(ps, "least", &ok))
			*cmp = ABSOLV_CMP_AT_LEAST;
		else if (accept_kw(ps, "most", &ok))
			*cmp = ABSOLV_CMP_AT_MOST;
		else
			return FAIL(ps, "expected \"least\" or \"most\" after \"at\"");
		return ok;
	}
	if (accept_kw(ps, "more", &ok))
	{
		*cmp = ABSOLV_CMP_MORE_THAN;
		return ok && expect_kw(ps, "than", " after \"more\"");
	}
	if (accept_kw(ps, "less", &ok))
	{
		*cmp = ABSOLV_CMP_LESS_THAN;
		return ok && expect_kw(ps, "than", " after \"less\"");
	}
	return FAIL(ps, "expected a comparison: \"at least\", \"more than\", \"at most\" or \"less than\"");
}

/* is the current token the start of a comparison? */
static bool
at_cmp(const parser *ps)
{
	return ps->tok.type == TOK_GE || ps->tok.type == TOK_GT ||
		ps->tok.type == TOK_LE || ps->tok.type == TOK_LT ||
		is_kw(ps, "at") || is_kw(ps, "more") || is_kw(ps, "less");
}

/*
 * Duration conditions after the word "duration":
 *   cmp n unit [and cmp n unit]
 */
static bool
parse_duration_range(parser *ps, absolv_duration_range *range)
{
	if (range->conds[0].present)
		return FAIL(ps, "duration is given twice");
	for (int i = 0; i < ABSOLV_MAX_DURATION_CONDS; i++)
	{
		absolv_duration_cond *c = &range->conds[i];
		token		before_and;

		if (!parse_cmp(ps, &c->cmp) || !parse_amount(ps, &c->amount) ||
			!parse_unit(ps, true, false, &c->unit))
			return false;
		c->present = true;
		if (i + 1 == ABSOLV_MAX_DURATION_CONDS || !is_kw(ps, "and"))
			break;
		/* "and" followed by a comparison continues the range */
		before_and = ps->tok;
		if (!next_token(ps))
			return false;
		if (!at_cmp(ps))
		{
			/* not ours: step back to "and" */
			ps->tok = before_and;
			break;
		}
	}
	return true;
}

/* a date expression: exit|entry (+|- n unit)* */
static bool
parse_date_expr(parser *ps, absolv_date_expr *expr, bool exit_only)
{
	memset(expr, 0, sizeof(*expr));
	if (is_kw(ps, "exit"))
		expr->anchor = ABSOLV_ANCHOR_EXIT;
	else if (!exit_only && is_kw(ps, "entry"))
		expr->anchor = ABSOLV_ANCHOR_ENTRY;
	else
		return FAIL(ps, exit_only ? "expected \"exit\": windows are relative to the exit day" :
					"expected \"exit\" or \"entry\"");
	if (!next_token(ps))
		return false;
	while (ps->tok.type == TOK_PLUS || ps->tok.type == TOK_MINUS)
	{
		bool		minus = ps->tok.type == TOK_MINUS;
		absolv_offset *o;

		if (expr->noffsets >= ABSOLV_MAX_OFFSETS)
			return FAIL_CODE(ps, ABSOLV_ERR_LIMIT, "a date has at most %d offsets",
							 ABSOLV_MAX_OFFSETS);
		o = &expr->offsets[expr->noffsets++];
		if (!next_token(ps) || !parse_amount(ps, &o->amount) ||
			!parse_unit(ps, true, false, &o->unit))
			return false;
		if (minus)
			o->amount = -o->amount;
	}
	return true;
}

static int64_t offset_bound(const absolv_date_expr *e, bool upper);

/* the first day of a window and its "..", relative to the exit day */
static bool
parse_range_start(parser *ps, absolv_range_expr *range)
{
	return parse_date_expr(ps, &range->from, true) &&
		expect_tok(ps, TOK_DOTDOT, "\"..\" between the first and the last day of the window");
}

/* the last day of a window that starts at pos; a window is never empty */
static bool
parse_range_end(parser *ps, absolv_range_expr *range, size_t pos)
{
	if (!parse_date_expr(ps, &range->to, true))
		return false;
	if (offset_bound(&range->from, true) > offset_bound(&range->to, false))
		return fail_at(ps, ABSOLV_ERR_INVALID, pos, ps->tok.start - pos,
					   "the window can end before it starts");
	return true;
}

/* a window: date .. date, both relative to the exit day, never empty */
static bool
parse_range(parser *ps, absolv_range_expr *range)
{
	size_t		pos = ps->tok.start;

	return parse_range_start(ps, range) && parse_range_end(ps, range, pos);
}

/*
 * The window of a term: a window, or in an exclusion also
 * "date .. deadline", which ends on the last day the variant's requirement
 * can still be met (at the earliest the end of the variant's window, which
 * is parsed before its terms).
 */
static bool
parse_term_window(parser *ps, absolv_term *t)
{
	size_t		pos = ps->tok.start;

	if (!parse_range_start(ps, &t->window))
		return false;
	if (!is_kw(ps, "deadline"))
		return parse_range_end(ps, &t->window, pos);
	if (!ps->in_exclusion)
		return FAIL_CODE(ps, ABSOLV_ERR_INVALID,
						 "\"deadline\" ends only the window of an exclusion's term");
	if (t->is_followup)
		return FAIL_CODE(ps, ABSOLV_ERR_INVALID,
						 "a follow-up term (\"after\") cannot end at the deadline");
	if (offset_bound(&t->window.from, true) > offset_bound(&ps->variant->window.to, false))
		return fail_at(ps, ABSOLV_ERR_INVALID, pos, ps->tok.start - pos,
					   "the window can end before it starts: it must start by the end of the variant's window");
	memset(&t->window.to, 0, sizeof(t->window.to));
	t->to_deadline = true;
	return next_token(ps);
}

/* ------------------------------------------------------------ measures */

/*
 * One measure reference: a code or alias (word or string), "FBW*" for the
 * FbW family, "§45" or "S45" for the § 45 family.
 */
static bool
parse_measure_ref(parser *ps, absolv_measure_set *set)
{
	const char *text;
	size_t		len;
	int			m;

	if (ps->tok.type != TOK_WORD && ps->tok.type != TOK_STRING)
		return FAIL(ps, "expected a measure code such as FBW, FBW*, MAT or BVB");
	code_text(ps, &text, &len);
	if ((len == 3 && (memcmp(text, "S45", 3) == 0 || memcmp(text, "s45", 3) == 0)) ||
		(len == 4 && memcmp(text, "\xC2\xA7" "45", 4) == 0))
	{
		*set = ABSOLV_FAMILY_S45;
		return next_token(ps);
	}
	m = absolv_measure_lookup(text, len);
	if (m == ABSOLV_CODE_UNKNOWN)
		return FAIL_CODE(ps, ABSOLV_ERR_UNKNOWN_CODE,
						 "unknown measure: expected a measure code such as FBW, MAT, AGH or BVB (see docs/codes.md)");
	if (!next_token(ps))
		return false;
	if (ps->tok.type == TOK_STAR)
	{
		if (m != ABSOLV_MEASURE_FBW)
			return FAIL(ps, "only FBW* names a family of measures");
		*set = ABSOLV_FAMILY_FBW;
		return next_token(ps);
	}
	*set = ABSOLV_MEASURE_BIT(m);
	return true;
}

/* ( ref, ref, ... ) */
static bool
parse_measure_list(parser *ps, absolv_measure_set *set)
{
	*set = 0;
	if (!expect_tok(ps, TOK_LPAREN, "\"(\" before the list of measures"))
		return false;
	for (;;)
	{
		absolv_measure_set one;
		size_t		pos = ps->tok.start,
					len = ps->tok.len;

		if (!parse_measure_ref(ps, &one))
			return false;
		if (*set & one)
			return fail_at(ps, ABSOLV_ERR_INVALID, pos, len,
						   "measure listed twice");
		*set |= one;
		if (ps->tok.type == TOK_COMMA)
		{
			if (!next_token(ps))
				return false;
			continue;
		}
		return expect_tok(ps, TOK_RPAREN, "\",\" or \")\" in the list of measures");
	}
}

/* goal INTEGRATION | goal in (INTEGRATION, OTHER) [not null] */
static bool
parse_goal_filter(parser *ps, absolv_attr_filter *f)
{
	bool		ok;
	bool		list;

	if (f->present)
		return FAIL(ps, "goal is given twice");
	f->present = true;
	f->null_passes = true;
	list = accept_kw(ps, "in", &ok);
	if (!ok || (list && !expect_tok(ps, TOK_LPAREN, "\"(\" before the list of goals")))
		return false;
	for (;;)
	{
		const char *text;
		size_t		len;
		int			g;

		if (ps->tok.type != TOK_WORD && ps->tok.type != TOK_STRING &&
			ps->tok.type != TOK_NUMBER)
			return FAIL(ps, "expected a goal: INTEGRATION or OTHER");
		code_text(ps, &text, &len);
		if (is_kw(ps, "other"))
			g = ABSOLV_GOAL_OTHER;
		else if (absolv_goal_lookup(text, len) == ABSOLV_GOAL_INTEGRATION)
			g = ABSOLV_GOAL_INTEGRATION;
		else
			return FAIL_CODE(ps, ABSOLV_ERR_UNKNOWN_CODE,
							 "unknown goal: expected INTEGRATION or OTHER");
		if (f->accepted & (1u << g))
			return FAIL_CODE(ps, ABSOLV_ERR_INVALID, "goal listed twice");
		f->accepted |= 1u << g;
		if (!next_token(ps))
			return false;
		if (!list)
			break;
		if (ps->tok.type == TOK_COMMA)
		{
			if (!next_token(ps))
				return false;
			continue;
		}
		if (!expect_tok(ps, TOK_RPAREN, "\",\" or \")\" in the list of goals"))
			return false;
		break;
	}
	if (accept_kw(ps, "not", &ok))
	{
		if (!ok || !expect_kw(ps, "null", " after \"not\""))
			return false;
		f->null_passes = false;
	}
	return ok;
}

/*
 * One item of a scope's measure list, with optional conditions:
 *   FBW*  |  BVB with goal INTEGRATION  |  (MAT, MAG) with duration more than 3 months
 */
static bool
parse_scope_measure_item(parser *ps, absolv_scope *scope)
{
	absolv_measure_set set;
	absolv_measure_scope conds;
	size_t		pos = ps->tok.start;
	bool		ok;

	memset(&conds, 0, sizeof(conds));
	if (ps->tok.type == TOK_LPAREN)
	{
		if (!parse_measure_list(ps, &set))
			return false;
	}
	else if (!parse_measure_ref(ps, &set))
		return false;
	if (scope->measures & set)
		return fail_at(ps, ABSOLV_ERR_INVALID, pos, ps->tok.start - pos,
					   "measure listed twice");
	if (accept_kw(ps, "with", &ok))
	{
		if (!ok)
			return false;
		for (;;)
		{
			if (accept_kw(ps, "duration", &ok))
			{
				if (!ok || !parse_duration_range(ps, &conds.duration))
					return false;
			}
			else if (accept_kw(ps, "goal", &ok))
			{
				if (!ok || !parse_goal_filter(ps, &conds.goal))
					return false;
			}
			else
				return FAIL(ps, "expected \"duration\" or \"goal\" after \"with\"");
			if (!accept_kw(ps, "and", &ok))
				break;
			if (!ok)
				return false;
		}
	}
	else if (!ok)
		return false;
	scope->measures |= set;
	for (int m = 0; m < ABSOLV_MEASURE_COUNT; m++)
		if (set & ABSOLV_MEASURE_BIT(m))
			scope->per_measure[m] = conds;
	return true;
}

/* measure any | measure in ( item, item, ... ) */
static bool
parse_scope_measures(parser *ps, absolv_scope *scope)
{
	bool		ok;

	if (scope->measures)
		return FAIL(ps, "the measures of the scope are given twice");
	if (accept_kw(ps, "any", &ok))
	{
		if (ok)
			scope->measures = (absolv_measure_set) ((1u << ABSOLV_MEASURE_COUNT) - 1);
		return ok;
	}
	if (!ok || !expect_kw(ps, "in", " or \"any\" after \"measure\"") ||
		!expect_tok(ps, TOK_LPAREN, "\"(\" before the list of measures"))
		return false;
	for (;;)
	{
		if (!parse_scope_measure_item(ps, scope))
			return false;
		if (ps->tok.type == TOK_COMMA)
		{
			if (!next_token(ps))
				return false;
			continue;
		}
		return expect_tok(ps, TOK_RPAREN, "\",\" or \")\" in the list of measures");
	}
}

typedef int (*code_lookup_fn) (const char *text, size_t len);

/* in ( code, ... ) [not null], codes of one list; "not null" only if allowed */
static bool
parse_attr_filter(parser *ps, absolv_attr_filter *f, code_lookup_fn lookup,
				  const char *what, const char *accepted, bool allow_not_null)
{
	bool		ok;

	if (f->present)
		return FAIL(ps, "%s is given twice", what);
	f->present = true;
	f->null_passes = true;
	if (!expect_kw(ps, "in", "") ||
		!expect_tok(ps, TOK_LPAREN, "\"(\" before the list of codes"))
		return false;
	for (;;)
	{
		const char *text;
		size_t		len;
		int			code;

		if (ps->tok.type != TOK_WORD && ps->tok.type != TOK_STRING)
			return FAIL(ps, "expected a %s code: %s", what, accepted);
		code_text(ps, &text, &len);
		code = lookup(text, len);
		if (code == ABSOLV_CODE_NULL)
			return FAIL_CODE(ps, ABSOLV_ERR_INVALID,
							 "\"nicht gesetzt\" is no %s code: an unset value passes "
							 "the filter unless it says \"not null\"", what);
		if (code < 0)
			return FAIL_CODE(ps, ABSOLV_ERR_UNKNOWN_CODE, "unknown %s: expected %s",
							 what, accepted);
		if (f->accepted & (1u << code))
			return FAIL_CODE(ps, ABSOLV_ERR_INVALID, "%s listed twice", what);
		f->accepted |= 1u << code;
		if (!next_token(ps))
			return false;
		if (ps->tok.type == TOK_COMMA)
		{
			if (!next_token(ps))
				return false;
			continue;
		}
		if (!expect_tok(ps, TOK_RPAREN, "\",\" or \")\" in the list of codes"))
			return false;
		break;
	}
	if (is_kw(ps, "not") && !allow_not_null)
		return FAIL_CODE(ps, ABSOLV_ERR_INVALID,
						 "a NULL %s counts as SUCCESS: \"not null\" does not apply", what);
	if (accept_kw(ps, "not", &ok))
	{
		if (!ok || !expect_kw(ps, "null", " after \"not\""))
			return false;
		f->null_passes = false;
	}
	return ok;
}

/* outcome successful | any | in (codes) */
static bool
parse_outcome(parser *ps, absolv_scope *scope, bool *seen)
{
	bool		ok;

	if (*seen)
		return FAIL(ps, "outcome is given twice");
	*seen = true;
	if (accept_kw(ps, "successful", &ok))
	{
		scope->outcomes = (1u << ABSOLV_OUTCOME_SUCCESS) | (1u << ABSOLV_OUTCOME_GOAL_EARLY);
		return ok;
	}
	if (ok && accept_kw(ps, "any", &ok))
	{
		scope->outcomes = (1u << ABSOLV_OUTCOME_COUNT) - 1;
		return ok;
	}
	if (!ok)
		return false;
	if (!is_kw(ps, "in"))
		return FAIL(ps, "expected \"successful\", \"any\" or \"in\" after \"outcome\"");
	{
		absolv_attr_filter f;

		memset(&f, 0, sizeof(f));
		if (!parse_attr_filter(ps, &f, absolv_outcome_lookup, "outcome",
							   absolv_outcome_accepted(), false))
			return false;
		scope->outcomes = f.accepted;
	}
	return true;
}

/* scope item item ... */
static bool
parse_scope(parser *ps, absolv_scope *scope)
{
	bool		ok;
	bool		outcome_seen = false;
	int			items = 0;

	scope->outcomes = (1u << ABSOLV_OUTCOME_COUNT) - 1;
	for (;;)
	{
		if (accept_kw(ps, "measure", &ok))
		{
			if (!ok || !parse_scope_measures(ps, scope))
				return false;
		}
		else if (ok && accept_kw(ps, "duration", &ok))
		{
			if (!ok || !parse_duration_range(ps, &scope->duration))
				return false;
		}
		else if (ok && accept_kw(ps, "outcome", &ok))
		{
			if (!ok || !parse_outcome(ps, scope, &outcome_seen))
				return false;
		}
		else if (ok && accept_kw(ps, "customer", &ok))
		{
			if (!ok || !expect_kw(ps, "status", " after \"customer\"") ||
				!parse_attr_filter(ps, &scope->customer_status,
								   absolv_customer_status_lookup, "customer status",
								   absolv_customer_status_accepted(), true))
				return false;
		}
		else if (ok && accept_kw(ps, "legal", &ok))
		{
			if (!ok || !expect_kw(ps, "sphere", " after \"legal\"") ||
				!parse_attr_filter(ps, &scope->legal_sphere,
								   absolv_legal_sphere_lookup, "legal sphere",
								   absolv_legal_sphere_accepted(), true))
				return false;
		}
		else if (ok && accept_kw(ps, "cosach", &ok))
		{
			if (!ok || !expect_kw(ps, "status", " after \"cosach\"") ||
				!parse_attr_filter(ps, &scope->cosach_status,
								   absolv_cosach_lookup, "CoSach status",
								   absolv_cosach_accepted(), true))
				return false;
		}
		else if (!ok)
			return false;
		else if (items == 0)
			return FAIL(ps, "expected a scope item: \"measure\", \"duration\", \"outcome\", "
						"\"customer status\", \"legal sphere\" or \"cosach status\"");
		else
			break;
		items++;
		if (ps->tok.type == TOK_COMMA && !next_token(ps))
			return false;
	}
	if (scope->measures == 0)
		return fail_at(ps, ABSOLV_ERR_INVALID, ps->tok.start, 0,
					   "the scope must name its measures: \"measure in (...)\" or \"measure any\"");
	return true;
}

/* ---------------------------------------------------------- conditions */

/* when measure in (...) [and duration ...] | when duration ... | otherwise */
static bool
parse_condition(parser *ps, absolv_condition *cond, bool allow_none)
{
	bool		ok;

	memset(cond, 0, sizeof(*cond));
	if (accept_kw(ps, "otherwise", &ok))
	{
		cond->otherwise = true;
		return ok;
	}
	if (!ok)
		return false;
	if (!is_kw(ps, "when"))
	{
		if (allow_none)
		{
			cond->otherwise = true;
			return true;
		}
		return FAIL(ps, "expected \"when\" or \"otherwise\"");
	}
	if (!next_token(ps))
		return false;
	for (;;)
	{
		if (accept_kw(ps, "measure", &ok))
		{
			if (!ok)
				return false;
			if (cond->measures)
				return FAIL(ps, "measure is given twice");
			if (!expect_kw(ps, "in", " after \"measure\"") ||
				!parse_measure_list(ps, &cond->measures))
				return false;
		}
		else if (ok && accept_kw(ps, "duration", &ok))
		{
			if (!ok || !parse_duration_range(ps, &cond->duration))
				return false;
		}
		else if (!ok)
			return false;
		else
			return FAIL(ps, "expected \"measure\" or \"duration\" in a condition");
		if (!accept_kw(ps, "and", &ok))
			return ok;
		if (!ok)
			return false;
	}
}

/* --------------------------------------------------------- expressions */

/* add a tree node; returns its index or -1 */
static int
tree_add(parser *ps, uint8_t op, uint8_t term)
{
	tree_node  *n;

	if (ps->ntree >= MAX_TREE_NODES)
	{
		FAIL_CODE(ps, ABSOLV_ERR_LIMIT, "a requirement has at most %d parts",
				  ABSOLV_MAX_NODES);
		return -1;
	}
	n = &ps->tree[ps->ntree];
	n->op = op;
	n->term = term;
	n->first_child = -1;
	n->next_sibling = -1;
	return ps->ntree++;
}

/* append child to an AND/OR node, flattening a child of the same operator */
static void
tree_append(parser *ps, int parent, int child)
{
	int		   *link = &ps->tree[parent].first_child;

	while (*link >= 0)
		link = &ps->tree[*link].next_sibling;
	if (ps->tree[child].op == ps->tree[parent].op)
		*link = ps->tree[child].first_child;
	else
		*link = child;
}

/* look up an evidence kind at the current token */
static bool
parse_kind(parser *ps, uint8_t *kind)
{
	const char *text;
	size_t		len;
	int			k;

	if (ps->tok.type != TOK_WORD && ps->tok.type != TOK_STRING)
		return FAIL(ps, "expected an evidence kind such as EINV, VV, SI or CONTACT");
	code_text(ps, &text, &len);
	k = absolv_evidence_kind_lookup(text, len);
	if (k < 0)
		return FAIL_CODE(ps, ABSOLV_ERR_UNKNOWN_CODE,
						 "unknown evidence kind: expected EINV, VV, SI, CONTACT, MISSED, EXCEPTION or HIRING_COMMITMENT");
	*kind = (uint8_t) k;
	return next_token(ps);
}

/*
 * term := KIND [in force at exit [if concluded by exit]]
 *              [after KIND within n unit [of LAND]]
 *              [within range]
 */
static bool
parse_term(parser *ps, int *node)
{
	absolv_variant *v = ps->variant;
	absolv_term *t;
	size_t		pos = ps->tok.start;
	bool		ok;
	int			idx;

	if (v->nterms >= ABSOLV_MAX_TERMS)
		return FAIL_CODE(ps, ABSOLV_ERR_LIMIT, "a variant has at most %d evidence terms",
						 ABSOLV_MAX_TERMS);
	idx = v->nterms;
	t = &v->terms[idx];
	memset(t, 0, sizeof(*t));
	if (!parse_kind(ps, &t->kind))
		return false;
	if (accept_kw(ps, "in", &ok))
	{
		if (!ok || !expect_kw(ps, "force", " after \"in\"") ||
			!expect_kw(ps, "at", " after \"in force\"") ||
			!expect_kw(ps, "exit", " after \"in force at\""))
			return false;
		t->qualifier = ABSOLV_QUAL_IN_FORCE_AT_EXIT;
		if (accept_kw(ps, "if", &ok))
		{
			if (!ok || !expect_kw(ps, "concluded", " after \"if\"") ||
				!expect_kw(ps, "by", " after \"if concluded\"") ||
				!expect_kw(ps, "exit", " after \"if concluded by\""))
				return false;
			t->qualifier = ABSOLV_QUAL_IN_FORCE_IF_CONCLUDED_BY_EXIT;
		}
		else if (!ok)
			return false;
	}
	else if (!ok)
		return false;
	if (is_kw(ps, "after") && t->qualifier != ABSOLV_QUAL_NONE)
		return FAIL_CODE(ps, ABSOLV_ERR_INVALID,
						 "a follow-up term (\"after\") cannot also require \"in force at exit\"");
	if (accept_kw(ps, "after", &ok))
	{
		if (!ok)
			return false;
		t->is_followup = true;
		if (!parse_kind(ps, &t->trigger_kind) ||
			!expect_kw(ps, "within", " and a time limit after the triggering evidence kind"))
			return false;
		if (ps->tok.type == TOK_NUMBER && ps->tok.number == 0)
			return FAIL_CODE(ps, ABSOLV_ERR_INVALID,
							 "a follow-up needs a time limit of at least 1");
		if (!parse_amount(ps, &t->limit_amount) ||
			!parse_unit(ps, false, true, &t->limit_unit))
			return false;
		if (t->limit_unit != ABSOLV_UNIT_WORKING_DAYS && is_kw(ps, "of"))
			return FAIL(ps, "a Land goes only with working days");
		if (t->limit_unit == ABSOLV_UNIT_WORKING_DAYS)
		{
			const char *text;
			size_t		len;
			int			land;

			if (!expect_kw(ps, "of", ": working days need a Land, for example \"of HE\""))
				return false;
			if (ps->tok.type != TOK_WORD && ps->tok.type != TOK_STRING)
				return FAIL(ps, "expected a Land code such as HE or NW");
			take_hyphenated_word(ps);
			code_text(ps, &text, &len);
			land = absolv_land_lookup(text, len);
			if (land <= ABSOLV_LAND_NONE)
				return FAIL_CODE(ps, ABSOLV_ERR_UNKNOWN_CODE,
								 "unknown calendar: expected one of %s",
								 absolv_land_accepted());
			t->land = (uint8_t) land;
			if (!next_token(ps))
				return false;
		}
	}
	else if (!ok)
		return false;
	if (accept_kw(ps, "within", &ok))
	{
		if (!ok || !parse_term_window(ps, t))
			return false;
		t->has_window = true;
	}
	else if (!ok)
		return false;
	ps->term_pos[ps->variant - ps->rule->variants][idx] = pos;
	v->nterms++;
	*node = tree_add(ps, ABSOLV_NODE_TERM, (uint8_t) idx);
	return *node >= 0;
}

/* primary := ( expr ) | term */
static bool
parse_primary(parser *ps, int *node)
{
	if (ps->tok.type == TOK_LPAREN)
	{
		bool		ok;

		if (ps->depth >= ABSOLV_MAX_DEPTH)
			return FAIL_CODE(ps, ABSOLV_ERR_LIMIT, "parentheses nest at most %d deep",
							 ABSOLV_MAX_DEPTH);
		ps->depth++;
		ok = next_token(ps) && parse_expr(ps, node) &&
			expect_tok(ps, TOK_RPAREN, "\")\", \"and\" or \"or\"");
		ps->depth--;
		return ok;
	}
	return parse_term(ps, node);
}

/* a chain of operands joined by one operator keyword */
static bool
parse_chain(parser *ps, int *node, const char *kw, uint8_t op)
{
	int			first,
				parent = -1;
	bool		ok;

	if (op == ABSOLV_NODE_AND ? !parse_primary(ps, &first) : !parse_chain(ps, &first, "and", ABSOLV_NODE_AND))
		return false;
	while (accept_kw(ps, kw, &ok))
	{
		int			next;

		if (!ok)
			return false;
		if (parent < 0)
		{
			parent = tree_add(ps, op, 0);
			if (parent < 0)
				return false;
			tree_append(ps, parent, first);
		}
		if (op == ABSOLV_NODE_AND ? !parse_primary(ps, &next) : !parse_chain(ps, &next, "and", ABSOLV_NODE_AND))
			return false;
		tree_append(ps, parent, next);
	}
	if (!ok)
		return false;
	*node = parent >= 0 ? parent : first;
	return true;
}

/* expr := and_chain (or and_chain)* */
static bool
parse_expr(parser *ps, int *node)
{
	return parse_chain(ps, node, "or", ABSOLV_NODE_OR);
}

/* emit the tree below node in postfix order */
static bool
emit_postfix(parser *ps, int node, absolv_expr *expr, size_t pos)
{
	tree_node  *n = &ps->tree[node];
	int			nargs = 0;

	if (n->op != ABSOLV_NODE_TERM)
	{
		for (int c = n->first_child; c >= 0; c = ps->tree[c].next_sibling)
		{
			if (!emit_postfix(ps, c, expr, pos))
				return false;
			nargs++;
		}
	}
	if (expr->nnodes >= ABSOLV_MAX_NODES)
		return fail_at(ps, ABSOLV_ERR_LIMIT, pos, 0,
					   "a requirement has at most %d parts", ABSOLV_MAX_NODES);
	expr->nodes[expr->nnodes].op = n->op;
	expr->nodes[expr->nnodes].arg = n->op == ABSOLV_NODE_TERM ? n->term : (uint8_t) nargs;
	expr->nnodes++;
	return true;
}

/* require/exclude expression into expr */
static bool
parse_requirement(parser *ps, absolv_expr *expr)
{
	size_t		pos = ps->tok.start;
	int			root;

	ps->ntree = 0;
	ps->depth = 0;
	memset(expr, 0, sizeof(*expr));
	return parse_expr(ps, &root) && emit_postfix(ps, root, expr, pos);
}

/* ------------------------------------------------------------- variants */

/* window, require and exclude of one variant; order is fixed */
static bool
parse_variant_body(parser *ps, absolv_variant *v)
{
	bool		ok;

	ps->variant = v;
	if (!expect_kw(ps, "window", "") || !parse_range(ps, &v->window))
		return false;
	if (!expect_kw(ps, "require", " after the window") ||
		!parse_requirement(ps, &v->require))
		return false;
	if (accept_kw(ps, "exclude", &ok))
	{
		ps->in_exclusion = true;
		ok = ok && parse_requirement(ps, &v->exclude);
		ps->in_exclusion = false;
	}
	return ok;
}

/* a rule or variant name: an identifier, folded to lower case */
static bool
take_name(parser *ps, char *buf, const char *what)
{
	size_t		len = ps->tok.len;

	if (ps->tok.type != TOK_WORD)
		return FAIL(ps, "expected %s", what);
	if (len >= ABSOLV_MAX_NAME)
		return FAIL_CODE(ps, ABSOLV_ERR_LIMIT, "names are at most %d bytes",
						 ABSOLV_MAX_NAME - 1);
	for (size_t i = 0; i < len; i++)
	{
		char		c = ps->text[ps->tok.start + i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
			  (i > 0 && c >= '0' && c <= '9')))
			return FAIL(ps, "expected %s: letters, digits and _ only", what);
		buf[i] = (c >= 'A' && c <= 'Z') ? (char) (c - 'A' + 'a') : c;
	}
	buf[len] = '\0';
	return next_token(ps);
}

/* variant NAME ["description"] (when ... | otherwise) window ... require ... [exclude ...] */
static bool
parse_variant(parser *ps)
{
	absolv_rule *r = ps->rule;
	absolv_variant *v;
	size_t		name_pos,
				name_len;

	if (r->nvariants >= ABSOLV_MAX_VARIANTS)
		return FAIL_CODE(ps, ABSOLV_ERR_LIMIT, "a rule has at most %d variants",
						 ABSOLV_MAX_VARIANTS);
	if (r->nvariants > 0 && r->variants[r->nvariants - 1].when.otherwise)
		return FAIL(ps, "a variant after the \"otherwise\" variant is never used");
	v = &r->variants[r->nvariants++];
	name_pos = ps->tok.start;
	name_len = ps->tok.len;
	if (!take_name(ps, v->name, "a variant name"))
		return false;
	for (int i = 0; i + 1 < r->nvariants; i++)
		if (strcmp(r->variants[i].name, v->name) == 0)
			return fail_at(ps, ABSOLV_ERR_INVALID, name_pos, name_len,
						   "variant name \"%s\" is used twice", v->name);
	if (ps->tok.type == TOK_STRING &&
		!take_string(ps, v->description, sizeof(v->description), "a description"))
		return false;
	return parse_condition(ps, &v->when, false) && parse_variant_body(ps, v);
}

/* due "name" date [when ... | otherwise] [note "text"] */
static bool
parse_due(parser *ps)
{
	absolv_rule *r = ps->rule;
	absolv_step *s;
	bool		ok;

	if (r->nsteps >= ABSOLV_MAX_STEPS)
		return FAIL_CODE(ps, ABSOLV_ERR_LIMIT, "a rule has at most %d due dates",
						 ABSOLV_MAX_STEPS);
	s = &r->steps[r->nsteps++];
	if (ps->tok.type == TOK_STRING && ps->tok.len == 2)
		return FAIL_CODE(ps, ABSOLV_ERR_INVALID, "the name of a due date must not be empty");
	if (!take_string(ps, s->name, sizeof(s->name), "the name of the due date"))
		return false;
	if (!parse_date_expr(ps, &s->due, false) || !parse_condition(ps, &s->when, true))
		return false;
	if (accept_kw(ps, "note", &ok))
		return ok && take_string(ps, s->description, sizeof(s->description), "a note");
	return ok;
}

/* ------------------------------------------------------------ validation */

/* upper bound, in days, of |offset| reached by a date expression */
static int64_t
offset_bound(const absolv_date_expr *e, bool upper)
{
	int64_t		days = 0;

	for (int i = 0; i < e->noffsets; i++)
	{
		int64_t		a = e->offsets[i].amount;

		switch (e->offsets[i].unit)
		{
			case ABSOLV_UNIT_WEEKS:
				days += 7 * a;
				break;
			case ABSOLV_UNIT_MONTHS:
				/* a month is 28 to 31 days */
				days += (upper == (a > 0)) ? 31 * a : 28 * a;
				break;
			default:
				days += a;
				break;
		}
	}
	return days;
}

/* upper bound of the calendar days spanned by a follow-up limit */
static int64_t
followup_span_bound(const absolv_term *t)
{
	switch (t->limit_unit)
	{
		case ABSOLV_UNIT_WEEKS:
			return 7 * (int64_t) t->limit_amount;
		case ABSOLV_UNIT_WORKING_DAYS:
			/* weekends, plus at most 16 holidays in any stretch of a year */
			return 2 * (int64_t) t->limit_amount + 16 * (1 + t->limit_amount / 200);
		default:
			return t->limit_amount;
	}
}

/* checks that need a whole variant: follow-up spans and counts */
static bool
validate_variant(parser *ps, int vi)
{
	absolv_variant *v = &ps->rule->variants[vi];
	int			followups = 0;

	for (int i = 0; i < v->nterms; i++)
	{
		const absolv_term *t = &v->terms[i];
		const absolv_range_expr *w = t->has_window ? &t->window : &v->window;
		int64_t		span;

		if (!t->is_followup)
			continue;
		if (++followups > ABSOLV_MAX_FOLLOWUPS)
			return fail_at(ps, ABSOLV_ERR_LIMIT, ps->term_pos[vi][i], 0,
						   "a variant has at most %d follow-up terms (\"after\")",
						   ABSOLV_MAX_FOLLOWUPS);
		span = offset_bound(&w->to, true) - offset_bound(&w->from, false) + 1 +
			followup_span_bound(t);
		if (span >= ABSOLV_FOLLOWUP_DAYS)
			return fail_at(ps, ABSOLV_ERR_LIMIT, ps->term_pos[vi][i], 0,
						   "a follow-up term may span at most %d days, window and time limit together",
						   ABSOLV_FOLLOWUP_DAYS - 1);
	}
	return true;
}

/* ----------------------------------------------------------------- rule */

/* check that text is valid UTF-8; report the first bad byte */
static bool
check_utf8(parser *ps)
{
	size_t		i = 0;

	while (i < ps->len)
	{
		unsigned char c = (unsigned char) ps->text[i];
		int			n;
		uint32_t	cp;

		if (c < 0x80)
		{
			if (c == 0)
				return fail_at(ps, ABSOLV_ERR_SYNTAX, i, 0, "NUL byte in rule text");
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			n = 1, cp = c & 0x1F;
		else if (c >= 0xE0 && c <= 0xEF)
			n = 2, cp = c & 0x0F;
		else if (c >= 0xF0 && c <= 0xF4)
			n = 3, cp = c & 0x07;
		else
			return fail_at(ps, ABSOLV_ERR_SYNTAX, i, 0, "invalid UTF-8 byte sequence");
		for (int k = 1; k <= n; k++)
		{
			unsigned char cc;

			if (i + k >= ps->len)
				return fail_at(ps, ABSOLV_ERR_SYNTAX, i, 0, "invalid UTF-8 byte sequence");
			cc = (unsigned char) ps->text[i + k];
			if ((cc & 0xC0) != 0x80)
				return fail_at(ps, ABSOLV_ERR_SYNTAX, i, 0, "invalid UTF-8 byte sequence");
			cp = (cp << 6) | (cc & 0x3F);
		}
		if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
			(n == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
			return fail_at(ps, ABSOLV_ERR_SYNTAX, i, 0, "invalid UTF-8 byte sequence");
		i += n + 1;
	}
	return true;
}

/*
 * rule NAME ["description"]
 *   scope ...
 *   (window ... require ... [exclude ...] | variant ... variant ...)
 *   due ...
 */
bool
absolv_rule_parse(const char *text, size_t len, absolv_rule *rule, absolv_error *error)
{
	parser		ps;
	bool		ok;
	bool		scope_seen = false;

	memset(error, 0, sizeof(*error));
	memset(rule, 0, sizeof(*rule));
	memset(&ps, 0, sizeof(ps));
	ps.text = text;
	ps.len = len;
	ps.rule = rule;
	ps.error = error;
	if (len > ABSOLV_MAX_RULE_TEXT)
		return fail_at(&ps, ABSOLV_ERR_LIMIT, 0, 0,
					   "rule text is %zu bytes, at most %d are allowed",
					   len, ABSOLV_MAX_RULE_TEXT);
	if (!check_utf8(&ps) || !next_token(&ps))
		return false;
	if (ps.tok.type == TOK_EOF)
		return FAIL(&ps, "expected \"rule\": the rule text is empty");
	if (!expect_kw(&ps, "rule", " at the start of a rule") ||
		!take_name(&ps, rule->name, "the rule's name"))
		return false;
	if (ps.tok.type == TOK_STRING &&
		!take_string(&ps, rule->description, sizeof(rule->description), "a description"))
		return false;

	for (;;)
	{
		if (accept_kw(&ps, "scope", &ok))
		{
			if (!ok)
				return false;
			if (scope_seen)
				return FAIL(&ps, "the scope is given twice");
			scope_seen = true;
			if (!parse_scope(&ps, &rule->scope))
				return false;
		}
		else if (ok && is_kw(&ps, "window"))
		{
			if (rule->nvariants > 0)
				return FAIL(&ps, rule->has_variants ?
							"a rule with variants has its windows inside the variants" :
							"the window is given twice");
			rule->nvariants = 1;
			rule->variants[0].when.otherwise = true;
			if (!parse_variant_body(&ps, &rule->variants[0]))
				return false;
		}
		else if (ok && accept_kw(&ps, "variant", &ok))
		{
			if (!ok)
				return false;
			if (rule->nvariants > 0 && !rule->has_variants)
				return FAIL(&ps, "a rule with a window of its own has no variants");
			rule->has_variants = true;
			if (!parse_variant(&ps))
				return false;
		}
		else if (ok && accept_kw(&ps, "due", &ok))
		{
			if (!ok || !parse_due(&ps))
				return false;
		}
		else if (!ok)
			return false;
		else if (ps.tok.type == TOK_EOF)
			break;
		else
			return FAIL(&ps, "expected \"scope\", \"window\", \"variant\", \"due\" or the end of the rule");
	}
	if (!scope_seen)
		return FAIL(&ps, "expected \"scope\": a rule needs a scope");
	if (rule->nvariants == 0)
		return FAIL(&ps, "expected \"window\" or \"variant\": a rule needs a window and a requirement");
	if (!rule->variants[rule->nvariants - 1].when.otherwise)
		return FAIL(&ps, "expected another variant: the last variant must be \"otherwise\"");
	for (int i = 0; i < rule->nvariants; i++)
		if (!validate_variant(&ps, i))
			return false;
	return true;
}
