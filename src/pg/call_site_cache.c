/*
 * call_site_cache.c
 *	  What a call site keeps between calls, in flinfo->fn_extra, which no
 *	  other file touches: the rules it has compiled, and the windows and
 *	  horizons it has computed.
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
#include "utils/date.h"
#include "utils/memutils.h"

#include "absolv_pg.h"

/* rules a scalar call site keeps compiled */
#define RULE_CACHE_SIZE 8

typedef struct rule_cache_entry
{
	absolv_cached_rule pub;
	struct rule_cache_entry *next;
} rule_cache_entry;

/*
 * The computed ranges of a call site.  In a hash join the evidence
 * prefilter is evaluated for every pair of participation and evidence row,
 * and the index bounds of absolv_in_horizon once or twice per
 * participation, but a range depends only on the rule, the variant and the
 * exit day, and the exits of a report fall on a few hundred to a few
 * thousand days: a direct-mapped cache on the exit day spares the date
 * arithmetic (working days, months) of most calls.  Consecutive exit days
 * of one variant take consecutive slots, and each variant starts its run
 * elsewhere, so the exits of about ten years share the cache without
 * evicting each other (128 kB per call site, allocated on the first call).
 */
#define RANGE_CACHE_SLOTS 4096	/* a power of two */
#define RANGE_SLOT_OF(exit, variant, which) \
	(((uint32) (exit) + (uint32) ((variant) + 1) * 1237u + (uint32) (which) * 613u) & \
	 (RANGE_CACHE_SLOTS - 1))

typedef struct range_cache_slot
{
	const absolv_rule *rule;	/* NULL: empty slot */
	int16		variant;		/* -1: the hull over all variants */
	int16		which;			/* evidence_range */
	absolv_day	exit;
	day_range	range;
} range_cache_slot;

/* what one call site keeps, in flinfo->fn_extra */
typedef struct call_site
{
	rule_cache_entry *head;		/* most recently used first */
	int			nentries;
	bool		keep;			/* never recycle an entry */
	bool		consts_known;	/* const_value has been looked for */
	Pointer		const_value;	/* the value of a constant rule argument, or NULL */
	rule_cache_entry *const_entry;	/* its entry, once compiled */
	range_cache_slot *ranges;	/* RANGE_CACHE_SLOTS, allocated on first use */
} call_site;

/* the cache of a call site, created on first use */
static call_site *
get_call_site(FmgrInfo *flinfo)
{
	if (flinfo->fn_extra == NULL)
		flinfo->fn_extra = MemoryContextAllocZero(flinfo->fn_mcxt,
												  sizeof(call_site));
	return (call_site *) flinfo->fn_extra;
}

/*
 * An entry to fill: the least recently used one, taken out of the list and
 * emptied, when the cache is full and may recycle; a new one otherwise.
 */
static rule_cache_entry *
take_entry(FmgrInfo *flinfo, call_site *cache)
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
add_entry(FmgrInfo *flinfo, call_site *cache, const char *text, int len)
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
	entry->pub.preset_index = absolv_preset_index_of(text, len);
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
	call_site *cache = get_call_site(flinfo);
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
	call_site *cache = get_call_site(flinfo);
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
 * The compiled preset preset_index, found in the cache by its text.  The
 * deserialization function asks for the same preset for every group, so
 * the most recently used entry is tried first by its preset index, which
 * spares comparing the whole text.
 */
const absolv_cached_rule *
absolv_cached_rule_by_preset(FmgrInfo *flinfo, int preset_index)
{
	call_site *cache = get_call_site(flinfo);
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
	get_call_site(flinfo)->keep = true;
}

/* the range of variant (or, for -1, of the whole rule) for an exit day */
static day_range
compute_range(const absolv_rule *rule, int variant, evidence_range which, absolv_day exit)
{
	day_range	r = {false, 0, 0};

	if (which == RANGE_WINDOW)
		r.ok = absolv_variant_window(&rule->variants[variant < 0 ? 0 : variant], exit,
									 &r.from, &r.to);
	else if (variant < 0)
		r.ok = absolv_rule_horizon(rule, exit, &r.from, &r.to);
	else
		r.ok = absolv_variant_horizon(&rule->variants[variant], exit, &r.from, &r.to);
	r.ok = r.ok && IS_VALID_DATE((int64) r.to + 1);
	return r;
}

/*
 * The range of a variant (or, for -1, of the whole rule) for an exit day,
 * from the cache of the call site flinfo.
 */
day_range
absolv_cached_range(FmgrInfo *flinfo, const absolv_rule *rule, int variant,
					evidence_range which, absolv_day exit)
{
	call_site *site = get_call_site(flinfo);
	range_cache_slot *slot;

	if (site->ranges == NULL)
		site->ranges = MemoryContextAllocZero(flinfo->fn_mcxt,
											  RANGE_CACHE_SLOTS * sizeof(range_cache_slot));
	slot = &site->ranges[RANGE_SLOT_OF(exit, variant, which)];

	if (slot->rule != rule || slot->variant != variant || slot->which != (int16) which ||
		slot->exit != exit)
	{
		slot->range = compute_range(rule, variant, which, exit);
		slot->rule = rule;
		slot->variant = (int16) variant;
		slot->which = (int16) which;
		slot->exit = exit;
	}
	return slot->range;
}
