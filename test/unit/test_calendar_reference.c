/*
 * test_calendar_reference.c
 *	  The holidays and working days of src/core/calendar.c compared with a
 *	  reference, exhaustively over 1900-2199 and at the ends of the date
 *	  range, and on samples everywhere else.
 *
 * The reference (the reference_* functions) is the straightforward
 * algorithm: for a day, convert it to year, month and day of month and walk
 * every holiday rule, working Easter out again; the n-th working day after a
 * day is found by counting one day at a time, from a table of working days
 * filled by reference_is_working_day.  For numbers of working days too large
 * to count that way, reference_add_working_days skips whole years as the
 * core did before its holidays were cached per year.  This is a copy of that
 * earlier code of calendar.c, with its own copy of the holiday table, in
 * which each regional calendar is listed in every rule that holds there; it
 * uses nothing of calendar.c but absolv_day_to_ymd.  A change to the
 * holiday table in calendar.c must be made here too.
 *
 * test_regional_dates compares the regional calendars with a table of
 * dates written out by hand from the law, not computed at all.
 *
 * Each exhaustive loop is one CHECK that reports its first mismatch.
 *
 * test/unit/test_calendar_reference.c
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "unit.h"

/* first and last year that contains a valid day */
#define REF_YEAR_MIN	INT64_C(-4713)
#define REF_YEAR_MAX	INT64_C(5874897)

/* days from 0000-03-01 to 2000-01-01 */
#define REF_EPOCH_SHIFT INT64_C(730425)

#define REF_WEDNESDAY	2
#define REF_SATURDAY	5

/* a Land outside the enum, on either side */
#define LAND_BELOW		((absolv_land) -1)
#define LAND_ABOVE		((absolv_land) ABSOLV_LAND_COUNT)

#define YMD(y, m, d)	absolv_day_from_ymd((y), (m), (d))


/* ----------------------------------------------------------------------
 * The reference
 * ----------------------------------------------------------------------
 */

static int64_t
ref_floor_div(int64_t a, int64_t b)
{
	int64_t		q = a / b;

	if (a % b < 0)
		q--;
	return q;
}

static int64_t
ref_floor_mod(int64_t a, int64_t b)
{
	int64_t		r = a % b;

	if (r < 0)
		r += b;
	return r;
}

static bool
ref_day_is_valid(int64_t day)
{
	return day >= ABSOLV_DAY_MIN && day <= ABSOLV_DAY_MAX;
}

static bool
ref_land_is_valid(absolv_land land)
{
	return (int) land >= ABSOLV_LAND_NONE && (int) land < ABSOLV_LAND_COUNT;
}

/* 0 = Monday ... 6 = Sunday; 2000-01-01 was a Saturday */
static int
ref_weekday(int64_t day)
{
	return (int) ref_floor_mod(day + REF_SATURDAY, 7);
}

/* Hinnant's days_from_civil, unchecked */
static int64_t
ref_days_from_civil(int64_t year, int month, int mday)
{
	int64_t		y = year - (month <= 2 ? 1 : 0);
	int64_t		era = ref_floor_div(y, 400);
	int64_t		yoe = y - era * 400;
	int64_t		doy;
	int64_t		doe;

	doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + mday - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - REF_EPOCH_SHIFT;
}

/* Easter Sunday, Meeus' algorithm with floor division, unchecked */
static int64_t
ref_easter(int64_t year)
{
	int64_t		a = ref_floor_mod(year, 19);
	int64_t		b = ref_floor_div(year, 100);
	int64_t		c = year - b * 100;
	int64_t		d = ref_floor_div(b, 4);
	int64_t		e = b - d * 4;
	int64_t		f = ref_floor_div(b + 8, 25);
	int64_t		g = ref_floor_div(b - f + 1, 3);
	int64_t		h = ref_floor_mod(19 * a + b - d - g + 15, 30);
	int64_t		i = c / 4;
	int64_t		k = c % 4;
	int64_t		l = ref_floor_mod(32 + 2 * e + 2 * i - h - k, 7);
	int64_t		m = (a + 11 * h + 22 * l) / 451;
	int64_t		n = h + l - 7 * m + 114;

	return ref_days_from_civil(year, (int) (n / 31), (int) (n % 31) + 1);
}

typedef enum ref_kind
{
	REF_FIXED,
	REF_EASTER,
	REF_BUSSTAG
} ref_kind;

typedef struct ref_rule
{
	const char *name;
	ref_kind	kind;
	int			month;
	int			offset;
	uint32_t	lands;
	int64_t		first_year;
	int64_t		last_year;
} ref_rule;

#define RL(x)	(UINT32_C(1) << ABSOLV_LAND_##x)

/*
 * A Land together with its regional calendars.  The reference spells each
 * regional calendar out in every rule that holds there, instead of asking
 * for the Land of a calendar as calendar.c does.
 */
#define R_BY	(RL(BY) | RL(BY_MHF) | RL(BY_AUGSBURG))
#define R_SN	(RL(SN) | RL(SN_FRONLEICHNAM))
#define R_TH	(RL(TH) | RL(TH_FRONLEICHNAM))
#define REF_ALL \
	(RL(BW) | R_BY | RL(BE) | RL(BB) | RL(HB) | RL(HH) | RL(HE) | RL(MV) | \
	 RL(NI) | RL(NW) | RL(RP) | RL(SL) | R_SN | RL(ST) | RL(SH) | R_TH)
#define ANY_MIN		INT64_MIN
#define ANY_MAX		INT64_MAX

/*
 * The holiday table, in the order of calendar.c (the first match names).
 * The regional holidays, from the law (see docs/calendars.md):
 * Augsburger Hohes Friedensfest, 8 Aug, city of Augsburg (BayFTG Art. 1
 * Abs. 2); Mariä Himmelfahrt, 15 Aug, Bavarian municipalities with a
 * Catholic majority, Augsburg among them (Art. 1 Abs. 1 Nr. 2); Fronleichnam
 * in the Saxon (FronleichnamsVO) and Thuringian (ThürFGtG § 2 Abs. 2) areas.
 */
static const ref_rule ref_rules[] = {
	{"Neujahr", REF_FIXED, 1, 1, REF_ALL, ANY_MIN, ANY_MAX},
	{"Heilige Drei K\xC3\xB6nige", REF_FIXED, 1, 6,
	RL(BW) | R_BY | RL(ST), ANY_MIN, ANY_MAX},
	{"Internationaler Frauentag", REF_FIXED, 3, 8, RL(BE), 2019, ANY_MAX},
	{"Internationaler Frauentag", REF_FIXED, 3, 8, RL(MV), 2023, ANY_MAX},
	{"Tag der Arbeit", REF_FIXED, 5, 1, REF_ALL, ANY_MIN, ANY_MAX},
	{"Tag der Befreiung", REF_FIXED, 5, 8, RL(BE), 2020, 2020},
	{"Tag der Befreiung", REF_FIXED, 5, 8, RL(BE), 2025, 2025},
	{"Tag der deutschen Einheit", REF_FIXED, 6, 17, REF_ALL, 1954, 1989},
	{"Augsburger Hohes Friedensfest", REF_FIXED, 8, 8, RL(BY_AUGSBURG),
	ANY_MIN, ANY_MAX},
	{"Mari\xC3\xA4 Himmelfahrt", REF_FIXED, 8, 15,
	RL(SL) | RL(BY_MHF) | RL(BY_AUGSBURG), ANY_MIN, ANY_MAX},
	{"Weltkindertag", REF_FIXED, 9, 20, R_TH, 2019, ANY_MAX},
	{"Tag der Deutschen Einheit", REF_FIXED, 10, 3, REF_ALL, 1990, ANY_MAX},
	{"Reformationstag", REF_FIXED, 10, 31,
	RL(BB) | RL(MV) | R_SN | RL(ST) | R_TH, ANY_MIN, ANY_MAX},
	{"Reformationstag", REF_FIXED, 10, 31,
	RL(HB) | RL(HH) | RL(NI) | RL(SH), 2018, ANY_MAX},
	{"Reformationstag", REF_FIXED, 10, 31, REF_ALL, 2017, 2017},
	{"Allerheiligen", REF_FIXED, 11, 1,
	RL(BW) | R_BY | RL(NW) | RL(RP) | RL(SL), ANY_MIN, ANY_MAX},
	{"1. Weihnachtstag", REF_FIXED, 12, 25, REF_ALL, ANY_MIN, ANY_MAX},
	{"2. Weihnachtstag", REF_FIXED, 12, 26, REF_ALL, ANY_MIN, ANY_MAX},
	{"Karfreitag", REF_EASTER, 0, -2, REF_ALL, ANY_MIN, ANY_MAX},
	{"Ostersonntag", REF_EASTER, 0, 0, RL(BB), ANY_MIN, ANY_MAX},
	{"Ostermontag", REF_EASTER, 0, 1, REF_ALL, ANY_MIN, ANY_MAX},
	{"Christi Himmelfahrt", REF_EASTER, 0, 39, REF_ALL, ANY_MIN, ANY_MAX},
	{"Pfingstsonntag", REF_EASTER, 0, 49, RL(BB), ANY_MIN, ANY_MAX},
	{"Pfingstmontag", REF_EASTER, 0, 50, REF_ALL, ANY_MIN, ANY_MAX},
	{"Fronleichnam", REF_EASTER, 0, 60,
		RL(BW) | R_BY | RL(HE) | RL(NW) | RL(RP) | RL(SL) |
		RL(SN_FRONLEICHNAM) | RL(TH_FRONLEICHNAM), ANY_MIN, ANY_MAX},
	{"Bu\xC3\x9F- und Bettag", REF_BUSSTAG, 11, 0, R_SN, ANY_MIN, ANY_MAX},
	{"Bu\xC3\x9F- und Bettag", REF_BUSSTAG, 11, 0, REF_ALL, ANY_MIN, 1994},
};

#define N_REF_RULES (sizeof(ref_rules) / sizeof(ref_rules[0]))

static bool
ref_rule_applies(const ref_rule *rule, absolv_land land, int64_t year)
{
	return (rule->lands & (UINT32_C(1) << land)) != 0 &&
		year >= rule->first_year && year <= rule->last_year;
}

/* the holiday's name, or NULL: walk every rule for the day */
static const char *
reference_holiday_name(absolv_day day, absolv_land land)
{
	int64_t		year;
	int			month;
	int			mday;
	size_t		i;

	if (!ref_day_is_valid(day) || !ref_land_is_valid(land) ||
		land == ABSOLV_LAND_NONE)
		return NULL;
	absolv_day_to_ymd(day, &year, &month, &mday);
	for (i = 0; i < N_REF_RULES; i++)
	{
		const ref_rule *rule = &ref_rules[i];
		bool		match = false;

		if (!ref_rule_applies(rule, land, year))
			continue;
		switch (rule->kind)
		{
			case REF_FIXED:
				match = (month == rule->month && mday == rule->offset);
				break;
			case REF_EASTER:
				match = (month >= 3 && month <= 6 &&
						 day - ref_easter(year) == rule->offset);
				break;
			case REF_BUSSTAG:
				match = (month == 11 && mday >= 16 && mday <= 22 &&
						 ref_weekday(day) == REF_WEDNESDAY);
				break;
		}
		if (match)
			return rule->name;
	}
	return NULL;
}

static bool
reference_is_holiday(absolv_day day, absolv_land land)
{
	return reference_holiday_name(day, land) != NULL;
}

static bool
reference_is_working_day(absolv_day day, absolv_land land)
{
	if (!ref_day_is_valid(day) || !ref_land_is_valid(land))
		return false;
	if (ref_weekday(day) >= REF_SATURDAY)
		return false;
	return !reference_is_holiday(day, land);
}

/* Mondays to Fridays in first .. last */
static int64_t
ref_count_weekdays(int64_t first, int64_t last)
{
	int64_t		ndays = last - first + 1;
	int64_t		count = ndays / 7 * 5;
	int			wd = ref_weekday(first);
	int64_t		rest;

	for (rest = ndays % 7; rest > 0; rest--)
	{
		if (wd < REF_SATURDAY)
			count++;
		wd = (wd + 1) % 7;
	}
	return count;
}

/* the day of a rule in a year */
static int64_t
ref_rule_day(const ref_rule *rule, int64_t year, int64_t easter)
{
	int64_t		nov22;

	if (rule->kind == REF_FIXED)
		return ref_days_from_civil(year, rule->month, rule->offset);
	if (rule->kind == REF_EASTER)
		return easter + rule->offset;
	nov22 = ref_days_from_civil(year, 11, 22);
	return nov22 - ref_floor_mod(ref_weekday(nov22) - REF_WEDNESDAY, 7);
}

/* working days of a whole year */
static int64_t
ref_working_days_in_year(int64_t year, absolv_land land)
{
	int64_t		count;
	int64_t		easter = ref_easter(year);
	int64_t		seen[N_REF_RULES];
	size_t		nseen = 0;
	size_t		i;

	count = ref_count_weekdays(ref_days_from_civil(year, 1, 1),
							   ref_days_from_civil(year, 12, 31));
	for (i = 0; i < N_REF_RULES; i++)
	{
		const ref_rule *rule = &ref_rules[i];
		int64_t		hday;
		size_t		j;

		if (!ref_rule_applies(rule, land, year))
			continue;
		hday = ref_rule_day(rule, year, easter);
		if (ref_weekday(hday) >= REF_SATURDAY)
			continue;
		for (j = 0; j < nseen; j++)
			if (seen[j] == hday)
				break;
		if (j < nseen)
			continue;
		seen[nseen++] = hday;
		count--;
	}
	return count;
}

/*
 * The n-th working day after day, one day at a time but skipping every whole
 * year with fewer working days than are still to go.  The earlier code of
 * absolv_add_working_days.
 */
static bool
reference_add_working_days(absolv_day day, int n, absolv_land land,
						   absolv_day *result)
{
	int64_t		cur = day;
	int64_t		remaining = n;

	if (n < 0 || !ref_day_is_valid(day) || !ref_land_is_valid(land))
		return false;
	if (n > 0 && (day == ABSOLV_DAY_MAX ||
				  n > ref_count_weekdays(cur + 1, ABSOLV_DAY_MAX)))
		return false;
	while (remaining > 0)
	{
		int64_t		next = cur + 1;
		int64_t		year;
		int			month;
		int			mday;

		if (next > ABSOLV_DAY_MAX)
			return false;
		absolv_day_to_ymd((absolv_day) next, &year, &month, &mday);
		if (month == 1 && mday == 1 && year < REF_YEAR_MAX)
		{
			int64_t		in_year = ref_working_days_in_year(year, land);

			if (remaining > in_year)
			{
				remaining -= in_year;
				cur = ref_days_from_civil(year, 12, 31);
				continue;
			}
		}
		cur = next;
		if (reference_is_working_day((absolv_day) cur, land))
			remaining--;
	}
	*result = (absolv_day) cur;
	return true;
}

/*
 * A table of working days, filled by reference_is_working_day, for the days
 * first .. last of every Land (ABSOLV_LAND_NONE included).
 */
typedef struct ref_table
{
	absolv_day	first;
	absolv_day	last;
	uint8_t    *working[ABSOLV_LAND_COUNT];
} ref_table;

static void
ref_table_fill(ref_table *t, absolv_day first, absolv_day last)
{
	int64_t		len = (int64_t) last - first + 1;
	int			land;

	t->first = first;
	t->last = last;
	for (land = 0; land < ABSOLV_LAND_COUNT; land++)
	{
		int64_t		i;

		t->working[land] = malloc((size_t) len);
		if (t->working[land] == NULL)
		{
			printf("# out of memory\n");
			exit(2);
		}
		for (i = 0; i < len; i++)
			t->working[land][i] =
				reference_is_working_day((absolv_day) (first + i), land);
	}
}

static void
ref_table_free(ref_table *t)
{
	int			land;

	for (land = 0; land < ABSOLV_LAND_COUNT; land++)
		free(t->working[land]);
}

/*
 * The n-th working day after day, counted one day at a time in the table:
 * 1 with *result set, 0 when the count runs past ABSOLV_DAY_MAX, -1 when it
 * runs past the end of a table that does not reach ABSOLV_DAY_MAX (the test
 * is wrong then).
 */
static int
ref_table_add(const ref_table *t, absolv_day day, int n, absolv_land land,
			  absolv_day *result)
{
	int64_t		cur = day;

	while (n > 0)
	{
		cur++;
		if (cur > t->last)
			return t->last == ABSOLV_DAY_MAX ? 0 : -1;
		if (t->working[land][cur - t->first])
			n--;
	}
	*result = (absolv_day) cur;
	return 1;
}


/* ----------------------------------------------------------------------
 * Comparisons
 * ----------------------------------------------------------------------
 */

/* a fixed-seed pseudo-random sequence (xorshift64) */
static uint64_t rng_state = UINT64_C(0x9E3779B97F4A7C15);

static uint64_t
rng_next(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* a number in lo .. hi */
static int64_t
rng_range(int64_t lo, int64_t hi)
{
	return lo + (int64_t) (rng_next() % (uint64_t) (hi - lo + 1));
}

/* true if both names are NULL or both the same text */
static bool
same_name(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* first mismatches are reported once per CHECK */
static bool
report(bool *ok, const char *what, absolv_day day, int land)
{
	if (*ok)
	{
		int64_t		y;
		int			m;
		int			d;

		absolv_day_to_ymd(day, &y, &m, &d);
		printf("#   first mismatch: %s, day %d (%lld-%02d-%02d), land %d\n",
			   what, (int) day, (long long) y, m, d, land);
	}
	*ok = false;
	return false;
}

/* holiday_name, is_holiday and is_working_day of one day agree */
static bool
same_day(absolv_day day, absolv_land land, bool *ok)
{
	if (!same_name(absolv_holiday_name(day, land),
				   reference_holiday_name(day, land)))
		return report(ok, "holiday_name", day, land);
	if (absolv_is_holiday(day, land) != reference_is_holiday(day, land))
		return report(ok, "is_holiday", day, land);
	if (absolv_is_working_day(day, land) !=
		reference_is_working_day(day, land))
		return report(ok, "is_working_day", day, land);
	return true;
}

/* absolv_add_working_days agrees with an expected outcome */
static bool
same_add(absolv_day day, int n, absolv_land land, bool want_ok,
		 absolv_day want, bool *ok)
{
	absolv_day	got = 42;
	bool		got_ok = absolv_add_working_days(day, n, land, &got);

	if (got_ok != want_ok || (want_ok && got != want) ||
		(!want_ok && got != 42))
	{
		if (*ok)
			printf("#   add_working_days(%d, %d, land %d): got %s %d, "
				   "want %s %d\n", (int) day, n, (int) land,
				   got_ok ? "true" : "false", (int) got,
				   want_ok ? "true" : "false", (int) want);
		*ok = false;
		return false;
	}
	return true;
}

/* absolv_add_working_days agrees with counting in the table */
static bool
same_add_table(const ref_table *t, absolv_day day, int n, absolv_land land,
			   bool *ok)
{
	absolv_day	want = 0;
	int			found = ref_table_add(t, day, n, land, &want);

	if (found < 0)
	{
		if (*ok)
			printf("#   the table ends before day %d + %d working days\n",
				   (int) day, n);
		*ok = false;
		return false;
	}
	return same_add(day, n, land, found == 1, want, ok);
}

/* absolv_add_working_days agrees with reference_add_working_days */
static bool
same_add_reference(absolv_day day, int n, absolv_land land, bool *ok)
{
	absolv_day	want = 42;
	bool		want_ok = reference_add_working_days(day, n, land, &want);

	return same_add(day, n, land, want_ok, want, ok);
}

/* every day of first .. last, one Land after the other */
static bool
same_days_by_land(absolv_day first, absolv_day last)
{
	bool		ok = true;
	int			land;

	for (land = 0; land < ABSOLV_LAND_COUNT && ok; land++)
	{
		int64_t		day;

		for (day = first; day <= last && ok; day++)
			same_day((absolv_day) day, land, &ok);
	}
	return ok;
}

/* holidays and working days, day by day */
static void
test_days(void)
{
	absolv_day	first = YMD(1900, 1, 1);
	absolv_day	last = YMD(2199, 12, 31);
	bool		ok;
	int64_t		day;
	int64_t		year;
	int			i;

	CHECK(same_days_by_land(first, last),
		  "name, is_holiday, is_working_day = reference: every day "
		  "1900-2199, every Land");
	CHECK(same_days_by_land(ABSOLV_DAY_MIN, YMD(-4700, 12, 31)),
		  "every day from DAY_MIN (4714-11-24 BC) to 4701-12-31 BC, "
		  "every Land");
	CHECK(same_days_by_land(YMD(5874880, 1, 1), ABSOLV_DAY_MAX),
		  "every day from 5874880-01-01 to DAY_MAX, every Land");

	/* all Länder on each day: more (Land, year) pairs than a small cache */
	ok = true;
	for (day = YMD(1998, 1, 1); day <= YMD(2030, 12, 31) && ok; day++)
	{
		int			land;

		for (land = 0; land < ABSOLV_LAND_COUNT && ok; land++)
			same_day((absolv_day) day, land, &ok);
		/* and a day of a far year in between */
		same_day((absolv_day) (day + 365 * 150), ABSOLV_LAND_HE, &ok);
	}
	CHECK(ok, "every Land interleaved on each day of 1998-2030");

	/* random days of the whole range */
	ok = true;
	for (i = 0; i < 1000000 && ok; i++)
		same_day((absolv_day) rng_range(ABSOLV_DAY_MIN, ABSOLV_DAY_MAX),
				 (absolv_land) rng_range(0, ABSOLV_LAND_COUNT - 1), &ok);
	CHECK(ok, "1 000 000 random days of the whole range");

	/* bad days and bad Länder */
	ok = true;
	{
		static const int64_t bad_days[] = {
			ABSOLV_DAY_NEG_INFINITY, ABSOLV_DAY_NEG_INFINITY + 1,
			ABSOLV_DAY_MIN - 1, ABSOLV_DAY_MAX + 1,
			ABSOLV_DAY_POS_INFINITY - 1, ABSOLV_DAY_POS_INFINITY
		};
		static const int good_days[] = {
			ABSOLV_DAY_MIN, 0, 9125, ABSOLV_DAY_MAX
		};
		size_t		k;
		int			land;

		for (k = 0; k < sizeof(bad_days) / sizeof(bad_days[0]); k++)
			for (land = -1; land <= ABSOLV_LAND_COUNT; land++)
				same_day((absolv_day) bad_days[k], (absolv_land) land, &ok);
		for (k = 0; k < sizeof(good_days) / sizeof(good_days[0]); k++)
		{
			same_day(good_days[k], LAND_BELOW, &ok);
			same_day(good_days[k], LAND_ABOVE, &ok);
			same_day(good_days[k], (absolv_land) 99, &ok);
			same_day(good_days[k], (absolv_land) INT_MIN, &ok);
		}
	}
	CHECK(ok, "invalid days and invalid Länder as the reference");

	/*
	 * Every movable feast lies in March to June of its own year (Easter - 2
	 * to Easter + 60), so a year's holidays are all in that year.
	 */
	ok = true;
	for (year = REF_YEAR_MIN; year <= REF_YEAR_MAX && ok; year++)
	{
		int64_t		easter = ref_easter(year);

		if (easter - 2 < ref_days_from_civil(year, 3, 1) ||
			easter + 60 > ref_days_from_civil(year, 6, 30))
		{
			printf("#   Easter %lld is day %lld\n", (long long) year,
				   (long long) easter);
			ok = false;
		}
	}
	CHECK(ok, "the movable feasts of every year -4713..5874897 lie in "
		  "March to June");
}

/* the n-th working day */
static void
test_add_working_days(void)
{
	ref_table	t;
	bool		ok;
	bool		ok_reference;
	int64_t		day;
	int			land;
	int			i;

	ref_table_fill(&t, YMD(1900, 1, 1), YMD(2199, 12, 31));

	/* n = 0 .. 30 from every day of 1990-2040 */
	ok = true;
	for (land = 0; land < ABSOLV_LAND_COUNT && ok; land++)
		for (day = YMD(1990, 1, 1); day <= YMD(2040, 12, 31) && ok; day++)
		{
			int			n;

			for (n = 0; n <= 30 && ok; n++)
				same_add_table(&t, (absolv_day) day, n, land, &ok);
		}
	CHECK(ok, "add_working_days, n = 0..30 from every day of 1990-2040, "
		  "every Land, = counting day by day");

	/* larger n from sampled days; also the reference's year skipping */
	ok = true;
	ok_reference = true;
	for (day = YMD(1900, 1, 1); day <= YMD(2175, 12, 31) && ok; day += 37)
	{
		static const int fixed_n[] = {
			31, 100, 249, 250, 251, 252, 253, 254, 255, 256, 260, 500, 1000,
			2500, 5000
		};
		size_t		k;

		land = (int) rng_range(0, ABSOLV_LAND_COUNT - 1);
		for (k = 0; k < sizeof(fixed_n) / sizeof(fixed_n[0]) && ok; k++)
			same_add_table(&t, (absolv_day) day, fixed_n[k], land, &ok);
		for (k = 0; k < 4 && ok; k++)
		{
			int			n = (int) rng_range(0, 5000);
			absolv_day	by_table = 0;
			absolv_day	by_reference = 0;

			same_add_table(&t, (absolv_day) day, n, land, &ok);
			if (ref_table_add(&t, (absolv_day) day, n, land, &by_table) != 1 ||
				!reference_add_working_days((absolv_day) day, n, land,
											&by_reference) ||
				by_table != by_reference)
				ok_reference = false;
		}
	}
	CHECK(ok, "add_working_days, n up to 5000 from every 37th day of "
		  "1900-2175, = counting day by day");
	CHECK(ok_reference, "the reference's year skipping = counting day by day");

	/* each Land interleaved, and far years in between */
	ok = true;
	for (i = 0; i < 300000 && ok; i++)
	{
		absolv_day	start = (absolv_day) rng_range(YMD(1900, 1, 1),
												   YMD(2190, 12, 31));
		int			n = (int) rng_range(0, 40);

		land = (int) rng_range(0, ABSOLV_LAND_COUNT - 1);
		same_add_table(&t, start, n, land, &ok);
		if (i % 3 == 0)
			same_add_reference((absolv_day) rng_range(ABSOLV_DAY_MIN,
													  ABSOLV_DAY_MAX),
							   (int) rng_range(0, 40), land, &ok);
		if (i % 5 == 0)
			same_day((absolv_day) rng_range(ABSOLV_DAY_MIN, ABSOLV_DAY_MAX),
					 (absolv_land) rng_range(0, ABSOLV_LAND_COUNT - 1), &ok);
	}
	CHECK(ok, "300 000 random queries of random Länder and years, "
		  "interleaved");

	ref_table_free(&t);
}

/* the n-th working day at the ends of the range */
static void
test_range_ends(void)
{
	ref_table	t;
	bool		ok;
	int64_t		day;
	int			land;
	absolv_day	r;

	/* from the first days of the range */
	ref_table_fill(&t, ABSOLV_DAY_MIN, YMD(-4700, 12, 31));
	ok = true;
	for (land = 0; land < ABSOLV_LAND_COUNT && ok; land++)
		for (day = ABSOLV_DAY_MIN; day <= ABSOLV_DAY_MIN + 800 && ok; day++)
		{
			static const int more_n[] = {100, 250, 500, 1000, 2500};
			size_t		k;
			int			n;

			for (n = 0; n <= 30 && ok; n++)
				same_add_table(&t, (absolv_day) day, n, land, &ok);
			for (k = 0; k < sizeof(more_n) / sizeof(more_n[0]) && ok; k++)
				same_add_table(&t, (absolv_day) day, more_n[k], land, &ok);
		}
	CHECK(ok, "add_working_days from each of the first 800 days of the "
		  "range, n = 0..30 and up to 2500");
	ref_table_free(&t);

	/* to the last days of the range and past them */
	ref_table_fill(&t, YMD(5874895, 1, 1), ABSOLV_DAY_MAX);
	ok = true;
	for (land = 0; land < ABSOLV_LAND_COUNT && ok; land++)
		for (day = ABSOLV_DAY_MAX - 800; day <= ABSOLV_DAY_MAX && ok; day++)
		{
			int			left = 0;	/* working days after day */
			int			ns[14];
			size_t		k;
			int64_t		d;

			for (d = day + 1; d <= ABSOLV_DAY_MAX; d++)
				left += t.working[land][d - t.first];
			ns[0] = 0;
			ns[1] = 1;
			ns[2] = 2;
			ns[3] = 3;
			ns[4] = 5;
			ns[5] = 10;
			ns[6] = 30;
			ns[7] = left / 2;
			ns[8] = left > 0 ? left - 1 : 0;
			ns[9] = left;
			ns[10] = left + 1;
			ns[11] = left + 2;
			ns[12] = left + 1000;
			ns[13] = INT_MAX;
			for (k = 0; k < sizeof(ns) / sizeof(ns[0]) && ok; k++)
				same_add_table(&t, (absolv_day) day, ns[k], land, &ok);
		}
	CHECK(ok, "add_working_days from each of the last 800 days of the "
		  "range, up to the last working day and one more");
	ref_table_free(&t);

	/* many years: against the reference's year skipping */
	ok = true;
	{
		int			i;

		for (i = 0; i < 60 && ok; i++)
		{
			absolv_day	start = (absolv_day) rng_range(ABSOLV_DAY_MIN,
													   ABSOLV_DAY_MAX);

			land = (int) rng_range(0, ABSOLV_LAND_COUNT - 1);
			same_add_reference(start, (int) rng_range(0, 2000000), land, &ok);
		}
		/* from the last years, past the end */
		for (i = 0; i < 60 && ok; i++)
		{
			absolv_day	start = (absolv_day) rng_range(ABSOLV_DAY_MAX - 5000000,
													   ABSOLV_DAY_MAX);

			land = (int) rng_range(0, ABSOLV_LAND_COUNT - 1);
			same_add_reference(start, (int) rng_range(0, 4000000), land, &ok);
		}
	}
	CHECK(ok, "add_working_days, n up to 4 000 000 from random days, "
		  "= the reference's year skipping");

	/* the whole range, for a Land with holidays and for none */
	ok = true;
	{
		int64_t		weekdays = ref_count_weekdays(ABSOLV_DAY_MIN + 1,
												  ABSOLV_DAY_MAX);

		same_add_reference(ABSOLV_DAY_MIN + 12345, 300000000, ABSOLV_LAND_BY,
						   &ok);
		/* HE has fewer working days than weekdays: runs out at the end */
		same_add_reference(ABSOLV_DAY_MIN, (int) weekdays, ABSOLV_LAND_HE,
						   &ok);
		same_add_reference(ABSOLV_DAY_MIN, (int) weekdays + 1,
						   ABSOLV_LAND_NONE, &ok);
		same_add_reference(ABSOLV_DAY_MIN, INT_MAX, ABSOLV_LAND_SN, &ok);
		r = 42;
		ok = ok && absolv_add_working_days(ABSOLV_DAY_MIN, (int) weekdays,
										   ABSOLV_LAND_NONE, &r) &&
			r == ABSOLV_DAY_MAX;
	}
	CHECK(ok, "add_working_days across the whole range = the reference");

	/* bad arguments: false, result untouched */
	ok = true;
	for (land = -1; land <= ABSOLV_LAND_COUNT && ok; land++)
	{
		static const int64_t days[] = {
			ABSOLV_DAY_NEG_INFINITY, ABSOLV_DAY_MIN - 1, ABSOLV_DAY_MIN, 0,
			ABSOLV_DAY_MAX, ABSOLV_DAY_MAX + 1, ABSOLV_DAY_POS_INFINITY
		};
		static const int ns[] = {INT_MIN, -1, 0, 1, 10};
		size_t		k;
		size_t		j;

		for (k = 0; k < sizeof(days) / sizeof(days[0]); k++)
			for (j = 0; j < sizeof(ns) / sizeof(ns[0]); j++)
				same_add_reference((absolv_day) days[k], ns[j],
								   (absolv_land) land, &ok);
	}
	CHECK(ok, "add_working_days of invalid days, Länder and n as the "
		  "reference");
}

/*
 * The regional calendars against dates written out by hand: Fronleichnam
 * (Easter + 60, from the Easter dates of the church calendar) and 8 and 15
 * August of 2024-2030, and some deadlines counted on a wall calendar.
 */
static void
test_regional_dates(void)
{
	static const struct
	{
		int			y;
		int			m;
		int			d;
	}			fronleichnam[] = {
		{2024, 5, 30}, {2025, 6, 19}, {2026, 6, 4}, {2027, 5, 27},
		{2028, 6, 15}, {2029, 5, 31}, {2030, 6, 20}
	};
	/* which calendar has which of the three days */
	static const struct
	{
		absolv_land land;
		bool		fronleichnam;
		bool		friedensfest;	/* 8 August */
		bool		himmelfahrt;	/* 15 August */
		int			holidays_2025;	/* all holidays of 2025 */
	}			calendars[] = {
		{ABSOLV_LAND_BY, true, false, false, 12},
		{ABSOLV_LAND_BY_MHF, true, false, true, 13},
		{ABSOLV_LAND_BY_AUGSBURG, true, true, true, 14},
		{ABSOLV_LAND_SN, false, false, false, 11},
		{ABSOLV_LAND_SN_FRONLEICHNAM, true, false, false, 12},
		{ABSOLV_LAND_TH, false, false, false, 11},
		{ABSOLV_LAND_TH_FRONLEICHNAM, true, false, false, 12},
		{ABSOLV_LAND_SL, true, false, true, 12},
		{ABSOLV_LAND_HE, true, false, false, 10}
	};
	/* n working days after a day, counted by hand */
	static const struct
	{
		absolv_land land;
		int			y, m, d, n, wy, wm, wd;
	}			deadlines[] = {
		/* Thu 7 Aug 2025: Friedensfest Fri 8 Aug only in Augsburg */
		{ABSOLV_LAND_BY, 2025, 8, 7, 1, 2025, 8, 8},
		{ABSOLV_LAND_BY_MHF, 2025, 8, 7, 1, 2025, 8, 8},
		{ABSOLV_LAND_BY_AUGSBURG, 2025, 8, 7, 1, 2025, 8, 11},
		/* Thu 14 Aug 2025: Mariä Himmelfahrt Fri 15 Aug */
		{ABSOLV_LAND_BY, 2025, 8, 14, 1, 2025, 8, 15},
		{ABSOLV_LAND_BY_MHF, 2025, 8, 14, 1, 2025, 8, 18},
		{ABSOLV_LAND_BY_AUGSBURG, 2025, 8, 14, 1, 2025, 8, 18},
		/* Mon 7 Aug 2028: Tue 8 and Tue 15 Aug */
		{ABSOLV_LAND_BY, 2028, 8, 7, 10, 2028, 8, 21},
		{ABSOLV_LAND_BY_MHF, 2028, 8, 7, 10, 2028, 8, 22},
		{ABSOLV_LAND_BY_AUGSBURG, 2028, 8, 7, 10, 2028, 8, 23},
		/* Wed 18 June 2025: Fronleichnam Thu 19 June */
		{ABSOLV_LAND_SN, 2025, 6, 18, 1, 2025, 6, 19},
		{ABSOLV_LAND_SN_FRONLEICHNAM, 2025, 6, 18, 1, 2025, 6, 20},
		{ABSOLV_LAND_TH, 2025, 6, 18, 1, 2025, 6, 19},
		{ABSOLV_LAND_TH_FRONLEICHNAM, 2025, 6, 18, 1, 2025, 6, 20},
		/* Wed 3 June 2026: Fronleichnam Thu 4 June; 10 working days */
		{ABSOLV_LAND_SN, 2026, 6, 3, 10, 2026, 6, 17},
		{ABSOLV_LAND_SN_FRONLEICHNAM, 2026, 6, 3, 10, 2026, 6, 18},
		{ABSOLV_LAND_TH_FRONLEICHNAM, 2026, 6, 3, 10, 2026, 6, 18},
		/* Tue 14 Aug 2029: Mariä Himmelfahrt Wed 15 Aug */
		{ABSOLV_LAND_BY, 2029, 8, 14, 2, 2029, 8, 16},
		{ABSOLV_LAND_BY_MHF, 2029, 8, 14, 2, 2029, 8, 17}
	};
	size_t		i;
	size_t		k;
	bool		ok;

	for (k = 0; k < sizeof(calendars) / sizeof(calendars[0]); k++)
	{
		absolv_land land = calendars[k].land;
		int			count = 0;
		int64_t		day;

		ok = true;
		for (i = 0; i < sizeof(fronleichnam) / sizeof(fronleichnam[0]); i++)
		{
			int			y = fronleichnam[i].y;
			const char *f = absolv_holiday_name(YMD(y, fronleichnam[i].m,
													fronleichnam[i].d), land);
			const char *a8 = absolv_holiday_name(YMD(y, 8, 8), land);
			const char *a15 = absolv_holiday_name(YMD(y, 8, 15), land);

			if ((f != NULL) != calendars[k].fronleichnam ||
				(f != NULL && strcmp(f, "Fronleichnam") != 0) ||
				(a8 != NULL) != calendars[k].friedensfest ||
				(a8 != NULL &&
				 strcmp(a8, "Augsburger Hohes Friedensfest") != 0) ||
				(a15 != NULL) != calendars[k].himmelfahrt ||
				(a15 != NULL && strcmp(a15, "Mari\xC3\xA4 Himmelfahrt") != 0))
			{
				printf("#   %s %d: %s / %s / %s\n", absolv_land_code(land), y,
					   f ? f : "-", a8 ? a8 : "-", a15 ? a15 : "-");
				ok = false;
			}
			/* the days around them are no holidays */
			if (absolv_is_holiday(YMD(y, fronleichnam[i].m,
									  fronleichnam[i].d) - 1, land) ||
				absolv_is_holiday(YMD(y, 8, 7), land) ||
				absolv_is_holiday(YMD(y, 8, 9), land) ||
				absolv_is_holiday(YMD(y, 8, 14), land) ||
				absolv_is_holiday(YMD(y, 8, 16), land))
			{
				printf("#   %s %d: a day next to one is a holiday\n",
					   absolv_land_code(land), y);
				ok = false;
			}
		}
		for (day = YMD(2025, 1, 1); day <= YMD(2025, 12, 31); day++)
			count += absolv_is_holiday((absolv_day) day, land);
		if (count != calendars[k].holidays_2025)
		{
			printf("#   %s: %d holidays in 2025\n", absolv_land_code(land),
				   count);
			ok = false;
		}
		CHECK(ok, "%s: Fronleichnam, 8 and 15 August 2024-2030 and the "
			  "holidays of 2025 as written out by hand",
			  absolv_land_code(land));
	}

	ok = true;
	for (i = 0; i < sizeof(deadlines) / sizeof(deadlines[0]); i++)
	{
		absolv_day	got = 0;
		absolv_day	want = YMD(deadlines[i].wy, deadlines[i].wm,
							   deadlines[i].wd);

		if (!absolv_add_working_days(YMD(deadlines[i].y, deadlines[i].m,
										 deadlines[i].d),
									 deadlines[i].n, deadlines[i].land, &got) ||
			got != want)
		{
			printf("#   %s: %d-%02d-%02d + %d working days: got day %d, "
				   "want %d\n", absolv_land_code(deadlines[i].land),
				   deadlines[i].y, deadlines[i].m, deadlines[i].d,
				   deadlines[i].n, (int) got, (int) want);
			ok = false;
		}
	}
	CHECK(ok, "deadlines around the regional holidays as counted by hand");
}

int
main(void)
{
	test_regional_dates();
	test_days();
	test_add_working_days();
	test_range_ends();
	return unit_done();
}
