/* prog_text.c — parsed programs back to arc-dsl text in one canonical form (variables named by
 * position), and the hash that identifies a program by that text. The parser reads the text
 * back to the same instructions, which the tests check over the whole bundled battery. */
#include <stdio.h>

#include <xxhash.h>

#include "dsl.h"
#include "program.h"

static void put_var(strbuf *sb, size_t k, size_t out)
{
	if (k == out)
		sb_puts(sb, "O");
	else
		sb_printf(sb, "x%zu", k + 1);
}

static void put_operand(strbuf *sb, operand o, size_t out)
{
	switch ((operand_kind)o.kind) {
	case OPERAND_INPUT: sb_puts(sb, "I"); break;
	case OPERAND_CONST: sb_puts(sb, const_table[o.id].name); break;
	case OPERAND_PRIM: sb_puts(sb, prim_table[o.id].name); break;
	case OPERAND_VAR: put_var(sb, o.id, out); break;
	}
}

void program_body(const prog_instr *ins, size_t n, size_t out, strbuf *sb)
{
	for (size_t k = 0; k < n; k++) {
		sb_puts(sb, "    ");
		put_var(sb, k, out);
		sb_puts(sb, " = ");
		put_operand(sb, ins[k].callee, out);
		sb_puts(sb, "(");
		for (int a = 0; a < ins[k].nargs; a++) {
			if (a)
				sb_puts(sb, ", ");
			put_operand(sb, ins[k].arg[a], out);
		}
		sb_puts(sb, ")\n");
	}
	sb_puts(sb, "    return O\n");
}

void program_hash(const char *body, size_t len, char hex[33])
{
	XXH128_hash_t h = XXH3_128bits(body, len);
	snprintf(hex, 33, "%016llx%016llx", (unsigned long long)h.high64,
	         (unsigned long long)h.low64);
}
