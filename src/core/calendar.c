/*
 * calendar.c
 *	  Calendar arithmetic for absolv: civil dates, calendar months, the
 *	  public holidays of the 16 German Länder and of the regional calendars
 *	  of parts of them, and working days.
 *
 * Plain C99, no PostgreSQL headers, no allocation.  The only mutable global
 * state is the small cache of holiday years described below.
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
 *	 Fronleichnam				Easter + 60	BW, BY, HE, NW, RP, SL (and
 *											SN-FRONLEICHNAM, TH-FRONLEICHNAM)
 *	 Augsburger Hohes Friedensfest	8 Aug	BY-AUGSBURG
 *	 Mariä Himmelfahrt			15 Aug		SL (and BY-MHF, BY-AUGSBURG)
 *	 Weltkindertag				20 Sep		TH from 2019
 *	 Reformationstag				31 Oct		BB, MV, SN, ST, TH always;
 *											HB, HH, NI, SH from 2018
 *	 Allerheiligen				1 Nov		BW, BY, NW, RP, SL
 *	 Buß- und Bettag				Wed 16-22 Nov	SN always
 *
 * The one-off Berlin holidays are those the Berlin Gesetz über die Sonn-
 * und Feiertage was amended for: 8 May 2020 (75th anniversary of the end of
 * the war, enacted with the Frauentag in January 2019) and 8 May 2025 (80th
 * anniversary).  17 June 2028 (75th anniversary of 17 June 1953) is NOT
 * included: it was announced as a plan of the Senate in 2024, but no
 * evidence was found that the Abgeordnetenhaus enacted it (see
 * docs/calendars.md).  It is a Saturday, so it would change no working day.
 *
 * Regional calendars
 * ------------------
 * Some holidays hold only in part of a Land.  Each such part is a calendar
 * of its own, with every holiday of its Land (land_parents) and these:
 *	 BY-MHF				Mariä Himmelfahrt, 15 Aug: the Bavarian
 *						municipalities with a mainly Catholic population
 *						(Bayerisches Feiertagsgesetz Art. 1 Abs. 1 Nr. 2 and
 *						Abs. 3; the list is fixed by the Landesamt für
 *						Statistik after each census).  BY itself is the
 *						calendar of the other municipalities.
 *	 BY-AUGSBURG			Mariä Himmelfahrt, 15 Aug (Augsburg is one of the
 *						municipalities above) and the Augsburger Hohes
 *						Friedensfest, 8 Aug (Art. 1 Abs. 2: city of
 *						Augsburg only).
 *	 SN-FRONLEICHNAM		Fronleichnam: the municipalities of the Sorbian
 *						settlement area in Landkreis Bautzen listed by the
 *						Saxon Fronleichnamsverordnung of 4 May 1993 under
 *						§ 1 Abs. 1 of the Sächsisches Sonn- und
 *						Feiertagsgesetz.
 *	 TH-FRONLEICHNAM		Fronleichnam: the municipalities with a mainly
 *						Catholic population fixed by regulation under § 2
 *						Abs. 2 of the Thüringer Feier- und Gedenktagsgesetz
 *						(Landkreis Eichsfeld, and municipalities of the
 *						Unstrut-Hainich-Kreis and the Wartburgkreis).
 * As for the Länder, the current law is applied to every year.
 *
 * When two holidays fall on the same day (1 May 2008 was also Christi
 * Himmelfahrt, 17 June 1954 also Fronleichnam), the day is one holiday and
 * absolv_holiday_name gives the fixed-date one ("Tag der Arbeit", "Tag der
 * deutschen Einheit").
 *
 * Holiday years
 * -------------
 * The holidays of a Land in a year are worked out once, from the table
 * below, into a bitmask of the days of that year (holiday_year), along with
 * the day number of its 1 January and its number of working days.  A few
 * such years are kept in a process-local cache (holiday_cache), so that
 * asking whether a day is a holiday or a working day is one bit test once
 * its year is in the cache, and the n-th working day after a day is found by
 * walking the bits of a year instead of converting every day to a civil date
 * and walking all the rules.  absolv_holiday_name uses the mask only to
 * answer NULL at once; for a holiday it walks the rules for the name.
 *
 * src/core/calendar.c
 */
#include "calendar.h"

#include <string.h>

/* weekdays, as returned by absolv_weekday */
#define WD_WEDNESDAY	2
#define WD_SATURDAY		5
#define WD_SUNDAY		6

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
	uint32_t	lands;			/* bit (1 << absolv_land) per calendar; a
								 * Land's bit stands for its regional
								 * calendars too */
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
#define N_FRIEDENSFEST			"Augsburger Hohes Friedensfest"
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
	/* Bayerisches Feiertagsgesetz Art. 1 Abs. 2: city of Augsburg */
	{N_FRIEDENSFEST, HK_FIXED, 8, 8, L(BY_AUGSBURG), NO_YEAR_MIN, NO_YEAR_MAX},
	/* in BY: Art. 1 Abs. 1 Nr. 2, municipalities with a Catholic majority */
	{N_MARIAE_HIMMELFAHRT, HK_FIXED, 8, 15,
		L(SL) | L(BY_MHF) | L(BY_AUGSBURG), NO_YEAR_MIN, NO_YEAR_MAX},
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
	/*
	 * SN-FRONLEICHNAM: Fronleichnamsverordnung under § 1 Abs. 1 SächsSFG;
	 * TH-FRONLEICHNAM: regulation under § 2 Abs. 2 ThürFGtG
	 */
	{"Fronleichnam", HK_EASTER, 0, 60,
		L(BW) | L(BY) | L(HE) | L(NW) | L(RP) | L(SL) |
		L(SN_FRONLEICHNAM) | L(TH_FRONLEICHNAM),
		NO_YEAR_MIN, NO_YEAR_MAX},
	{N_BUSS_UND_BETTAG, HK_BUSSTAG, 11, 0, L(SN), NO_YEAR_MIN, NO_YEAR_MAX},
	{N_BUSS_UND_BETTAG, HK_BUSSTAG, 11, 0, ALL_LANDS, NO_YEAR_MIN, 1994},
};

#define N_HOLIDAY_RULES (sizeof(holiday_rules) / sizeof(holiday_rules[0]))

/* every calendar has a bit in holiday_rule.lands (compile-time check) */
typedef char calendars_fit_lands_mask[ABSOLV_LAND_COUNT <= 32 ? 1 : -1];

/* codes and names of the calendars, indexed by absolv_land */
static const char *const land_codes[ABSOLV_LAND_COUNT] = {
	NULL, "BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP",
	"SL", "SN", "ST", "SH", "TH",
	"BY-MHF", "BY-AUGSBURG", "SN-FRONLEICHNAM", "TH-FRONLEICHNAM"
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
	"Th\xC3\xBCringen",
	"Bayern mit Mari\xC3\xA4 Himmelfahrt",
	"Augsburg",
	"Sachsen mit Fronleichnam",
	"Th\xC3\xBCringen mit Fronleichnam"
};

/* the Land of each calendar */
static const uint8_t land_parents[ABSOLV_LAND_COUNT] = {
	ABSOLV_LAND_NONE, ABSOLV_LAND_BW, ABSOLV_LAND_BY, ABSOLV_LAND_BE,
	ABSOLV_LAND_BB, ABSOLV_LAND_HB, ABSOLV_LAND_HH, ABSOLV_LAND_HE,
	ABSOLV_LAND_MV, ABSOLV_LAND_NI, ABSOLV_LAND_NW, ABSOLV_LAND_RP,
	ABSOLV_LAND_SL, ABSOLV_LAND_SN, ABSOLV_LAND_ST, ABSOLV_LAND_SH,
	ABSOLV_LAND_TH,
	ABSOLV_LAND_BY, ABSOLV_LAND_BY, ABSOLV_LAND_SN, ABSOLV_LAND_TH
};

/*
 * The spellings absolv_land_lookup accepts besides the two-letter codes, as
 * normalised keys (lower-case ASCII, umlauts as ae / oe / ue, every run of
 * '-', '_' and blanks as one '-'): the names and codes above and a few
 * aliases.
 */
typedef struct land_key
{
	const char *key;
	uint8_t		land;
} land_key;

static const land_key land_keys[] = {
	{"baden-wuerttemberg", ABSOLV_LAND_BW},
	{"bayern", ABSOLV_LAND_BY},
	{"berlin", ABSOLV_LAND_BE},
	{"brandenburg", ABSOLV_LAND_BB},
	{"bremen", ABSOLV_LAND_HB},
	{"hamburg", ABSOLV_LAND_HH},
	{"hessen", ABSOLV_LAND_HE},
	{"mecklenburg-vorpommern", ABSOLV_LAND_MV},
	{"niedersachsen", ABSOLV_LAND_NI},
	{"nordrhein-westfalen", ABSOLV_LAND_NW},
	{"rheinland-pfalz", ABSOLV_LAND_RP},
	{"saarland", ABSOLV_LAND_SL},
	{"sachsen", ABSOLV_LAND_SN},
	{"sachsen-anhalt", ABSOLV_LAND_ST},
	{"schleswig-holstein", ABSOLV_LAND_SH},
	{"thueringen", ABSOLV_LAND_TH},
	{"by-mhf", ABSOLV_LAND_BY_MHF},
	{"by-kath", ABSOLV_LAND_BY_MHF},
	{"bayern-mit-mariae-himmelfahrt", ABSOLV_LAND_BY_MHF},
	{"by-augsburg", ABSOLV_LAND_BY_AUGSBURG},
	{"augsburg", ABSOLV_LAND_BY_AUGSBURG},
	{"stadt-augsburg", ABSOLV_LAND_BY_AUGSBURG},
	{"sn-fronleichnam", ABSOLV_LAND_SN_FRONLEICHNAM},
	{"sachsen-mit-fronleichnam", ABSOLV_LAND_SN_FRONLEICHNAM},
	{"th-fronleichnam", ABSOLV_LAND_TH_FRONLEICHNAM},
	{"thueringen-mit-fronleichnam", ABSOLV_LAND_TH_FRONLEICHNAM}
};

#define N_LAND_KEYS (sizeof(land_keys) / sizeof(land_keys[0]))

/* longest normalised text absolv_land_lookup considers */
#define LAND_KEY_MAX	32

/* 64-bit words of a bitmask of the days of a year (366 bits) */
#define YEAR_MASK_WORDS	6

/*
 * The holidays of one Land in one year.  Bit (day - first_day) of holidays
 * is set for each day that is a public holiday; in the first year of the
 * range this may include days before ABSOLV_DAY_MIN, which are never asked
 * about.
 */
typedef struct holiday_year
{
	int64_t		first_day;		/* day number of 1 January */
	int64_t		year;
	int32_t		ndays;			/* 365 or 366; 0 for an unused slot */
	int32_t		land;			/* absolv_land */
	int64_t		working_days;	/* Mondays to Fridays that are no holiday */
	uint64_t	last_used;		/* holiday_cache_clock when last made the
								 * slot of the last hit; 0 if unused */
	uint64_t	holidays[YEAR_MASK_WORDS];
} holiday_year;

/* number of holiday years kept */
#define HOLIDAY_CACHE_SIZE	8

/*
 * The cache of holiday years, least recently used one replaced.  This is
 * process-local mutable state without any locking: PostgreSQL backends
 * (parallel workers included, which are processes of their own) and the
 * fuzzers are single-threaded.  A multi-threaded user of the core would
 * need a cache per thread.  The cache only ever holds what holiday_year_fill
 * computes from the constant table, so it never changes a result.
 */
static holiday_year holiday_cache[HOLIDAY_CACHE_SIZE];
static int	holiday_cache_last = 0; /* slot of the last hit */
static uint64_t holiday_cache_clock = 0;	/* counts changes of that slot */


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

/*
 * true if a holiday rule holds in a calendar (not NONE) in a year: a rule
 * of the Land of a regional calendar holds there too
 */
static inline bool
rule_applies(const holiday_rule *rule, absolv_land land, int64_t year)
{
	uint32_t	bits = (UINT32_C(1) << land) |
		(UINT32_C(1) << land_parents[land]);

	return (rule->lands & bits) != 0 &&
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

/* true if the day at offset (0 .. ndays - 1) of a holiday year is a holiday */
static inline bool
holiday_year_has(const holiday_year *hy, int64_t offset)
{
	return ((hy->holidays[offset >> 6] >> (offset & 63)) & 1) != 0;
}

/*
 * Work out the holidays of a Land (ABSOLV_LAND_NONE too: none) in a year,
 * whose days need not all be valid, into hy.  The working days are the
 * year's Mondays to Fridays less the distinct holidays that fall on one of
 * them.
 */
static void
holiday_year_fill(holiday_year *hy, int64_t year, absolv_land land)
{
	int64_t		first_day = days_from_civil(year, 1, 1);
	int32_t		ndays = is_leap_year(year) ? 366 : 365;
	int64_t		easter;
	size_t		i;

	hy->first_day = first_day;
	hy->year = year;
	hy->ndays = ndays;
	hy->land = (int32_t) land;
	hy->working_days = count_weekdays(first_day, first_day + ndays - 1);
	memset(hy->holidays, 0, sizeof(hy->holidays));
	if (land == ABSOLV_LAND_NONE)
		return;

	easter = easter_day(year);
	for (i = 0; i < N_HOLIDAY_RULES; i++)
	{
		const holiday_rule *rule = &holiday_rules[i];
		int64_t		offset;
		uint64_t	bit;

		if (!rule_applies(rule, land, year))
			continue;
		offset = rule_day(rule, year, easter) - first_day;

		/*
		 * Every rule's day lies in its own year (the movable feasts in March
		 * to June), so this only guards the array.
		 */
		if (offset < 0 || offset >= ndays)
			continue;
		bit = UINT64_C(1) << (offset & 63);
		if ((hy->holidays[offset >> 6] & bit) != 0)
			continue;			/* two holidays on one day */
		hy->holidays[offset >> 6] |= bit;
		if (weekday64(first_day + offset) < WD_SATURDAY)
			hy->working_days--;
	}
}

/*
 * The holiday year of a Land that contains a valid day, from the cache, or
 * worked out into the least recently used slot.  The pointer is good until
 * the next call.
 */
static const holiday_year *
holiday_year_of(int64_t day, absolv_land land)
{
	holiday_year *hy = &holiday_cache[holiday_cache_last];
	int			slot;
	int			victim = 0;
	int64_t		year;
	int			month;
	int			mday;

	/* the slot of the last hit, then the others */
	if (hy->land == (int32_t) land &&
		(uint64_t) (day - hy->first_day) < (uint64_t) hy->ndays)
		return hy;
	for (slot = 0; slot < HOLIDAY_CACHE_SIZE; slot++)
	{
		hy = &holiday_cache[slot];
		if (hy->land == (int32_t) land &&
			(uint64_t) (day - hy->first_day) < (uint64_t) hy->ndays)
			break;
		if (hy->last_used < holiday_cache[victim].last_used)
			victim = slot;
	}
	if (slot == HOLIDAY_CACHE_SIZE)
	{
		slot = victim;
		hy = &holiday_cache[slot];
		civil_from_days(day, &year, &month, &mday);
		holiday_year_fill(hy, year, land);
	}

	/*
	 * The slot of the last hit has the highest last_used, so it is never
	 * the one replaced; hits on it need not update it.
	 */
	hy->last_used = ++holiday_cache_clock;
	holiday_cache_last = slot;
	return hy;
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

	/* most days are none: the year's mask says so */
	if (!absolv_is_holiday(day, land))
		return NULL;

	/* a holiday: the first rule that matches names it */
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
	const holiday_year *hy;

	if (!absolv_day_is_valid(day) || !land_is_valid(land) ||
		land == ABSOLV_LAND_NONE)
		return false;
	hy = holiday_year_of(day, land);
	return holiday_year_has(hy, day - hy->first_day);
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
	return weekday64(day) < WD_SATURDAY && !absolv_is_holiday(day, land);
}

/*
 * The n-th working day of the Land after day (n >= 0; n = 0 gives day
 * itself, working day or not).  False (result untouched) if n < 0, the day
 * or Land is invalid, or the result would leave the valid range.
 *
 * The days are looked at year by year, as offsets into the holiday year's
 * mask (holiday_year_of), with the weekday carried along.  A whole year
 * ahead with fewer working days than are still to go is skipped using its
 * count of working days, so the cost grows with n / 250 rather than with n
 * (about 0.15 s per million years).
 */
bool
absolv_add_working_days(absolv_day day, int n, absolv_land land,
						absolv_day *result)
{
	int64_t		cur = day;		/* last day looked at */
	int64_t		remaining = n;

	if (n < 0 || !absolv_day_is_valid(day) || !land_is_valid(land))
		return false;
	/*
	 * Fewer Mondays to Fridays than n before the end of the range.  Each
	 * whole week of the DAY_MAX - day days after day has five of them, so
	 * they need counting only when that is less than n.
	 */
	if (n > 0 && (day == ABSOLV_DAY_MAX ||
				  (n > ((int64_t) ABSOLV_DAY_MAX - day) / 7 * 5 &&
				   n > count_weekdays(cur + 1, ABSOLV_DAY_MAX))))
		return false;

	while (remaining > 0)
	{
		const holiday_year *hy;
		int64_t		offset;		/* of the day looked at in its year */
		int			wd;			/* its weekday */

		if (cur >= ABSOLV_DAY_MAX)
			return false;
		hy = holiday_year_of(cur + 1, land);
		offset = cur + 1 - hy->first_day;
		if (offset == 0 && hy->year < YEAR_MAX &&
			remaining > hy->working_days)
		{
			/* a whole year ahead, inside the range: skip it */
			remaining -= hy->working_days;
			cur = hy->first_day + hy->ndays - 1;
			continue;
		}

		/* the days of this year from cur + 1, up to the n-th or 31 Dec */
		wd = weekday64(cur + 1);
		for (;;)
		{
			if (wd < WD_SATURDAY && !holiday_year_has(hy, offset) &&
				--remaining == 0)
				break;
			if (offset == hy->ndays - 1)
				break;
			offset++;
			wd = (wd == WD_SUNDAY) ? 0 : wd + 1;
		}
		cur = hy->first_day + offset;
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

/* true for the separators absolv_land_lookup reads as one '-' */
static inline bool
is_separator(unsigned char c)
{
	return c == '-' || c == '_' || is_space(c);
}

/*
 * Calendar of a code, German name or alias, or -1 if unknown.  The text
 * (len bytes, no NUL needed) is trimmed of surrounding white space and
 * compared without regard to case, with every run of '-', '_' and white
 * space read as one '-'; the names may be spelled with UTF-8 umlauts
 * (precomposed or as a letter plus combining diaeresis) or transliterated
 * ("Thueringen").  ABSOLV_LAND_NONE has no name.
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
		else if (is_separator(c))
		{
			key[klen++] = '-';
			while (i + 1 < len && is_separator(s[i + 1]))
				i++;
		}
		else if (c >= 'A' && c <= 'Z')
			key[klen++] = (char) (c - 'A' + 'a');
		else if (c == 0 || c >= 0x80)
			return -1;			/* no other byte occurs in a name */
		else
			key[klen++] = (char) c;
	}
	key[klen] = '\0';

	if (klen == 2)
		for (land = ABSOLV_LAND_NONE + 1; land < ABSOLV_LAND_FIRST_REGION; land++)
		{
			const char *code = land_codes[land];

			if (key[0] == code[0] - 'A' + 'a' && key[1] == code[1] - 'A' + 'a')
				return land;
		}
	for (i = 0; i < N_LAND_KEYS; i++)
		if (strlen(land_keys[i].key) == klen &&
			memcmp(land_keys[i].key, key, klen) == 0)
			return land_keys[i].land;
	return -1;
}

/*
 * Canonical code: the two-letter ISO 3166-2:DE code of a Land ("HE"), the
 * code of a regional calendar ("BY-AUGSBURG"); NULL for NONE or an invalid
 * calendar
 */
const char *
absolv_land_code(absolv_land land)
{
	if (!land_is_valid(land))
		return NULL;
	return land_codes[land];
}

/* German name ("Hessen", "Augsburg", UTF-8); NULL for NONE or an invalid one */
const char *
absolv_land_name(absolv_land land)
{
	if (!land_is_valid(land))
		return NULL;
	return land_names[land];
}

/* the Land of a calendar (itself for a Land); NONE for NONE or an invalid one */
absolv_land
absolv_land_parent(absolv_land land)
{
	if (!land_is_valid(land))
		return ABSOLV_LAND_NONE;
	return (absolv_land) land_parents[land];
}

/* the accepted codes, for error messages */
const char *
absolv_land_accepted(void)
{
	return "BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH, "
		"BY-MHF, BY-AUGSBURG, SN-FRONLEICHNAM, TH-FRONLEICHNAM";
}
