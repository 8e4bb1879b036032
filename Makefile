# coopdesk: plain GNU make.  `make`, `make run`, `make check`, `make install`.
# V=1 shows full commands; SANITIZE=1 builds with ASan and UBSan into its own
# directory; CC=clang works as well as gcc; `make check VALGRIND=1` runs the
# tests under valgrind (tests/run.sh).

VERSION    := 0.1.0
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
MANDIR     ?= $(PREFIX)/share/man
DOCDIR     ?= $(PREFIX)/share/doc/coopdesk
DESTDIR    ?=
CC         ?= cc
PKG_CONFIG ?= pkg-config
PKGS       := ncursesw formw panelw sqlite3 uuid libxcrypt
TEST_PKGS  := cmocka

ifeq ($(SANITIZE),1)
BUILD      := build/san
SANFLAGS   := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
OPT        := -O1 -g
else
BUILD      := build/out
SANFLAGS   :=
OPT        ?= -O2 -g
endif

WARN     := -Wall -Wextra -Wpedantic -Wshadow -Wformat=2 -Wstrict-prototypes \
            -Wmissing-prototypes -Wno-unused-parameter
CPPFLAGS += -Iinclude -I$(BUILD)/gen -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE \
            -DCOOPDESK_VERSION='"$(VERSION)"'
CFLAGS   ?=
CFLAGS   += -std=c17 $(OPT) $(WARN) $(SANFLAGS) -MMD -MP
# pkg-config is asked lazily so that `make deps` can run before it can answer.
# ncursesw's own -D_XOPEN_SOURCE=600 is dropped: we ask for 700 above.
PKG_CFLAGS = $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null))
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
TEST_LIBS  = $(shell $(PKG_CONFIG) --libs $(TEST_PKGS) 2>/dev/null)
LDFLAGS  += $(SANFLAGS)

ifeq ($(V),1)
Q :=
else
Q := @
endif

LIB_SRC   := $(sort $(wildcard src/core/*.c src/db/*.c src/report/*.c src/cli/*.c src/ui/*.c))
LIB_OBJ   := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/schema_sql.o
MAIN_OBJ  := $(BUILD)/src/main.o
LIB       := $(BUILD)/libcoopdesk.a
BIN       := $(BUILD)/coopdesk
SQL       := $(sort $(wildcard sql/*.sql))
UNIT_SRC  := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TEST_HELP := $(BUILD)/tests/testutil.o

.PHONY: all deps run check unit bench bench-shares install uninstall clean distclean tags coopdesk
.PHONY: torture
all: coopdesk

# The binary at the top of the tree is a copy of the one in $(BUILD), made
# afresh each time, so that the tests always run the build just asked for
# (a clang or sanitizer build never leaves its binary looking current).
# Renamed into place, so a copy still running is never written over.
coopdesk: $(BIN)
	$(Q)cmp -s $(BIN) $@ || { cp $(BIN) $@.new && mv -f $@.new $@; }

$(BIN): $(MAIN_OBJ) $(LIB)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(LIB): $(LIB_OBJ)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -c -o $@ $<

# Migrations are embedded in the binary as C strings, in file-name order.
$(BUILD)/gen/schema_sql.c: $(SQL) tools/embed-sql.sh
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  GEN     $@")
	$(Q)sh tools/embed-sql.sh $(SQL) > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/schema_sql.o: $(BUILD)/gen/schema_sql.c
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-overlength-strings -c -o $@ $<

$(BUILD)/tests/testutil.o: tests/unit/testutil.c tests/unit/testutil.h
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -Itests/unit -c -o $@ $<

$(BUILD)/tests/test_%: tests/unit/test_%.c $(TEST_HELP) $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  TEST-CC $<")
	$(Q)$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< $(TEST_HELP) $(LIB) $(PKG_LIBS) $(TEST_LIBS)

# test_sql prepares every statement of the data layer. tools/sql-list.sh
# lists each src/db file's statements in a C file that includes it; those
# objects stand in for the library's own in that test (sql_list.h).
DB_SRC       := $(sort $(wildcard src/db/*.c))
SQL_LIST_OBJ := $(DB_SRC:src/db/%.c=$(BUILD)/gen/sql_list/%.o) $(BUILD)/gen/sql_list/index.o

$(BUILD)/gen/sql_list/index.c: $(DB_SRC) tools/sql-list.sh
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  GEN     $@")
	$(Q)sh tools/sql-list.sh --index $(DB_SRC) > $@.tmp && mv $@.tmp $@

.SECONDARY: $(DB_SRC:src/db/%.c=$(BUILD)/gen/sql_list/%.c)
$(BUILD)/gen/sql_list/%.c: src/db/%.c tools/sql-list.sh
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  GEN     $@")
	$(Q)sh tools/sql-list.sh $< > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/sql_list/%.o: $(BUILD)/gen/sql_list/%.c tests/unit/sql_list.h
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) -I. -Itests/unit $(PKG_CFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/test_sql: tests/unit/test_sql.c $(SQL_LIST_OBJ) $(TEST_HELP) $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  TEST-CC $<")
	$(Q)$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< $(SQL_LIST_OBJ) $(TEST_HELP) $(LIB) $(PKG_LIBS) $(TEST_LIBS)

# contrib/bench-share-register.sh: the share register's page on 50,000
# operations (doc/bench.md).
$(BUILD)/contrib/bench_share_page: contrib/bench_share_page.c $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(PKG_LIBS)

bench-shares: deps
	$(Q)BUILD=$(BUILD) sh contrib/bench-share-register.sh

# Installs what building and testing need, only when something is missing.
deps:
	$(Q)sh tools/deps.sh

# The demo co-op lives in the work tree, ignored by git.
DEMO_DB ?= demo.db
run: deps
	$(Q)$(MAKE) --no-print-directory coopdesk
	$(Q)test -f $(DEMO_DB) || ./coopdesk demo $(DEMO_DB)
	./coopdesk --db $(DEMO_DB)

# The build and the tests each use every processor (TEST_JOBS=1: the
# tests one after another; tests/run.sh).
NPROC := $(shell getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
check: deps
	$(Q)$(MAKE) --no-print-directory -j$(NPROC) coopdesk $(UNIT_BIN)
	$(Q)BUILD=$(BUILD) VALGRIND=$(VALGRIND) SANITIZE=$(SANITIZE) sh tests/run.sh $(UNIT_BIN)

# The long crash loop and several terminals (doc/reliability.md); not in check.
torture: deps
	$(Q)$(MAKE) --no-print-directory coopdesk
	$(Q)BUILD=$(BUILD) sh tests/torture/run.sh

bench: deps
	$(Q)$(MAKE) --no-print-directory coopdesk
	$(Q)sh contrib/bench.sh

install: coopdesk
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DOCDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 0755 coopdesk $(DESTDIR)$(BINDIR)/coopdesk
	install -m 0644 doc/coopdesk.1 $(DESTDIR)$(MANDIR)/man1/coopdesk.1
	install -m 0644 README.md $(wildcard doc/*.md) $(DESTDIR)$(DOCDIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/coopdesk $(DESTDIR)$(MANDIR)/man1/coopdesk.1
	rm -rf $(DESTDIR)$(DOCDIR)

clean:
	rm -rf build coopdesk

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
