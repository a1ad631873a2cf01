/* battery.h — the battery graph's layout, shared by battery.c (which builds it) and
 * battery_eval.c (which walks it) and by no other module: nodes in topological order, their
 * argument ids, the hash table that merges identical calls, and the programs' node lists. */
#ifndef ARC_BATTERY_H
#define ARC_BATTERY_H

#include <assert.h>

#include "program.h"

typedef enum node_op {
	NODE_INPUT, /* the input grid I */
	NODE_CONST, /* constant fn */
	NODE_FUNC,  /* primitive fn as a function value */
	NODE_CALL,  /* primitive fn applied to nargs argument nodes */
	NODE_APPLY, /* node args[0] (a function value) applied to the nargs nodes after it */
} node_op;

/* One graph node: 8 bytes; argument node ids live in the battery's side array. */
typedef struct node {
	uint8_t op;      /* node_op */
	uint8_t nargs;   /* arguments (NODE_APPLY: not counting the callee) */
	uint16_t fn;     /* const id (NODE_CONST) or prim id (NODE_FUNC, NODE_CALL) */
	uint32_t args;   /* offset into arc_battery.argv of the argument ids */
} node;
static_assert(sizeof(node) <= 24, "node records stay small");

/* A program once in the graph. */
typedef struct battery_prog {
	char *name;        /* the def's name */
	const char *file;  /* interned file name (battery-owned) */
	uint32_t *nodes;   /* node of each instruction, in program order */
	int *lines;        /* line of each instruction */
	uint32_t *callee;  /* offset in names of the instruction's callee description */
	char *names;       /* "argmax", "x3"... NUL-separated */
	uint32_t n;        /* instructions */
	uint32_t out;      /* index of the O instruction */
} battery_prog;

struct arc_battery {
	node *nodes;       /* in topological order: arguments always come first */
	uint32_t nnodes, capnodes;
	uint32_t *argv;    /* argument ids of every node */
	size_t nargv, capargv;
	uint32_t ncalls;   /* nodes that are calls (NODE_CALL, NODE_APPLY): arc_battery_calls */
	size_t unmerged;   /* instructions (calls) of all programs: arc_battery_calls_unmerged */
	uint32_t *table;   /* open addressing: node id + 1, 0 = empty */
	uint32_t tabcap;   /* a power of two */
	battery_prog *progs;
	size_t nprogs, capprogs;
	uint32_t *names;   /* open addressing over program names: index + 1, 0 = empty */
	size_t namecap;    /* a power of two */
	char **files;      /* interned file names */
	size_t nfiles;
};

#endif
