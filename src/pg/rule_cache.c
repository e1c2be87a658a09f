/*
 * rule_cache.c
 *	  Compiled rules, cached per call site, and the canonical texts of the
 *	  presets, computed once per backend.
 *
 * An absolv_rule value stores text; evaluating it needs the compiled
 * absolv_rule (tens of kilobytes).  Each call site keeps, in
 * flinfo->fn_extra, a short list of the rules it has compiled, most
 * recently used first, found again by the canonical text (length, then
 * memcmp).  A query that passes one rule for every row parses it once.
 *
 * A scalar function's cache holds at most RULE_CACHE_SIZE rules and
 * recycles the least recently used one, so a query that brings another rule
 * on every row does not grow without bound.  The aggregate's states point
 * into its cache, so the aggregate marks its cache as kept: nothing in it is
 * freed before fn_mcxt goes away at the end of the query.
 */
#include "postgres.h"

#include "nodes/primnodes.h"
#include "utils/memutils.h"

#include "absolv_pg.h"

/* rules a scalar call site keeps compiled */
#define RULE_CACHE_SIZE 8

typedef struct rule_cache_entry
{
	absolv_cached_rule pub;
	struct rule_cache_entry *next;
} rule_cache_entry;

/* the cache of one call site, in flinfo->fn_extra */
typedef struct rule_cache
{
	rule_cache_entry *head;		/* most recently used first */
	int			nentries;
	bool		keep;			/* never recycle an entry */
	bool		consts_known;	/* const_value has been looked for */
	Pointer		const_value;	/* the value of a constant rule argument, or NULL */
	rule_cache_entry *const_entry;	/* its entry, once compiled */
	void	   *extra;			/* the caller's own call-site data */
} rule_cache;

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
static int
preset_index_of(const char *text, int len)
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

/* the cache of a call site, created on first use */
static rule_cache *
get_cache(FmgrInfo *flinfo)
{
	if (flinfo->fn_extra == NULL)
		flinfo->fn_extra = MemoryContextAllocZero(flinfo->fn_mcxt,
												  sizeof(rule_cache));
	return (rule_cache *) flinfo->fn_extra;
}

/*
 * An entry to fill: the least recently used one, taken out of the list and
 * emptied, when the cache is full and may recycle; a new one otherwise.
 */
static rule_cache_entry *
take_entry(FmgrInfo *flinfo, rule_cache *cache)
{
	rule_cache_entry **link = &cache->head;
	rule_cache_entry *entry;

	if (cache->keep || cache->nentries < RULE_CACHE_SIZE)
		return MemoryContextAlloc(flinfo->fn_mcxt, sizeof(rule_cache_entry));

	while ((*link)->next != NULL)
		link = &(*link)->next;
	entry = *link;
	*link = NULL;
	cache->nentries--;
	if (entry == cache->const_entry)
		cache->const_entry = NULL;

	pfree((absolv_rule *) entry->pub.rule);
	pfree((char *) entry->pub.text);
	return entry;
}

/*
 * Compile text[0..len) into a new entry at the front of the cache.  The
 * text of an absolv_rule value was valid when it was stored: if it no
 * longer parses, the value is corrupted (or was written by an incompatible
 * version of absolv).
 */
static const absolv_cached_rule *
add_entry(FmgrInfo *flinfo, rule_cache *cache, const char *text, int len)
{
	rule_cache_entry *entry = take_entry(flinfo, cache);
	MemoryContext oldcontext = MemoryContextSwitchTo(flinfo->fn_mcxt);
	absolv_error error;
	absolv_rule *rule = absolv_rule_compile(text, len, &error);
	char	   *copy;

	if (rule == NULL)
		ereport(ERROR,
				errcode(ERRCODE_DATA_CORRUPTED),
				errmsg("stored absolv_rule value is not a valid rule"),
				errdetail("%s", absolv_error_detail(&error)),
				errhint("The value may be corrupted or written by an incompatible version of absolv."));

	copy = palloc(len);
	memcpy(copy, text, len);
	MemoryContextSwitchTo(oldcontext);

	entry->pub.rule = rule;
	entry->pub.text = copy;
	entry->pub.len = len;
	entry->pub.preset_index = preset_index_of(text, len);
	entry->next = cache->head;
	cache->head = entry;
	cache->nentries++;
	return &entry->pub;
}

/*
 * The compiled rule of canonical text text[0..len), from the cache of the
 * call site flinfo; a hit moves to the front of the list.
 */
const absolv_cached_rule *
absolv_cached_rule_get_text(FmgrInfo *flinfo, const char *text, int len)
{
	rule_cache *cache = get_cache(flinfo);
	rule_cache_entry **link;
	rule_cache_entry *entry;

	for (link = &cache->head; (entry = *link) != NULL; link = &entry->next)
	{
		if (entry->pub.len == len && memcmp(entry->pub.text, text, len) == 0)
		{
			*link = entry->next;
			entry->next = cache->head;
			cache->head = entry;
			return &entry->pub;
		}
	}
	return add_entry(flinfo, cache, text, len);
}

/*
 * Is value the value of a constant argument of the call?  A Const's value
 * lives in the plan, so a datum with that very pointer is that constant on
 * every call of the call site.
 */
static bool
is_constant_argument(FmgrInfo *flinfo, Pointer value)
{
	ListCell   *lc;

	if (flinfo->fn_expr == NULL || !IsA(flinfo->fn_expr, FuncExpr))
		return false;
	foreach(lc, ((FuncExpr *) flinfo->fn_expr)->args)
	{
		Const	   *arg = (Const *) lfirst(lc);

		if (IsA(arg, Const) && !arg->constisnull && !arg->constbyval &&
			DatumGetPointer(arg->constvalue) == value)
			return true;
	}
	return false;
}

/*
 * The compiled rule of an absolv_rule datum (possibly toasted).  The rule
 * argument of a report is nearly always a constant: then the datum is the
 * same pointer on every call, and the entry is found without comparing
 * texts.
 */
const absolv_cached_rule *
absolv_cached_rule_get(FmgrInfo *flinfo, Datum rule_datum)
{
	rule_cache *cache = get_cache(flinfo);
	struct varlena *value;
	const absolv_cached_rule *result;

	if (!cache->consts_known)
	{
		if (is_constant_argument(flinfo, DatumGetPointer(rule_datum)))
			cache->const_value = DatumGetPointer(rule_datum);
		cache->consts_known = true;
	}
	if (cache->const_entry != NULL && DatumGetPointer(rule_datum) == cache->const_value)
		return &cache->const_entry->pub;

	value = PG_DETOAST_DATUM_PACKED(rule_datum);
	result = absolv_cached_rule_get_text(flinfo, VARDATA_ANY(value),
										 VARSIZE_ANY_EXHDR(value));
	if ((Pointer) value != DatumGetPointer(rule_datum))
		pfree(value);
	else if (cache->const_value != NULL && DatumGetPointer(rule_datum) == cache->const_value)
		cache->const_entry = cache->head;	/* the entry just found or added */
	return result;
}

/*
 * Memory of size bytes that the caller keeps for its call site flinfo,
 * zeroed when first asked for (the rule cache owns fn_extra, so it keeps
 * this for its callers).
 */
void *
absolv_call_site_extra(FmgrInfo *flinfo, Size size)
{
	rule_cache *cache = get_cache(flinfo);

	if (cache->extra == NULL)
		cache->extra = MemoryContextAllocZero(flinfo->fn_mcxt, size);
	return cache->extra;
}

/*
 * The compiled preset preset_index, found in the cache by its text.  The
 * deserialization function asks for the same preset for every group, so
 * the most recently used entry is tried first by its preset index, which
 * spares comparing the whole text.
 */
const absolv_cached_rule *
absolv_cached_rule_by_preset(FmgrInfo *flinfo, int preset_index)
{
	rule_cache *cache = get_cache(flinfo);
	const struct varlena *text;

	if (cache->head != NULL && cache->head->pub.preset_index == preset_index)
		return &cache->head->pub;
	text = absolv_preset_canonical(preset_index);
	return absolv_cached_rule_get_text(flinfo, VARDATA(text),
									   VARSIZE(text) - VARHDRSZ);
}

/* keep every entry of the cache of flinfo until fn_mcxt goes away */
void
absolv_rule_cache_keep(FmgrInfo *flinfo)
{
	get_cache(flinfo)->keep = true;
}
