# arcbatt — plain GNU Makefile.
# Knobs: CUDA=1 (GPU backend), SAN=address,undefined | SAN=thread, DEBUG=1, WERROR=1 (on when CI=true).
# Each knob combination builds in its own folder, so switching knobs never mixes objects.

comma   := ,
CC      ?= cc
NVCC    ?= nvcc
# SAN=address,undefined builds in build-san; other sanitizers in build-san-<name>.
SANDIR  := $(if $(SAN),-san$(if $(filter address$(comma)undefined,$(SAN)),,-$(subst $(comma),-,$(SAN))))
BUILD   ?= build$(SANDIR)$(if $(DEBUG),-dbg)$(if $(CUDA),-cuda)

WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wundef \
           -Wwrite-strings -Wno-unused-parameter
CFLAGS  ?= $(if $(DEBUG),-O0 -g3,-O2 -g)
override CFLAGS += -std=c17 -D_GNU_SOURCE -pthread $(WARN) -MMD -MP -Iinclude -Isrc
LDLIBS  := -ljansson -lxxhash -lsqlite3 -lpthread -lm

ifeq ($(CI),true)
WERROR  ?= 1
endif
ifeq ($(WERROR),1)
override CFLAGS += -Werror
endif
ifneq ($(SAN),)
override CFLAGS += -fsanitize=$(SAN) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=$(SAN)
endif

LIB_SRC := $(sort $(wildcard src/*.c src/backend/*.c))
CU_SRC  := $(sort $(wildcard src/backend/cuda/*.cu))
ifeq ($(CUDA),1)
override CFLAGS += -DARC_CUDA=1
# --fmad=false: no contraction of a*b+c, so closeness is the CPU's bits (grid_score.h).
NVFLAGS   ?= -O2 -std=c++17 -arch=sm_90 --fmad=false -Iinclude -Isrc -MMD -MP \
             -Xcompiler -fPIC,-Wall$(if $(filter 1,$(WERROR)),$(comma)-Werror)
# the static runtime: the binaries need no libcudart.so at run time, only the driver. nvcc tells
# where its toolkit is (TOP): the nvcc on PATH may be a wrapper script outside the toolkit.
CUDA_HOME ?= $(shell $(NVCC) --dryrun -x cu -c /dev/null -o /dev/null 2>&1 | sed -n 's/^\#\$$ TOP=//p')
LDLIBS    += -L$(CUDA_HOME)/lib64 -L$(CUDA_HOME)/targets/x86_64-linux/lib -lcudart_static -ldl -lrt -lstdc++
LIB_OBJ_CU := $(CU_SRC:src/%.cu=$(BUILD)/obj/%.o)
endif

LIB_OBJ  := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o) $(LIB_OBJ_CU)
LIB      := $(BUILD)/libarcbatt.a
BIN      := $(BUILD)/arcbatt
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
BENCH_SRC := $(sort $(wildcard bench/*.c))
BENCH_BIN := $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%)
TOOL_BIN := $(BUILD)/tests/conformance
SOAK     := $(BUILD)/tests/soak

.PHONY: all test unit conformance golden soak bench clean fuzz cudatest
all: $(LIB) $(BIN)

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c $< -o $@

# The archive's schema (src/archive.sql) becomes a C string literal that archive.c includes.
override CFLAGS += -I$(BUILD)/gen
$(BUILD)/gen/archive_sql.h: src/archive.sql
	@mkdir -p $(@D)
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $< >$@.tmp && mv $@.tmp $@
$(BUILD)/obj/archive.o: $(BUILD)/gen/archive_sql.h

$(BUILD)/obj/%.o: src/%.cu
	@mkdir -p $(@D)
	$(NVCC) $(NVFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@ && ar rcs $@ $^

$(BIN): cli/main.c $(wildcard cli/*.c) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Icli $(LDFLAGS) $(filter %.c,$^) $(LIB) $(LDLIBS) -o $@

$(BUILD)/tests/test_%: tests/unit/test_%.c $(wildcard tests/unit/*.h) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(LIB) -lcmocka $(LDLIBS) -o $@

# test_evolve runs the arcbatt command (kill -9 and resume).
$(BUILD)/tests/test_evolve: $(BIN)

$(BUILD)/tests/conformance: tests/conformance/conformance.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(LIB) $(LDLIBS) -o $@

$(BUILD)/bench/%: bench/%.c $(wildcard bench/*.h) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(LIB) $(LDLIBS) -o $@

# `make test` builds and runs everything CI checks: unit tests, DSL conformance, golden cases,
# and a short random-program soak (SOAK_PROGRAMS, default 10000; `make soak` alone runs it).
test: unit conformance golden soak

unit: $(UNIT_BIN)
	@tests/run_unit.sh $(UNIT_BIN)

CONFORMANCE_VECTORS := tests/conformance/dsl-vectors.jsonl tests/conformance/dsl-vectors-tuple-patches.jsonl
conformance: $(BUILD)/tests/conformance
	$(BUILD)/tests/conformance $(CONFORMANCE_VECTORS)

golden: $(BIN)
	@tests/golden/run.sh $(BIN)

SOAK_PROGRAMS ?= 10000
SOAK_SEED ?= 1
$(SOAK): tests/soak/soak.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(LIB) $(LDLIBS) -o $@
soak: $(SOAK)
	$(SOAK) --programs $(SOAK_PROGRAMS) --seed $(SOAK_SEED)

bench: $(BENCH_BIN)

# The CUDA tests need a GPU: `make cudatest CUDA=1` (bench/gpu.sh runs them on the GPU machine).
CUDA_TEST := $(BUILD)/tests/test_cuda_backend
$(CUDA_TEST): tests/cuda/test_cuda_backend.c $(wildcard tests/unit/gridset.h) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Itests/unit $(LDFLAGS) $< $(LIB) $(LDLIBS) -o $@
ifeq ($(CUDA),1)
cudatest: $(CUDA_TEST)
	$(CUDA_TEST)
else
cudatest:
	@echo "make cudatest needs CUDA=1" >&2; exit 1
endif

# libFuzzer targets need clang: `make fuzz` builds them under build-fuzz/.
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
fuzz:
	$(MAKE) CC=clang BUILD=build-fuzz SAN=address,undefined CFLAGS="-O1 -g -fsanitize=fuzzer-no-link" $(FUZZ_SRC:tests/fuzz/%.c=build-fuzz/fuzz/%)

build-fuzz/fuzz/%: tests/fuzz/%.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -fsanitize=fuzzer,$(SAN) $< $(LIB) $(LDLIBS) -o $@

clean:
	rm -rf build build-* 

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
