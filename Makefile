# Makefile for absolv (PGXS)

EXTENSION = absolv
EXTVERSION = $(shell grep default_version $(EXTENSION).control | sed -e "s/default_version[[:space:]]*=[[:space:]]*'\([^']*\)'/\1/")

MODULE_big = absolv

CORE_OBJS = src/core/calendar.o src/core/codes.o src/core/rule_parse.o \
	src/core/rule_print.o src/core/presets.o src/core/evaluate.o \
	src/core/estimate.o
GLUE_OBJS = src/pg/rule_compile.o src/pg/rule_type.o src/pg/call_site_cache.o \
	src/pg/code_args.o src/pg/messages.o src/pg/horizon_functions.o src/pg/calendar_functions.o \
	src/pg/scope_functions.o src/pg/case_state.o src/pg/state_wire.o \
	src/pg/verdict_row.o src/pg/case_aggregates.o \
	src/pg/schedule_functions.o src/pg/partial_state.o src/pg/planner_support.o
OBJS = $(CORE_OBJS) $(GLUE_OBJS)

# the install script of the current version is built from sql/absolv.sql
DATA_built = sql/$(EXTENSION)--$(EXTVERSION).sql
# the frozen install scripts of released versions (absolv--X.sql) and the
# update scripts between them (absolv--A--B.sql)
DATA = $(filter-out sql/$(EXTENSION)--$(EXTVERSION).sql,$(wildcard sql/$(EXTENSION)--*.sql))

TESTS = $(sort $(wildcard test/sql/*.sql))
REGRESS = $(patsubst test/sql/%.sql,%,$(TESTS))
REGRESS_OPTS = --inputdir=test --outputdir=. --load-extension=pgtap --load-extension=$(EXTENSION)

PG_CPPFLAGS = -I$(srcdir)/src/core -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers
EXTRA_CLEAN = $(UNIT_BINS) results/ regression.diffs regression.out $(EXTENSION)-$(EXTVERSION).zip

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

sql/$(EXTENSION)--$(EXTVERSION).sql: sql/$(EXTENSION).sql
	cp $< $@

# --- plain-C unit tests of the core: no PostgreSQL needed ---------------
UNIT_CC ?= cc
UNIT_CFLAGS ?= -std=c99 -O1 -g -Wall -Wextra -Werror -Isrc/core
UNIT_SRCS = $(wildcard test/unit/test_*.c)
UNIT_BINS = $(patsubst test/unit/%.c,test/unit/bin/%,$(UNIT_SRCS))
CORE_SRCS = $(CORE_OBJS:.o=.c)

test/unit/bin/%: test/unit/%.c $(CORE_SRCS) src/core/*.h test/unit/unit.h
	@mkdir -p test/unit/bin
	$(UNIT_CC) $(UNIT_CFLAGS) -o $@ $< $(CORE_SRCS) -lm

.PHONY: unitcheck corecheck
unitcheck: $(UNIT_BINS)
	@status=0; for t in $(UNIT_BINS); do echo "# $$t"; $$t || status=1; done; exit $$status

# the core must not include PostgreSQL headers
corecheck:
	@! grep -nE '#include[[:space:]]*[<"](postgres|fmgr|utils/|catalog/|access/|nodes/)' src/core/*.c src/core/*.h \
		|| (echo "src/core includes PostgreSQL headers" >&2; exit 1)

# --- release archive for PGXN: the committed HEAD, under one top folder ---
DISTNAME = $(EXTENSION)-$(EXTVERSION)
.PHONY: dist
dist:
	@grep -q '"version": *"$(EXTVERSION)"' META.json || { echo "META.json: version is not $(EXTVERSION)" >&2; exit 1; }
	git archive --format=zip --prefix=$(DISTNAME)/ -o $(DISTNAME).zip HEAD
	@echo "wrote $(DISTNAME).zip"
