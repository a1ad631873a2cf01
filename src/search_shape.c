/* search_shape.c — output-shape deduction: the rules that give every train output's shape from
 * its input's (the same shape, one constant shape, the transposed shape, the input scaled by a
 * ratio per axis) and, where those that hold agree, the shape each test output must have. The
 * search drops programs reproducing every train pair whose test outputs have another shape,
 * where one with the deduced shapes exists. */
#include "search.h"

enum { SAME = 1, CONSTANT = 2, TRANSPOSED = 4, SCALED = 8 };

static int gcd(int a, int b)
{
	while (b) {
		int r = a % b;
		a = b, b = r;
	}
	return a;
}

void search_shape_deduce(const arc_task *t, search_shape *s)
{
	const arc_grid *i0 = &t->train[0].input, *o0 = &t->train[0].output;
	int gh = gcd(o0->h, i0->h), gw = gcd(o0->w, i0->w);
	*s = (search_shape){.rules = SAME | CONSTANT | TRANSPOSED | SCALED, .h = o0->h, .w = o0->w,
	                    .ph = o0->h / gh, .qh = i0->h / gh, .pw = o0->w / gw, .qw = i0->w / gw};
	for (int k = 0; k < t->ntrain; k++) {
		const arc_grid *in = &t->train[k].input, *out = &t->train[k].output;
		if (out->h != in->h || out->w != in->w)
			s->rules &= ~(unsigned)SAME;
		if (out->h != s->h || out->w != s->w)
			s->rules &= ~(unsigned)CONSTANT;
		if (out->h != in->w || out->w != in->h)
			s->rules &= ~(unsigned)TRANSPOSED;
		if (out->h * s->qh != in->h * s->ph || out->w * s->qw != in->w * s->pw)
			s->rules &= ~(unsigned)SCALED;
	}
}

bool search_shape_fits(const search_shape *s, const arc_task *t, int j, int h, int w)
{
	const arc_grid *in = &t->test[j].input;
	int ph = 0, pw = 0; /* the prediction so far (0: none) */
	for (unsigned r = 1; r <= SCALED; r <<= 1) {
		if (!(s->rules & r))
			continue;
		int rh, rw;
		if (r == SAME)
			rh = in->h, rw = in->w;
		else if (r == CONSTANT)
			rh = s->h, rw = s->w;
		else if (r == TRANSPOSED)
			rh = in->w, rw = in->h;
		else if ((in->h * s->ph) % s->qh || (in->w * s->pw) % s->qw)
			return true; /* not a whole shape: no deduction */
		else
			rh = in->h * s->ph / s->qh, rw = in->w * s->pw / s->qw;
		if (ph && (rh != ph || rw != pw))
			return true; /* rules that hold on the train pairs disagree: no deduction */
		ph = rh, pw = rw;
	}
	return !ph || (h == ph && w == pw);
}
