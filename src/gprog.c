/* gprog.c — grid programs on the CPU: the op table from gprog.def, checks, the reference
 * gprog_apply (the shared ops of gprog_ops.h on one lane), and the printing of a program as the
 * arc-dsl lines its ops stand for (gprog.def's templates). */
#include "gprog.h"

#include <string.h>

#include "gprog_ops.h"

const gop_info gop_table[GOP_COUNT] = {
#define GOP(name, alo, ahi, blo, bhi, dsl) {#name, alo, ahi, blo, bhi, dsl},
#include "gprog.def"
#undef GOP
};

int gop_lookup(const char *name)
{
	for (int k = 0; k < GOP_COUNT; k++)
		if (!strcmp(gop_table[k].name, name))
			return k;
	return -1;
}

unsigned gop_colour_params(int code)
{
	const gop_info *in = &gop_table[code];
	return (unsigned)(in->alo == 0 && in->ahi == 9) | (unsigned)(in->blo == 0 && in->bhi == 9) << 1;
}

bool gop_equal_colours_identity(int code)
{
	return code == GOP_replace || code == GOP_switch || code == GOP_fill_lines;
}

bool gop_inert(const gprog_op *op, unsigned colours)
{
	bool no_a = op->a < 10 && !(colours >> op->a & 1), no_b = op->b < 10 && !(colours >> op->b & 1);
	switch (op->code) {
	case GOP_replace: /* the cells of colour a: recoloured, connected, rays, lines, mended */
	case GOP_connect:
	case GOP_connect_diag:
	case GOP_connect_h:
	case GOP_ray_up:
	case GOP_ray_down:
	case GOP_ray_left:
	case GOP_ray_right:
	case GOP_ray_diag:
	case GOP_hlines:
	case GOP_vlines:
	case GOP_mend_sym:
	case GOP_mend_sym_crop: /* the holes' bounding box: none */
	case GOP_crop_color:    /* likewise */
	case GOP_lpath:         /* ulcorner of no cell */
	case GOP_crop_inner:
	case GOP_sym_about:
	case GOP_obj_col_max: /* the objects of colour a: recoloured, moved */
	case GOP_obj_row_max:
	case GOP_obj_nearest_color:
	case GOP_gravitate:
	case GOP_gravitate_objs:
	case GOP_mend_period:
	case GOP_ray_ends:
	case GOP_cell_row_first:
		return no_a;
	case GOP_halo: /* around the cells of colour b; the lines all of colour b */
	case GOP_halo_orth:
	case GOP_halo_diag:
	case GOP_fill_lines:
		return no_b;
	case GOP_switch:
		return no_a && no_b;
	case GOP_fill_enclosed: /* the enclosed cells of colour 0 */
		return !(colours & 1);
	default:
		return false;
	}
}

/* The last value parameter a (b: second) of op k takes: its range's end, or the last role. */
static int last_value(int k, bool second)
{
	const gop_info *in = &gop_table[k];
	bool colour = gop_colour_params(k) >> second & 1;
	return colour ? GOP_ROLE_END - 1 : second ? in->bhi : in->ahi;
}

size_t gop_variants(gprog_op *out, size_t cap)
{
	size_t n = 0;
	for (int k = 0; k < GOP_COUNT; k++)
		for (int a = gop_table[k].alo; a <= last_value(k, false); a++)
			for (int b = gop_table[k].blo; b <= last_value(k, true); b++, n++)
				if (out && n < cap)
					out[n] = (gprog_op){.code = (uint8_t)k, .a = (int8_t)a, .b = (int8_t)b};
	return n;
}

bool gprog_valid(const gprog *p)
{
	if (p->n > GPROG_MAX_OPS || p->reserved[0] || p->reserved[1] || p->reserved[2])
		return false;
	for (int k = 0; k < GPROG_MAX_OPS; k++) {
		const gprog_op *o = &p->op[k];
		if (k >= p->n) {
			if (o->code || o->a || o->b)
				return false;
			continue;
		}
		if (o->code >= GOP_COUNT)
			return false;
		const gop_info *in = &gop_table[o->code];
		if (o->a < in->alo || o->a > last_value(o->code, false) || o->b < in->blo ||
		    o->b > last_value(o->code, true))
			return false;
	}
	return true;
}

bool gprog_apply(const gprog *p, const arc_grid *in, arc_grid *out)
{
	_Alignas(16) uint8_t buf[2][BATCH_STRIDE];
	const uint8_t *cells;
	int h, w;
	if (!gprog_valid(p) || !gp_run(p, in->cell, in->h, in->w, NULL, buf[0], buf[1], &cells, &h, &w))
		return false;
	out->h = (uint8_t)h, out->w = (uint8_t)w;
	memmove(out->cell, cells, (size_t)h * w);
	return true;
}

static const char *const transform_name[8] = {"identity", "rot90",   "rot180",  "rot270",
                                              "hmirror",  "vmirror", "dmirror", "cmirror"};
static const char *const half_name[4] = {"lefthalf", "tophalf", "righthalf", "bottomhalf"};
static const char *const constant_name[10] = {"ZERO", "ONE", "TWO",   "THREE", "FOUR",
                                              "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"};

const char *gprog_constant(int c)
{
	return constant_name[c];
}


typedef struct printer {
	FILE *f;
	int *next_var;
	char var[GOP_MAX_LINES + 1][16]; /* var[0]: the op's input; var[k]: the result of line k */
	char role[2][16];            /* the variables holding parameter a's (b's) role, if any */
} printer;

/* Whether template line k of op is "$ta($N)" with a = 0: it aliases var[N] (*ref = N), no line
 * of its own. */
static bool alias_line(const gprog_op *op, const char *line, int k, int *ref)
{
	return op->a == 0 && sscanf(line, "$ta($%d)", ref) == 1 && *ref >= 0 && *ref < k;
}

/* One template line as line k: an alias (alias_line) returns 0; anything else is printed as a
 * new variable (returns its number). */
static int print_line(printer *pr, const gprog_op *op, const char *line, size_t len, int k)
{
	int ref;
	if (alias_line(op, line, k, &ref)) {
		strcpy(pr->var[k], pr->var[ref]);
		return 0;
	}
	int v = (*pr->next_var)++;
	snprintf(pr->var[k], sizeof pr->var[k], "x%d", v);
	fprintf(pr->f, "    x%d = ", v);
	for (size_t i = 0; i < len; i++) {
		if (line[i] != '$') {
			fputc(line[i], pr->f);
			continue;
		}
		const char *t = line + i + 1;
		if (t[0] >= '0' && t[0] <= '9') {
			int n = 0;
			while (t[0] >= '0' && t[0] <= '9')
				n = n * 10 + (*t++ - '0'), i++;
			fputs(pr->var[n], pr->f);
		} else if (!strncmp(t, "ta", 2)) {
			fputs(transform_name[op->a & 7], pr->f), i += 2;
		} else if (!strncmp(t, "h1b", 3) || !strncmp(t, "h2b", 3)) {
			fputs(half_name[(op->b + (t[1] == '2' ? 2 : 0)) & 3], pr->f), i += 3;
		} else if (!strncmp(t, "oa($", 4) && t[4] >= '0' && t[4] <= '9') {
			int n = 0, m = 4;
			while (t[m] >= '0' && t[m] <= '9')
				n = n * 10 + (t[m++] - '0');
			if (op->a == 4)
				fprintf(pr->f, "fgpartition(%s)", pr->var[n]);
			else if (op->a == 5)
				fprintf(pr->f, "objects(%s, T, F, F)", pr->var[n]);
			else
				fprintf(pr->f, "objects(%s, %s, %s, T)", pr->var[n], op->a < 2 ? "T" : "F",
				        op->a & 1 ? "T" : "F");
			i += (size_t)m + 1; /* to the closing parenthesis */
		} else if (!strncmp(t, "sa($", 4) && t[4] >= '0' && t[4] <= '9') {
			int n = 0, m = 4;
			while (t[m] >= '0' && t[m] <= '9')
				n = n * 10 + (t[m++] - '0');
			fprintf(pr->f, "%s(%s, %s)", op->a < 3 ? "hsplit" : "vsplit", pr->var[n],
			        constant_name[op->a < 3 ? op->a + 2 : op->a - 1]);
			i += (size_t)m + 1; /* to the closing parenthesis */
		} else if (!strncmp(t, "mb", 2)) {
			fputs(op->b ? "argmin" : "argmax", pr->f), i += 2;
		} else {
			int x = t[0] == 'a' ? op->a : op->b;
			if (x >= GOP_ROLE_MOST)
				fputs(pr->role[t[0] != 'a'], pr->f);
			else
				fputs(constant_name[x >= 0 && x <= 9 ? x : 0], pr->f);
			i += 1;
		}
	}
	fputc('\n', pr->f);
	return v;
}

int gprog_print(FILE *f, const gprog *p, const char *in_var, int *next_var)
{
	printer pr = {.f = f, .next_var = next_var};
	char cur[16];
	snprintf(cur, sizeof cur, "%s", in_var);
	int result = 0;
	for (int k = 0; k < p->n && k < GPROG_MAX_OPS; k++) {
		const gprog_op *op = &p->op[k];
		const char *t = op->code < GOP_COUNT ? gop_table[op->code].dsl : "";
		strcpy(pr.var[0], cur);
		/* a role is computed on the op's input before the op's own lines */
		for (int q = 0; q < 2; q++) {
			int x = q ? op->b : op->a;
			if (x < GOP_ROLE_MOST)
				continue;
			int v = (*next_var)++;
			snprintf(pr.role[q], sizeof pr.role[q], "x%d", v);
			fprintf(f, "    x%d = %s(%s)\n", v, x == GOP_ROLE_MOST ? "mostcolor" : "leastcolor",
			        cur);
			result = v;
		}
		int line = 0;
		while (*t && line < GOP_MAX_LINES) {
			const char *end = strstr(t, "; ");
			size_t len = end ? (size_t)(end - t) : strlen(t);
			int v = print_line(&pr, op, t, len, ++line);
			result = v ? v : result;
			t += len + (end ? 2 : 0);
		}
		strcpy(cur, pr.var[line]);
	}
	return result;
}

int gprog_lines(const gprog *p)
{
	int n = 0;
	for (int k = 0; k < p->n && k < GPROG_MAX_OPS; k++) {
		const gprog_op *op = &p->op[k];
		const char *t = op->code < GOP_COUNT ? gop_table[op->code].dsl : "";
		n += (op->a >= GOP_ROLE_MOST) + (op->b >= GOP_ROLE_MOST);
		for (int line = 1; *t && line <= GOP_MAX_LINES; line++) {
			const char *end = strstr(t, "; ");
			int ref;
			n += !alias_line(op, t, line, &ref);
			t = end ? end + 2 : t + strlen(t);
		}
	}
	return n;
}

/* A parameter for gprog_name: its number, or the role's name. */
static void param_name(int x, char out[8])
{
	snprintf(out, 8, "%s", x == GOP_ROLE_MOST ? "most" : x == GOP_ROLE_LEAST ? "least" : "");
	if (!out[0])
		snprintf(out, 8, "%d", x);
}

void gprog_name(const gprog *p, char *buf, size_t len)
{
	size_t at = 0;
	if (len)
		buf[0] = 0;
	if (!p->n)
		snprintf(buf, len, "identity");
	for (int k = 0; k < p->n && k < GPROG_MAX_OPS && at < len; k++) {
		const gprog_op *o = &p->op[k];
		const gop_info *in = &gop_table[o->code < GOP_COUNT ? o->code : 0];
		bool ua = in->ahi != 0, ub = in->bhi != 0;
		char pa[8], pb[8];
		param_name(o->a, pa), param_name(o->b, pb);
		int m;
		if (ua && ub)
			m = snprintf(buf + at, len - at, "%s%s(%s,%s)", k ? " " : "", in->name, pa, pb);
		else if (ua || ub)
			m = snprintf(buf + at, len - at, "%s%s(%s)", k ? " " : "", in->name, ua ? pa : pb);
		else
			m = snprintf(buf + at, len - at, "%s%s", k ? " " : "", in->name);
		at += m > 0 ? (size_t)m : 0;
	}
}
