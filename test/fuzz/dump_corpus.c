/*
 * dump_corpus.c
 *	  Writes the seed corpus of a fuzzer, one file per preset:
 *	    dump_corpus parse DIR      the preset's text
 *	    dump_corpus evaluate DIR   for each preset, an input choosing it, and
 *	                               one carrying its text as a custom rule
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "rule.h"

int
main(int argc, char **argv)
{
	/* a participation of 200 days with a few evidence rows around its exit */
	static const unsigned char tail[] = {
		0x01, 0x00, 0x00, 0x00, 0x00, 0xC8, 0x00, 0x06,
		0x00, 0xFF, 0xF0, 0x01, 0x20,
		0x01, 0xFF, 0xF8, 0x00, 0x00,
		0x03, 0x00, 0x05, 0x01, 0x00,
		0x04, 0x00, 0x02, 0x01, 0x00,
		0x03, 0x00, 0x09, 0x01, 0x00,
		0x05, 0xFF, 0xE0, 0x01, 0x00,
		0x03
	};
	bool		evaluate;

	if (argc != 3 || (strcmp(argv[1], "parse") != 0 && strcmp(argv[1], "evaluate") != 0))
	{
		fprintf(stderr, "usage: dump_corpus parse|evaluate DIR\n");
		return 2;
	}
	evaluate = strcmp(argv[1], "evaluate") == 0;
	for (int i = 0; i < absolv_preset_count(); i++)
		for (int custom = 0; custom <= (evaluate ? 1 : 0); custom++)
		{
			char		path[4096];
			FILE	   *f;

			snprintf(path, sizeof(path), "%s/preset_%s%s", argv[2], absolv_preset_name(i),
					 custom ? "_text" : "");
			f = fopen(path, "wb");
			if (f == NULL)
				return 1;
			if (!evaluate)
				fputs(absolv_preset_text(i), f);
			else if (custom)
			{
				fputc(0xF0, f);
				fputs(absolv_preset_text(i), f);
				fputc(0, f);
				fwrite(tail + 1, 1, sizeof(tail) - 1, f);
			}
			else
			{
				fputc(i, f);
				fwrite(tail, 1, sizeof(tail), f);
			}
			fclose(f);
		}
	return 0;
}
