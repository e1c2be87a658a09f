/*
 * calendar.c
 *	  Calendar arithmetic for absolv: civil dates, calendar months, the
 *	  public holidays of the 16 German Länder and working days.
 *
 * Plain C99, no PostgreSQL headers, no allocation, no mutable globals.
 *
 * Days
 * ----
 * A day is an int32 count of days since 2000-01-01 (PostgreSQL's DateADT).
 * Valid days are ABSOLV_DAY_MIN (4714-11-24 BC = year -4713) up to
 * ABSOLV_DAY_MAX (5874897-12-31).  Years are astronomical (year 0 is 1 BC,
 * year -1 is 2 BC), as in PostgreSQL's internal julian calculations, and the
 * calendar is the proleptic Gregorian one.  The conversions are Howard
 * Hinnant's days_from_civil / civil_from_days, computed in int64 so they are
 * exact over the whole valid range.
 *
 * Easter is the Gregorian computus (the anonymous Gregorian algorithm as
 * given by Meeus), correct for every year >= 1583 and applied proleptically
 * (with floor division) to earlier years.
 *
 * Public holidays
 * ---------------
 * The holidays are the statewide ones of the current law of each Land
 * (Landesrecht; Tag der Deutschen Einheit is federal law), applied to every
 * year.  The current Länder's law is applied throughout history as a
 * simplification: apart from the dated changes below, no earlier law (the
 * German Reich, the GDR, the pre-1990 Länder) is modelled.  The movable
 * feasts are derived from Easter Sunday for every year; the table has been
 * checked for 1900-2199.
 *
 * All 16 Länder:
 *	 Neujahr						1 Jan
 *	 Karfreitag					Easter - 2
 *	 Ostermontag					Easter + 1
 *	 Tag der Arbeit				1 May
 *	 Christi Himmelfahrt			Easter + 39
 *	 Pfingstmontag				Easter + 50
 *	 Tag der deutschen Einheit	17 Jun, 1954 to 1989 only (1990 has only
 *								3 Oct; 17 June 1990 was a Sunday)
 *	 Tag der Deutschen Einheit	3 Oct, from 1990
 *	 1. Weihnachtstag			25 Dec
 *	 2. Weihnachtstag			26 Dec
 *	 Reformationstag				31 Oct, in 2017 only (500th anniversary)
 *	 Buß- und Bettag				Wednesday before 23 Nov, up to 1994
 *
 * By Land:
 *	 Heilige Drei Könige			6 Jan		BW, BY, ST
 *	 Internationaler Frauentag	8 Mar		BE from 2019, MV from 2023
 *	 Ostersonntag				Easter		BB (a Sunday anyway)
 *	 Tag der Befreiung			8 May		BE in 2020 and 2025 only
 *	 Pfingstsonntag				Easter + 49	BB (a Sunday anyway)
 *	 Fronleichnam				Easter + 60	BW, BY, HE, NW, RP, SL
 *	 Mariä Himmelfahrt			15 Aug		SL
 *	 Weltkindertag				20 Sep		TH from 2019
 *	 Reformationstag				31 Oct		BB, MV, SN, ST, TH always;
 *											HB, HH, NI, SH from 2018
 *	 Allerheiligen				1 Nov		BW, BY, NW, RP, SL
 *	 Buß- und Bettag				Wed 16-22 Nov	SN always
 *
 * Regional holidays, which hold only in part of a Land, are not included:
 * Fronleichnam in parts of Sachsen (around Bautzen) and Thüringen
 * (Eichsfeld and some other communities), Mariä Himmelfahrt in the
 * communities of Bayern with a mainly Catholic population, and the
 * Augsburger Hohes Friedensfest (8 Aug, city of Augsburg).
 *
 * When two holidays fall on the same day (1 May 2008 was also Christi
 * Himmelfahrt, 17 June 1954 also Fronleichnam), the day is one holiday and
 * absolv_holiday_name gives the fixed-date one ("Tag der Arbeit", "Tag der
 * deutschen Einheit").
 *
 * src/core/calendar.c
 */
#include "calendar.h"

#include <string.h>

/* weekdays, as returned by absolv_weekday */
#define WD_WEDNESDAY	2
#define WD_SATURDAY		5

/* first and last year that contains a valid day */
#define YEAR_MIN		INT64_C(-4713)
#define YEAR_MAX		INT64_C(5874897)

/* days from 0000-03-01 (Hinnant's epoch) to 2000-01-01 */
#define EPOCH_SHIFT		INT64_C(730425)

/* no year limit in a holiday rule */
#define NO_YEAR_MIN		INT32_MIN
#define NO_YEAR_MAX		INT32_MAX

/* how a holiday rule places its day */
typedef enum holiday_kind
{
	HK_FIXED,					/* month and day of month */
	HK_EASTER,					/* days after Easter Sunday */
	HK_BUSSTAG					/* the Wednesday before 23 November */
} holiday_kind;

typedef struct holiday_rule
{
	const char *name;			/* German name, UTF-8 */
	uint8_t		kind;			/* holiday_kind */
	int8_t		month;			/* HK_FIXED: month */
	int16_t		offset;			/* HK_FIXED: day of month; HK_EASTER:
								 * days after Easter Sunday */
	uint32_t	lands;			/* bit (1 << absolv_land) per Land */
	int32_t		first_year;		/* first year it holds, inclusive */
	int32_t		last_year;		/* last year it holds, inclusive */
} holiday_rule;

/* the bit of a Land in holiday_rule.lands: L(HE) */
#define L(x)	(UINT32_C(1) << ABSOLV_LAND_##x)
#define ALL_LANDS \
	(L(BW) | L(BY) | L(BE) | L(BB) | L(HB) | L(HH) | L(HE) | L(MV) | \
	 L(NI) | L(NW) | L(RP) | L(SL) | L(SN) | L(ST) | L(SH) | L(TH))

/* names with non-ASCII letters, their UTF-8 bytes spelled out */
#define N_HEILIGE_DREI_KOENIGE	"Heilige Drei K\xC3\xB6nige"
#define N_MARIAE_HIMMELFAHRT	"Mari\xC3\xA4 Himmelfahrt"
#define N_BUSS_UND_BETTAG		"Bu\xC3\x9F- und Bettag"

/*
 * The holiday table.  The order matters only for the name of a day with two
 * holidays: the first matching rule wins, so the fixed-date rules come before
 * the movable ones.
 */
static const holiday_rule holiday_rules[] = {
	/* fixed dates */
	{"Neujahr", HK_FIXED, 1, 1, ALL_LANDS, NO_YEAR_MIN, NO_YEAR_MAX},
	{N_HEILIGE_DREI_KOENIGE, HK_FIXED, 1, 6,
		L(BW) | L(BY) | L(ST), NO_YEAR_MIN, NO_YEAR_MAX},
	{"Internationaler Frauentag", HK_FIXED, 3, 8, L(BE), 2019, NO_YEAR_MAX},
	{"Internationaler Frauentag", HK_FIXED, 3, 8, L(MV), 2023, NO_YEAR_MAX},
	{"Tag der Arbeit", HK_FIXED, 5, 1, ALL_LANDS, NO_YEAR_MIN, NO_YEAR_MAX},
	{"Tag der Befreiung", HK_FIXED, 5, 8, L(BE), 2020, 2020},
	{"Tag der Befreiung", HK_FIXED, 5, 8, L(BE), 2025, 2025},
	{"Tag der deutschen Einheit", HK_FIXED, 6, 17, ALL_LANDS, 1954, 1989},
	{N_MARIAE_HIMMELFAHRT, HK_FIXED, 8, 15, L(SL), NO_YEAR_MIN, NO_YEAR_MAX},
	{"Weltkindertag", HK_FIXED, 9, 20, L(TH), 2019, NO_YEAR_MAX},
	{"Tag der Deutschen Einheit", HK_FIXED, 10, 3,
		ALL_LANDS, 1990, NO_YEAR_MAX},
	{"Reformationstag", HK_FIXED, 10, 31,
		L(BB) | L(MV) | L(SN) | L(ST) | L(TH), NO_YEAR_MIN, NO_YEAR_MAX},
	{"Reformationstag", HK_FIXED, 10, 31,
		L(HB) | L(HH) | L(NI) | L(SH), 2018, NO_YEAR_MAX},
	{"Reformationstag", HK_FIXED, 10, 31, ALL_LANDS, 2017, 2017},
	{"Allerheiligen", HK_FIXED, 11, 1,
		L(BW) | L(BY) | L(NW) | L(RP) | L(SL), NO_YEAR_MIN, NO_YEAR_MAX},
	{"1. Weihnachtstag", HK_FIXED, 12, 25,
		ALL_LANDS, NO_YEAR_MIN, NO_YEAR_MAX},
	{"2. Weihnachtstag", HK_FIXED, 12, 26,
		ALL_LANDS, NO_YEAR_MIN, NO_YEAR_MAX},
	/* movable feasts */
	{"Karfreitag", HK_EASTER, 0, -2, ALL_LANDS, NO_YEAR_MIN, NO_YEAR_MAX},
	{"Ostersonntag", HK_EASTER, 0, 0, L(BB), NO_YEAR_MIN, NO_YEAR_MAX},
	{"Ostermontag", HK_EASTER, 0, 1, ALL_LANDS, NO_YEAR_MIN, NO_YEAR_MAX},
	{"Christi Himmelfahrt", HK_EASTER, 0, 39,
		ALL_LANDS, NO_YEAR_MIN, NO_YEAR_MAX},
	{"Pfingstsonntag", HK_EASTER, 0, 49, L(BB), NO_YEAR_MIN, NO_YEAR_MAX},
	{"Pfingstmontag", HK_EASTER, 0, 50, ALL_LANDS, NO_YEAR_MIN, NO_YEAR_MAX},
	{"Fronleichnam", HK_EASTER, 0, 60,
		L(BW) | L(BY) | L(HE) | L(NW) | L(RP) | L(SL),
		NO_YEAR_MIN, NO_YEAR_MAX},
	{N_BUSS_UND_BETTAG, HK_BUSSTAG, 11, 0, L(SN), NO_YEAR_MIN, NO_YEAR_MAX},
	{N_BUSS_UND_BETTAG, HK_BUSSTAG, 11, 0, ALL_LANDS, NO_YEAR_MIN, 1994},
};

#define N_HOLIDAY_RULES (sizeof(holiday_rules) / sizeof(holiday_rules[0]))

/* codes and names of the Länder, indexed by absolv_land */
static const char *const land_codes[ABSOLV_LAND_COUNT] = {
	NULL, "BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP",
	"SL", "SN", "ST", "SH", "TH"
};

static const char *const land_names[ABSOLV_LAND_COUNT] = {
	NULL,
	"Baden-W\xC3\xBCrttemberg",
	"Bayern",
	"Berlin",
	"Brandenburg",
	"Bremen",
	"Hamburg",
	"Hessen",
	"Mecklenburg-Vorpommern",
	"Niedersachsen",
	"Nordrhein-Westfalen",
	"Rheinland-Pfalz",
	"Saarland",
	"Sachsen",
	"Sachsen-Anhalt",
	"Schleswig-Holstein",
	"Th\xC3\xBCringen"
};

/* lower-case ASCII forms for absolv_land_lookup: umlauts as ae, oe, ue */
static const char *const land_keys[ABSOLV_LAND_COUNT] = {
	NULL,
	"baden-wuerttemberg",
	"bayern",
	"berlin",
	"brandenburg",
	"bremen",
	"hamburg",
	"hessen",
	"mecklenburg-vorpommern",
	"niedersachsen",
	"nordrhein-westfalen",
	"rheinland-pfalz",
	"saarland",
	"sachsen",
	"sachsen-anhalt",
	"schleswig-holstein",
	"thueringen"
};

/* longest normalised text absolv_land_lookup considers */
#define LAND_KEY_MAX	32


/* ----------------------------------------------------------------------
 * Integer helpers
 * ----------------------------------------------------------------------
 */

/* a / b rounded towards minus infinity (b > 0) */
static inline int64_t
floor_div(int64_t a, int64_t b)
{
	int64_t		q = a / b;

	if (a % b < 0)
		q--;
	return q;
}

/* a mod b in 0 .. b-1 (b > 0) */
static inline int64_t
floor_mod(int64_t a, int64_t b)
{
	int64_t		r = a % b;

	if (r < 0)
		r += b;
	return r;
}

/* true if the day number lies in the valid range */
static inline bool
day64_is_valid(int64_t day)
{
	return day >= ABSOLV_DAY_MIN && day <= ABSOLV_DAY_MAX;
}


/* ----------------------------------------------------------------------
 * Civil dates
 * ----------------------------------------------------------------------
 */

/* true for a Gregorian leap year (astronomical numbering) */
static inline bool
is_leap_year(int64_t year)
{
	return floor_mod(year, 4) == 0 &&
		(floor_mod(year, 100) != 0 || floor_mod(year, 400) == 0);
}

/* number of days in a month (1..12) of a year */
static int
days_in_month(int64_t year, int month)
{
	static const int8_t mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (month == 2 && is_leap_year(year))
		return 29;
	return mdays[month - 1];
}

/*
 * Day number (days since 2000-01-01) of a civil date; Hinnant's
 * days_from_civil.  The date must be a real one and |year| must be far below
 * 2^40 so that nothing overflows; callers guarantee both.
 */
static int64_t
days_from_civil(int64_t year, int month, int mday)
{
	int64_t		y = year - (month <= 2 ? 1 : 0);
	int64_t		era = floor_div(y, 400);
	int64_t		yoe = y - era * 400;	/* 0 .. 399 */
	int64_t		doy;			/* 0 .. 365, from 1 March */
	int64_t		doe;			/* 0 .. 146096 */

	doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + mday - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - EPOCH_SHIFT;
}

/* civil date of a day number; Hinnant's civil_from_days */
static void
civil_from_days(int64_t day, int64_t *year, int *month, int *mday)
{
	int64_t		z = day + EPOCH_SHIFT;
	int64_t		era = floor_div(z, 146097);
	int64_t		doe = z - era * 146097; /* 0 .. 146096 */
	int64_t		yoe;			/* 0 .. 399 */
	int64_t		doy;			/* 0 .. 365, from 1 March */
	int64_t		mp;				/* 0 .. 11, from March */
	int			m;

	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	m = (int) (mp < 10 ? mp + 3 : mp - 9);
	*mday = (int) (doy - (153 * mp + 2) / 5 + 1);
	*month = m;
	*year = yoe + era * 400 + (m <= 2 ? 1 : 0);
}

/* 0 = Monday ... 6 = Sunday, for any int64 day number */
static inline int
weekday64(int64_t day)
{
	/* 2000-01-01 was a Saturday */
	return (int) floor_mod(day + WD_SATURDAY, 7);
}

/* Easter Sunday of a year as an unchecked day number (Meeus' algorithm) */
static int64_t
easter_day(int64_t year)
{
	int64_t		a = floor_mod(year, 19);
	int64_t		b = floor_div(year, 100);
	int64_t		c = year - b * 100;
	int64_t		d = floor_div(b, 4);
	int64_t		e = b - d * 4;
	int64_t		f = floor_div(b + 8, 25);
	int64_t		g = floor_div(b - f + 1, 3);
	int64_t		h = floor_mod(19 * a + b - d - g + 15, 30);
	int64_t		i = c / 4;
	int64_t		k = c % 4;
	int64_t		l = floor_mod(32 + 2 * e + 2 * i - h - k, 7);
	int64_t		m = (a + 11 * h + 22 * l) / 451;
	int64_t		n = h + l - 7 * m + 114;

	return days_from_civil(year, (int) (n / 31), (int) (n % 31) + 1);
}

/* true for a finite day inside PostgreSQL's date range */
bool
absolv_day_is_valid(absolv_day day)
{
	return day64_is_valid(day);
}

/*
 * Day number of a civil date.  A date before the valid range gives
 * ABSOLV_DAY_NEG_INFINITY, one after it ABSOLV_DAY_POS_INFINITY; a date that
 * does not exist (month not 1..12, day not in the month) gives
 * ABSOLV_DAY_NEG_INFINITY.  Check the result with absolv_day_is_valid.
 */
absolv_day
absolv_day_from_ymd(int64_t year, int month, int mday)
{
	int64_t		day;

	if (month < 1 || month > 12 || mday < 1 ||
		mday > days_in_month(year, month))
		return ABSOLV_DAY_NEG_INFINITY;
	if (year < YEAR_MIN)
		return ABSOLV_DAY_NEG_INFINITY;
	if (year > YEAR_MAX)
		return ABSOLV_DAY_POS_INFINITY;
	day = days_from_civil(year, month, mday);
	if (day < ABSOLV_DAY_MIN)
		return ABSOLV_DAY_NEG_INFINITY;
	if (day > ABSOLV_DAY_MAX)
		return ABSOLV_DAY_POS_INFINITY;
	return (absolv_day) day;
}

/*
 * Civil date of a day number.  Exact for every int32, including the
 * infinities (which have no meaning as dates).
 */
void
absolv_day_to_ymd(absolv_day day, int64_t *year, int *month, int *mday)
{
	civil_from_days(day, year, month, mday);
}

/* day of the week: 0 = Monday ... 6 = Sunday */
int
absolv_weekday(absolv_day day)
{
	return weekday64(day);
}


/* ----------------------------------------------------------------------
 * Arithmetic
 * ----------------------------------------------------------------------
 */

/* day + days; false (result untouched) if invalid or out of range */
bool
absolv_add_days(absolv_day day, int64_t days, absolv_day *result)
{
	if (!absolv_day_is_valid(day))
		return false;
	/* compare without forming day + days, which could overflow */
	if (days > (int64_t) ABSOLV_DAY_MAX - day ||
		days < (int64_t) ABSOLV_DAY_MIN - day)
		return false;
	*result = (absolv_day) (day + days);
	return true;
}

/*
 * day + months calendar months, as PostgreSQL's date + interval: the day of
 * month is clamped to the last day of the target month.  False (result
 * untouched) if invalid or out of range.
 */
bool
absolv_add_months(absolv_day day, int64_t months, absolv_day *result)
{
	/* more months than the whole valid range spans: surely out of range */
	const int64_t max_months = (YEAR_MAX - YEAR_MIN + 1) * 12;
	int64_t		year;
	int			month;
	int			mday;
	int64_t		total;
	int64_t		new_year;
	int			new_month;
	int			dim;
	int64_t		new_day;

	if (!absolv_day_is_valid(day))
		return false;
	if (months > max_months || months < -max_months)
		return false;

	civil_from_days(day, &year, &month, &mday);
	total = year * 12 + (month - 1) + months;
	new_year = floor_div(total, 12);
	new_month = (int) floor_mod(total, 12) + 1;
	if (new_year < YEAR_MIN || new_year > YEAR_MAX)
		return false;

	dim = days_in_month(new_year, new_month);
	if (mday > dim)
		mday = dim;
	new_day = days_from_civil(new_year, new_month, mday);
	if (!day64_is_valid(new_day))
		return false;
	*result = (absolv_day) new_day;
	return true;
}

/*
 * Easter Sunday of a year.  Gregorian computus, correct for every year >=
 * 1583 and extended proleptically to earlier years; a year whose Easter lies
 * outside the valid range gives ABSOLV_DAY_NEG_INFINITY or
 * ABSOLV_DAY_POS_INFINITY.
 */
absolv_day
absolv_easter_sunday(int64_t year)
{
	int64_t		day;

	if (year < YEAR_MIN)
		return ABSOLV_DAY_NEG_INFINITY;
	if (year > YEAR_MAX)
		return ABSOLV_DAY_POS_INFINITY;
	day = easter_day(year);
	if (day < ABSOLV_DAY_MIN)
		return ABSOLV_DAY_NEG_INFINITY;
	if (day > ABSOLV_DAY_MAX)
		return ABSOLV_DAY_POS_INFINITY;
	return (absolv_day) day;
}


/* ----------------------------------------------------------------------
 * Holidays and working days
 * ----------------------------------------------------------------------
 */

/* true for one of the 16 Länder or ABSOLV_LAND_NONE */
static inline bool
land_is_valid(absolv_land land)
{
	return (int) land >= ABSOLV_LAND_NONE && (int) land < ABSOLV_LAND_COUNT;
}

/* true if a holiday rule holds in a Land (not NONE) in a year */
static inline bool
rule_applies(const holiday_rule *rule, absolv_land land, int64_t year)
{
	return (rule->lands & (UINT32_C(1) << land)) != 0 &&
		year >= rule->first_year && year <= rule->last_year;
}

/* Buß- und Bettag of a year: the Wednesday before 23 November */
static int64_t
busstag_day(int64_t year)
{
	int64_t		nov22 = days_from_civil(year, 11, 22);

	return nov22 - floor_mod(weekday64(nov22) - WD_WEDNESDAY, 7);
}

/*
 * The day of a holiday rule in a year; easter is that year's Easter Sunday.
 * The result may lie outside the valid range in the first and last year.
 */
static int64_t
rule_day(const holiday_rule *rule, int64_t year, int64_t easter)
{
	if (rule->kind == HK_FIXED)
		return days_from_civil(year, rule->month, rule->offset);
	if (rule->kind == HK_EASTER)
		return easter + rule->offset;
	return busstag_day(year);
}

/*
 * The German name of the holiday on a day in a Land, or NULL when the day is
 * no holiday there (always NULL for ABSOLV_LAND_NONE, an invalid Land or an
 * invalid day).
 */
const char *
absolv_holiday_name(absolv_day day, absolv_land land)
{
	int64_t		year;
	int			month;
	int			mday;
	int64_t		easter = 0;
	bool		have_easter = false;
	size_t		i;

	if (!absolv_day_is_valid(day) || !land_is_valid(land) ||
		land == ABSOLV_LAND_NONE)
		return NULL;

	civil_from_days(day, &year, &month, &mday);
	for (i = 0; i < N_HOLIDAY_RULES; i++)
	{
		const holiday_rule *rule = &holiday_rules[i];
		bool		match = false;

		if (!rule_applies(rule, land, year))
			continue;
		switch ((holiday_kind) rule->kind)
		{
			case HK_FIXED:
				match = (month == rule->month && mday == rule->offset);
				break;
			case HK_EASTER:
				/* the movable feasts lie between March and June */
				if (month < 3 || month > 6)
					break;
				if (!have_easter)
				{
					easter = easter_day(year);
					have_easter = true;
				}
				match = (day - easter == rule->offset);
				break;
			case HK_BUSSTAG:
				match = (month == 11 && mday >= 16 && mday <= 22 &&
						 weekday64(day) == WD_WEDNESDAY);
				break;
		}
		if (match)
			return rule->name;
	}
	return NULL;
}

/* true if the day is a public holiday of the Land */
bool
absolv_is_holiday(absolv_day day, absolv_land land)
{
	return absolv_holiday_name(day, land) != NULL;
}

/*
 * true for Monday to Friday when it is no public holiday of the Land; false
 * for an invalid day or Land
 */
bool
absolv_is_working_day(absolv_day day, absolv_land land)
{
	if (!absolv_day_is_valid(day) || !land_is_valid(land))
		return false;
	if (weekday64(day) >= WD_SATURDAY)
		return false;
	return !absolv_is_holiday(day, land);
}

/* number of Mondays to Fridays in the days first .. last (first <= last) */
static int64_t
count_weekdays(int64_t first, int64_t last)
{
	int64_t		ndays = last - first + 1;
	int64_t		count = ndays / 7 * 5;
	int			wd = weekday64(first);
	int64_t		rest;

	for (rest = ndays % 7; rest > 0; rest--)
	{
		if (wd < WD_SATURDAY)
			count++;
		wd = (wd + 1) % 7;
	}
	return count;
}

/*
 * Number of working days in a whole year in a Land: its Mondays to Fridays
 * less the distinct holidays that fall on one of them.
 */
static int64_t
working_days_in_year(int64_t year, absolv_land land)
{
	int64_t		count;
	int64_t		easter;
	int64_t		seen[N_HOLIDAY_RULES];
	size_t		nseen = 0;
	size_t		i;

	count = count_weekdays(days_from_civil(year, 1, 1),
						   days_from_civil(year, 12, 31));
	if (land == ABSOLV_LAND_NONE)
		return count;

	easter = easter_day(year);
	for (i = 0; i < N_HOLIDAY_RULES; i++)
	{
		const holiday_rule *rule = &holiday_rules[i];
		int64_t		hday;
		size_t		j;

		if (!rule_applies(rule, land, year))
			continue;
		hday = rule_day(rule, year, easter);
		if (weekday64(hday) >= WD_SATURDAY)
			continue;
		for (j = 0; j < nseen; j++)
			if (seen[j] == hday)
				break;
		if (j < nseen)
			continue;			/* two holidays on one day */
		seen[nseen++] = hday;
		count--;
	}
	return count;
}

/*
 * The n-th working day of the Land after day (n >= 0; n = 0 gives day
 * itself, working day or not).  False (result untouched) if n < 0, the day
 * or Land is invalid, or the result would leave the valid range.
 *
 * Whole years are skipped using working_days_in_year, so the cost grows with
 * n / 250 rather than with n (about 0.1 s per million years).
 */
bool
absolv_add_working_days(absolv_day day, int n, absolv_land land,
						absolv_day *result)
{
	int64_t		cur = day;		/* last day looked at */
	int64_t		remaining = n;

	if (n < 0 || !absolv_day_is_valid(day) || !land_is_valid(land))
		return false;
	/* fewer Mondays to Fridays than n before the end of the range */
	if (n > 0 && (day == ABSOLV_DAY_MAX ||
				  n > count_weekdays(cur + 1, ABSOLV_DAY_MAX)))
		return false;

	while (remaining > 0)
	{
		int64_t		next = cur + 1;
		int64_t		year;
		int			month;
		int			mday;

		if (next > ABSOLV_DAY_MAX)
			return false;

		civil_from_days(next, &year, &month, &mday);
		if (month == 1 && mday == 1 && year < YEAR_MAX)
		{
			/* a whole year ahead, inside the range: skip it if we can */
			int64_t		in_year = working_days_in_year(year, land);

			if (remaining > in_year)
			{
				remaining -= in_year;
				cur = days_from_civil(year, 12, 31);
				continue;
			}
		}
		cur = next;
		if (absolv_is_working_day((absolv_day) cur, land))
			remaining--;
	}
	*result = (absolv_day) cur;
	return true;
}


/* ----------------------------------------------------------------------
 * Länder
 * ----------------------------------------------------------------------
 */

/* true for the white space absolv_land_lookup trims */
static inline bool
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		c == '\v' || c == '\f';
}

/* the transliteration ("ae", "oe", "ue") of an umlaut letter, or 0 */
static char
umlaut_base(unsigned char c)
{
	switch (c)
	{
		case 'a':
		case 'A':
			return 'a';
		case 'o':
		case 'O':
			return 'o';
		case 'u':
		case 'U':
			return 'u';
		default:
			return 0;
	}
}

/*
 * Land of a code or German name, or -1 if unknown.  The text (len bytes, no
 * NUL needed) is trimmed of surrounding white space and compared without
 * regard to case; the names may be spelled with UTF-8 umlauts (precomposed
 * or as a letter plus combining diaeresis) or transliterated ("Thueringen").
 * ABSOLV_LAND_NONE has no name.
 */
int
absolv_land_lookup(const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *) text;
	char		key[LAND_KEY_MAX + 1];
	size_t		klen = 0;
	size_t		i;
	int			land;

	if (text == NULL)
		return -1;
	while (len > 0 && is_space(s[0]))
	{
		s++;
		len--;
	}
	while (len > 0 && is_space(s[len - 1]))
		len--;

	/* normalise into key: lower-case ASCII, umlauts as ae / oe / ue */
	for (i = 0; i < len; i++)
	{
		unsigned char c = s[i];
		char		base = 0;

		if (klen + 2 > LAND_KEY_MAX)
			return -1;
		if (c == 0xC3 && i + 1 < len)
		{
			switch (s[i + 1])
			{
				case 0x84:		/* Ä */
				case 0xA4:		/* ä */
					base = 'a';
					break;
				case 0x96:		/* Ö */
				case 0xB6:		/* ö */
					base = 'o';
					break;
				case 0x9C:		/* Ü */
				case 0xBC:		/* ü */
					base = 'u';
					break;
				default:
					return -1;
			}
			i++;
		}
		else if (i + 2 < len && s[i + 1] == 0xCC && s[i + 2] == 0x88 &&
				 umlaut_base(c) != 0)
		{
			/* letter followed by U+0308 COMBINING DIAERESIS */
			base = umlaut_base(c);
			i += 2;
		}
		if (base != 0)
		{
			key[klen++] = base;
			key[klen++] = 'e';
		}
		else if (c >= 'A' && c <= 'Z')
			key[klen++] = (char) (c - 'A' + 'a');
		else if (c == 0 || c >= 0x80)
			return -1;			/* no other byte occurs in a name */
		else
			key[klen++] = (char) c;
	}
	key[klen] = '\0';

	for (land = ABSOLV_LAND_NONE + 1; land < ABSOLV_LAND_COUNT; land++)
	{
		const char *code = land_codes[land];

		if (klen == 2 && key[0] == code[0] - 'A' + 'a' &&
			key[1] == code[1] - 'A' + 'a')
			return land;
		if (strlen(land_keys[land]) == klen &&
			memcmp(land_keys[land], key, klen) == 0)
			return land;
	}
	return -1;
}

/* two-letter ISO 3166-2:DE code ("HE"); NULL for NONE or an invalid Land */
const char *
absolv_land_code(absolv_land land)
{
	if (!land_is_valid(land))
		return NULL;
	return land_codes[land];
}

/* German name ("Hessen", UTF-8); NULL for NONE or an invalid Land */
const char *
absolv_land_name(absolv_land land)
{
	if (!land_is_valid(land))
		return NULL;
	return land_names[land];
}
