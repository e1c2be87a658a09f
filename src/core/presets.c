/*
 * presets.c
 *	  The rules of the five job centres (docs/rules.md), written in the
 *	  absolv rule language.
 *
 * They are text, parsed like any user's rule: no preset has code of its
 * own.  docs/job-centres/ maps each line to the sentence of the directive
 * it implements.
 */
#include "rule.h"

#include <string.h>

typedef struct preset
{
	const char *name;
	const char *source;			/* the directive and its section */
	const char *text;
} preset;

/* Cottbus, sections 3 and 4: the same schedule for ieS and iwS */
#define COTTBUS_SCHEDULE \
	"  due \"Wiedervorlage Gespräch während der Maßnahme\" exit - 1 month when duration at least 91 days and at most 91 days note \"Maßnahme von genau 3 Monaten (91 Kalendertage): spätestens 1 Monat vor Maßnahmeende\"\n" \
	"  due \"Wiedervorlage Gespräch während der Maßnahme\" exit - 2 months when duration more than 91 days note \"Maßnahme über 3 Monate: spätestens 2 Monate vor Maßnahmeende\"\n" \
	"  due \"Wiedervorlage Gespräch nach Ende\" exit + 7 days note \"Gespräch innerhalb einer Woche nach Ende der Maßnahme\"\n" \
	"  due \"Einschaltung Arbeitgeberservice\" exit - 28 days when duration less than 12 months note \"Maßnahmen unter 12 Monaten: 4 Wochen vor Maßnahmeende\"\n" \
	"  due \"Einschaltung Arbeitgeberservice\" exit - 84 days when duration at least 12 months note \"Maßnahmen ab 12 Monaten: 12 Wochen vor Maßnahmeende\"\n" \
	"  due \"Abschluss Handlungsstrategie\" exit + 6 months when duration at least 91 days note \"Handlungsstrategie ABSOLV nach 6 Monaten abschließen\"\n"

/* Cottbus, 2.1 and 2.2: the same scope for ieS and iwS */
#define COTTBUS_SCOPE \
	"  scope\n" \
	"    measure in (FBW*, MAT, MAG, MABE, MPAV, BAE, AZ, REHA, BVB with goal INTEGRATION not null)\n" \
	"    duration at least 91 days\n" \
	"    outcome successful\n" \
	"    cosach status in (B)\n"

/*
 * Herford: the scope of all three presets, but for the duration.  The
 * directive takes only customers who "die Maßnahme nicht
 * abgebrochen/vorzeitig beendet haben": an early end with the goal reached
 * (GOAL_EARLY) is an early end too, so only SUCCESS (or no entry) counts.
 */
#define HERFORD_SCOPE(duration) \
	"  scope\n" \
	"    measure in (FBW*, MAT, BAE, REHA, BVB with goal INTEGRATION not null)\n" \
	"    duration " duration "\n" \
	"    outcome in (SUCCESS)\n" \
	"    customer status in (ALO, ASU, RASU)\n" \
	"    legal sphere in (SGB2) not null\n" \
	"    cosach status in (B) not null\n"

#define HERFORD_IES_BODY \
	"    window exit - 90 days .. exit\n" \
	"    require CONTACT and EINV\n" \
	"    exclude EXCEPTION\n"
#define HERFORD_IWS_BODY \
	"    window exit - 90 days .. exit + 14 days\n" \
	"    require CONTACT and EINV\n" \
	"    exclude EXCEPTION\n"
#define HERFORD_START \
	"  due \"Beginn Absolventenmanagement\" exit - 90 days note \"Kundenkontakt und neue EinV innerhalb von 91 Tagen vor Maßnahmeaustritt\"\n"

static const preset presets[] = {
	{
		"frankfurt",
		"Jobcenter Frankfurt am Main, Arbeitsanweisung Absolventenmanagement",
		"rule frankfurt \"Jobcenter Frankfurt am Main: Vermittlungsgespräch innerhalb von 2 Wochen nach Maßnahmeende\"\n"
		"  scope\n"
		"    measure in (FBW*, (MAT, MAG, MABE) with duration more than 3 months)\n"
		"    outcome successful\n"
		"  window exit + 1 day .. exit + 14 days\n"
		"  require CONTACT or CONTACT after MISSED within 10 working days of HE\n"
		"  exclude EXCEPTION within exit - 28 days .. deadline or JOB_START within exit - 28 days .. deadline\n"
		"  due \"Aktivierung Handlungsstrategie\" entry note \"Bei Zuweisung in die Maßnahme: Handlungsstrategie Absolventenmanagement aktivieren\"\n"
		"  due \"Strategiebeginn\" exit - 28 days note \"Handlungsstrategie Absolventenmanagement beginnt 4 Wochen vor Maßnahmeende\"\n"
		"  due \"Vermittlungsgespräch\" exit + 14 days note \"Vermittlungsgespräch innerhalb von 2 Wochen nach Abschluss der Maßnahme\"\n"
		"  due \"Strategieende\" exit - 28 days + 4 months note \"Handlungsstrategie endet 4 Monate nach ihrem Beginn\"\n"
	},
	{
		"herford",
		"Jobcenter Herford, Fachkonzept Absolventenmanagement vom 11.02.2016",
		"rule herford \"Jobcenter Herford: im engeren Sinne ab 6 Monaten, im weiteren Sinne von 3 bis unter 6 Monaten (BaE: derzeit noch in Klärung)\"\n"
		HERFORD_SCOPE("at least 3 months")
		"  variant ies \"im engeren Sinne: Maßnahmen ab 6 Monaten\"\n"
		"    when duration at least 6 months\n"
		HERFORD_IES_BODY
		"  variant iws \"im weiteren Sinne: Maßnahmen von 3 bis unter 6 Monaten\"\n"
		"    otherwise\n"
		HERFORD_IWS_BODY
		HERFORD_START
		"  due \"Kontakt und EinV spätestens\" exit when duration at least 6 months note \"im engeren Sinne: bis zum Austrittstag\"\n"
		"  due \"Kontakt und EinV spätestens\" exit + 14 days note \"im weiteren Sinne: bis 14 Tage nach Maßnahmeaustritt\"\n"
	},
	{
		"herford_ies",
		"Jobcenter Herford, Fachkonzept Absolventenmanagement vom 11.02.2016: im engeren Sinne",
		"rule herford_ies \"Jobcenter Herford: Absolventenmanagement im engeren Sinne, Maßnahmen ab 6 Monaten (BaE: derzeit noch in Klärung)\"\n"
		HERFORD_SCOPE("at least 6 months")
		HERFORD_IES_BODY
		HERFORD_START
		"  due \"Kontakt und EinV spätestens\" exit note \"bis zum Austrittstag\"\n"
	},
	{
		"herford_iws",
		"Jobcenter Herford, Fachkonzept Absolventenmanagement vom 11.02.2016: im weiteren Sinne",
		"rule herford_iws \"Jobcenter Herford: Absolventenmanagement im weiteren Sinne, Maßnahmen von 3 bis unter 6 Monaten (BaE: derzeit noch in Klärung)\"\n"
		HERFORD_SCOPE("at least 3 months and less than 6 months")
		HERFORD_IWS_BODY
		HERFORD_START
		"  due \"Kontakt und EinV spätestens\" exit + 14 days note \"bis 14 Tage nach Maßnahmeaustritt\"\n"
	},
	{
		"hannover",
		"Jobcenter Region Hannover, Fachliche Weisung 09/2014, VII; IV, Anhang 1 und 2",
		"rule hannover \"Jobcenter Region Hannover: EinV und VV oder SI in den letzten 90 Tagen vor Austritt\"\n"
		"  scope\n"
		"    measure any\n"
		"    duration at least 90 days\n"
		"    outcome successful\n"
		"  variant fbw \"FbW: EinV und VV oder SI bis 14 Tage nach Maßnahmeende; eine Einstellungszusage während der Maßnahme ersetzt VV und SI\"\n"
		"    when measure in (FBW*)\n"
		"    window exit - 90 days .. exit + 14 days\n"
		"    require EINV in force at exit if concluded by exit and (VV or SI or HIRING_COMMITMENT within exit - 90 days .. exit)\n"
		"  variant s45_agh \"§ 45 und AGH: eine gültige EinV genügt, bis 14 Tage nach Maßnahmeende\"\n"
		"    when measure in (MAT, MAG, MABE, MPAV, AGH)\n"
		"    window exit - 90 days .. exit + 14 days\n"
		"    require EINV in force at exit if concluded by exit\n"
		"  variant other \"übrige Maßnahmen: gültige EinV und VV, SI oder Einstellungszusage\"\n"
		"    otherwise\n"
		"    window exit - 90 days .. exit\n"
		"    require EINV in force at exit and (VV or SI or HIRING_COMMITMENT)\n"
		"  due \"Beginn Absolventenmanagement\" exit - 90 days when measure in (FBW_UMSCHULUNG) note \"Umschulung: 90 Tage vor Maßnahmeende\"\n"
		"  due \"Beginn Absolventenmanagement\" exit - 42 days when measure in (FBW*, BAE, EQ, BVB) note \"Fortbildung, BaE, EQ und BvB: 6 Wochen vor Maßnahmeende (BaE frühestens 90 Tage vor Ende, nicht verpflichtend)\"\n"
		"  due \"Beginn Absolventenmanagement\" exit + 1 day when measure in (AGH, MAT, MAG) note \"AGH, MAT und MAG: Auswertung im Anschluss an die Maßnahme\"\n"
		"  due \"Wiedervorlage Beratungstermin während der Maßnahme\" exit - 3 months when measure in (FBW_UMSCHULUNG) note \"Umschulung: Beratungstermin 3 Monate vor Maßnahmeende\"\n"
		"  due \"Wiedervorlage Beratungstermin während der Maßnahme\" exit - 42 days when measure in (FBW*, AGH, BAE, EQ, BVB) note \"FbW, AGH-MAE und BaE (analog EQ und BvB): Beratungstermin spätestens 6 Wochen vor Maßnahmeende\"\n"
		"  due \"Beratungsgespräch nach Ende\" exit + 7 days note \"Beratungsgespräch innerhalb einer Woche nach Ende der Maßnahme\"\n"
		"  due \"Ende Absolventenmanagement\" exit + 180 days note \"Das Absolventenmanagement dauert bis 180 Tage nach Maßnahmeende\"\n"
	},
	{
		"bremen",
		"Jobcenter Bremen, Geschäftsweisung Absolventenmanagement v3.0, I.1 und II",
		"rule bremen \"Jobcenter Bremen: qualifizierter Kontakt 28 Tage vor bis 28 Tage nach Maßnahmeende\"\n"
		"  scope\n"
		"    measure in (FBW*, MAT, MAG, MABE, AGH, BAE, EQ, BVB, REHA, EVL, TAAM, BUKSELB, ASA, IK, BSK)\n"
		"    duration at least 61 days\n"
		"    outcome any\n"
		"  window exit - 28 days .. exit + 28 days\n"
		"  require CONTACT\n"
		"  due \"Kontaktfenster öffnet\" exit - 28 days note \"qualifizierter Kontakt frühestens 28 Tage vor Maßnahmeende\"\n"
		"  due \"Kontaktfenster schließt\" exit + 28 days note \"qualifizierter Kontakt spätestens 28 Tage nach Maßnahmeende\"\n"
		"  due \"Zuständigkeit\" exit - 28 days when measure in (FBW*) and duration at least 6 months note \"AGS-K: FbW ab 6 Monaten Dauer\"\n"
		"  due \"Zuständigkeit\" exit - 28 days otherwise note \"IFK: alle übrigen Maßnahmen\"\n"
	},
	{
		"cottbus_ies",
		"Jobcenter Cottbus, Geschäftsanweisung Absolventenmanagement, 2.1; Zeitplan 3 und 4",
		"rule cottbus_ies \"Jobcenter Cottbus: Absolventenmanagement im engeren Sinne\"\n"
		COTTBUS_SCOPE
		"  window exit - 90 days .. exit\n"
		"  require EINV in force at exit and (VV or SI)\n"
		COTTBUS_SCHEDULE
	},
	{
		"cottbus_iws",
		"Jobcenter Cottbus, Geschäftsanweisung Absolventenmanagement, 2.2; Zeitplan 3 und 4",
		"rule cottbus_iws \"Jobcenter Cottbus: Absolventenmanagement im weiteren Sinne\"\n"
		COTTBUS_SCOPE
		"  window exit - 90 days .. exit + 14 days\n"
		"  require EINV in force at exit if concluded by exit and (VV or SI)\n"
		COTTBUS_SCHEDULE
	},
};

int
absolv_preset_count(void)
{
	return (int) (sizeof(presets) / sizeof(presets[0]));
}

const char *
absolv_preset_name(int i)
{
	return i >= 0 && i < absolv_preset_count() ? presets[i].name : NULL;
}

const char *
absolv_preset_text(int i)
{
	return i >= 0 && i < absolv_preset_count() ? presets[i].text : NULL;
}

const char *
absolv_preset_source(int i)
{
	return i >= 0 && i < absolv_preset_count() ? presets[i].source : NULL;
}

int
absolv_preset_lookup(const char *name, size_t len)
{
	/* trim white space */
	while (len > 0 && (*name == ' ' || *name == '\t' || *name == '\n' || *name == '\r'))
		name++, len--;
	while (len > 0 && (name[len - 1] == ' ' || name[len - 1] == '\t' ||
					   name[len - 1] == '\n' || name[len - 1] == '\r'))
		len--;
	for (int i = 0; i < absolv_preset_count(); i++)
	{
		const char *p = presets[i].name;
		size_t		n = strlen(p);
		size_t		k;

		if (n != len)
			continue;
		for (k = 0; k < n; k++)
		{
			char		c = name[k];

			if (c >= 'A' && c <= 'Z')
				c = (char) (c - 'A' + 'a');
			if (c != p[k])
				break;
		}
		if (k == n)
			return i;
	}
	return -1;
}
