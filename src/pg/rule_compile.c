/*
 * rule_compile.c
 *	  Compiling rules: rule text -> the core's absolv_rule, a rule -> its
 *	  canonical text, a parse error -> its errdetail, and the canonical
 *	  texts of the presets, computed once per backend.
 *
 * Everything that parses or prints a rule in the glue goes through here:
 * the absolv_rule type (rule_type.c) for input, and the call-site cache
 * (call_site_cache.c) for the rules it compiles.
 */
#include "postgres.h"

#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "parser/scansup.h"
#include "utils/memutils.h"

#include "absolv_pg.h"

/*
 * Parse rule text into a palloc'd rule, or return NULL and fill *error.
 * The compiled rule is tens of kilobytes: it never lives on the stack.
 */
absolv_rule *
absolv_rule_compile(const char *text, int len, absolv_error *error)
{
	absolv_rule *rule;

	check_stack_depth();

	rule = palloc(sizeof(absolv_rule));
	if (!absolv_rule_parse(text, (size_t) len, rule, error))
	{
		pfree(rule);
		return NULL;
	}
	return rule;
}

/*
 * Print the canonical text of a rule into a new absolv_rule varlena.  Most
 * rules fit a 4 kB stack buffer; a longer one is printed a second time
 * straight into a varlena of the right size.
 */
struct varlena *
absolv_rule_canonical(const absolv_rule *rule)
{
	char		buf[4096];
	size_t		len;
	struct varlena *result;

	len = absolv_rule_print(rule, buf, sizeof(buf));

	/* one byte more than needed, for the NUL the printer writes */
	result = palloc(VARHDRSZ + len + 1);
	SET_VARSIZE(result, VARHDRSZ + len);
	if (len < sizeof(buf))
		memcpy(VARDATA(result), buf, len);
	else
		absolv_rule_print(rule, VARDATA(result), len + 1);
	return result;
}

/*
 * The errdetail of a parse error: "At character 12, at or near "foo":
 * expected a date."  The position and the token are left out when the
 * parser has none.
 */
char *
absolv_error_detail(const absolv_error *error)
{
	StringInfoData buf;
	int			found_len = strnlen(error->found, sizeof(error->found));
	int			message_len = strnlen(error->message, sizeof(error->message));

	/* the message is completed to a sentence here */
	while (message_len > 0 && error->message[message_len - 1] == '.')
		message_len--;

	initStringInfo(&buf);
	if (error->position > 0)
	{
		appendStringInfo(&buf, "At character %d", error->position);
		if (found_len > 0)
			appendStringInfo(&buf, ", at or near \"%.*s\"",
							 found_len, error->found);
		appendStringInfo(&buf, ": %.*s.", message_len, error->message);
	}
	else
	{
		appendStringInfo(&buf, "%.*s.", message_len, error->message);
		buf.data[0] = pg_toupper((unsigned char) buf.data[0]);
	}
	return buf.data;
}

/*
 * Canonical texts of the presets (absolv_rule varlenas), in one block of
 * TopMemoryContext; NULL until first needed.
 */
static struct varlena **preset_texts = NULL;
static int	npresets = 0;

/*
 * Compute the canonical text of every preset by parsing and printing it,
 * once per backend.  The texts are built in the current memory context and
 * then copied into a single allocation of TopMemoryContext, so an error
 * half way leaves nothing behind.  A preset that does not parse is a bug
 * of the core.
 */
static void
load_preset_texts(void)
{
	int			n = absolv_preset_count();
	struct varlena **texts = palloc(n * sizeof(struct varlena *));
	Size		offset = MAXALIGN(n * sizeof(struct varlena *));
	Size		total = offset;
	char	   *block;

	for (int i = 0; i < n; i++)
	{
		const char *source = absolv_preset_text(i);
		absolv_error error;
		absolv_rule *rule = absolv_rule_compile(source, strlen(source), &error);

		if (rule == NULL)
			ereport(ERROR,
					errcode(ERRCODE_INTERNAL_ERROR),
					errmsg("absolv preset \"%s\" is not a valid rule",
						   absolv_preset_name(i)),
					errdetail("%s", absolv_error_detail(&error)));
		texts[i] = absolv_rule_canonical(rule);
		total += MAXALIGN(VARSIZE(texts[i]));
		pfree(rule);
	}

	block = MemoryContextAlloc(TopMemoryContext, total);
	for (int i = 0; i < n; i++)
	{
		memcpy(block + offset, texts[i], VARSIZE(texts[i]));
		((struct varlena **) block)[i] = (struct varlena *) (block + offset);
		offset += MAXALIGN(VARSIZE(texts[i]));
		pfree(texts[i]);
	}
	pfree(texts);

	preset_texts = (struct varlena **) block;
	npresets = n;
}

/* the canonical text of preset preset_index, as an absolv_rule varlena */
const struct varlena *
absolv_preset_canonical(int preset_index)
{
	if (preset_texts == NULL)
		load_preset_texts();
	Assert(preset_index >= 0 && preset_index < npresets);
	return preset_texts[preset_index];
}

/* index of the preset whose canonical text is text[0..len), or -1 */
int
absolv_preset_index_of(const char *text, int len)
{
	if (preset_texts == NULL)
		load_preset_texts();
	for (int i = 0; i < npresets; i++)
	{
		if (VARSIZE(preset_texts[i]) - VARHDRSZ == (Size) len &&
			memcmp(VARDATA(preset_texts[i]), text, len) == 0)
			return i;
	}
	return -1;
}
