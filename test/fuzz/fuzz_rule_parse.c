/*
 * fuzz_rule_parse.c
 *	  libFuzzer harness of the rule-language parser and printer.
 *
 * For any input: the parser must not crash, an error must point inside the
 * text (or one past its end), and a rule that parses must print a canonical
 * text that parses again to the same canonical text.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rule.h"

static absolv_rule rule_a,
			rule_b;
static char text_a[ABSOLV_MAX_RULE_TEXT * 4],
			text_b[ABSOLV_MAX_RULE_TEXT * 4];

/* number of UTF-8 characters (lead bytes) in data */
static int
characters(const uint8_t *data, size_t size)
{
	int			n = 0;

	for (size_t i = 0; i < size; i++)
		if ((data[i] & 0xC0) != 0x80)
			n++;
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	absolv_error err;
	size_t		len;

	if (!absolv_rule_parse((const char *) data, size, &rule_a, &err))
	{
		if (err.code == ABSOLV_OK || err.position < 1 ||
			err.position > characters(data, size) + 1 || err.message[0] == '\0')
		{
			fprintf(stderr, "bad error: code %d position %d message \"%s\"\n",
					err.code, err.position, err.message);
			abort();
		}
		return 0;
	}
	len = absolv_rule_print(&rule_a, text_a, sizeof(text_a));
	if (len >= sizeof(text_a))
		abort();
	if (!absolv_rule_parse(text_a, len, &rule_b, &err))
	{
		fprintf(stderr, "canonical text does not parse: %s at %d\n%s\n",
				err.message, err.position, text_a);
		abort();
	}
	absolv_rule_print(&rule_b, text_b, sizeof(text_b));
	if (strcmp(text_a, text_b) != 0)
	{
		fprintf(stderr, "canonical text is not stable:\n%s\n---\n%s\n", text_a, text_b);
		abort();
	}
	return 0;
}
