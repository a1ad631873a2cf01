/* gprog_ops_obj.h — part of gprog_ops.h, included from it at this point (after the whole-grid
 * ops, before the painting ops), not a header of its own: the object ops of gprog.def, the
 * grid split into objects or parts, one picked by a key, then cropped, kept or covered. */
#ifndef ARC_GPROG_OPS_OBJ_H
#define ARC_GPROG_OPS_OBJ_H

/* A grid padded with a border of one cell, at a fixed row stride of 32 (w + 2 <= 32), so a
 * padded index is row << 5 | column. */
#define GP_PW 32
#define GP_PADDED (GP_PW * GP_PW)

/* An object's summary. */
typedef struct gp_obj {
	int label;                    /* its cells' entry in the split's label grid */
	int key;                      /* its place in the set of objects (DSL.md 7.5: by smallest
	                                 cell, colour first): that cell's colour * 1024 + index */
	int top, left, bottom, right; /* bounding box */
	int size;                     /* cells */
} gp_obj;

/* The split a of a grid, one object at a time (gp_split_next), in row-major order of their
 * first cells: components grow from a queue over the padded grid, so neighbours are fixed
 * offsets. Every lane computes the same (a warp in lockstep, its reads broadcast); only
 * gp_mostcolor in gp_split_init spreads work over lanes. */
typedef struct gp_split {
	const uint8_t *in;
	int h, w, a, bg;
	int p;                       /* the next padded cell to look at */
	int label;                   /* objects found */
	uint8_t wait[GP_PADDED];     /* per padded cell: colour + 1 while it waits, else 0 */
	uint16_t lab[GP_PADDED];     /* per padded cell: its object's label, 0 for none */
	uint16_t queue[GP_PADDED];   /* the last object's padded cells */
} gp_split;

/* Split a of in over background bg (gp_split_init: the DSL's, mostcolor; none, -1, for a = 5).
 * With bg 0, a univalued split's objects are those of objects(in, T, D, F) but the ones of
 * colour 0 (search_objmap.c). */
GP_FN void gp_split_init_bg(gp_split *s, const uint8_t *in, int h, int w, int a, int bg)
{
	s->in = in, s->h = h, s->w = w, s->a = a, s->bg = bg;
	s->p = GP_PW + 1, s->label = 0;
	int n = (h + 2) * GP_PW;
	memset(s->wait, 0, (size_t)n);
	memset(s->lab, 0, (size_t)n * sizeof s->lab[0]);
	for (int i = 0; i < h; i++) {
		int j = 0;
#if GP_LANES == 1
		/* eight cells a step: c + 1, but 0 at the zero bytes (at) of the word xor bg */
		const uint64_t ones = 0x0101010101010101ull, low7 = 0x7f7f7f7f7f7f7f7full;
		for (; j + 8 <= w; j += 8) {
			uint64_t x = gp_load64(in + i * w + j), y = x ^ ones * (uint8_t)s->bg;
			uint64_t at = ~(((y & low7) + low7) | y | low7);
			x = (x + ones) & ~((at >> 7) * 0xff);
			memcpy(s->wait + (i + 1) * GP_PW + j + 1, &x, sizeof x);
		}
#endif
		for (; j < w; j++) {
			int c = in[i * w + j];
			s->wait[(i + 1) * GP_PW + j + 1] = c == s->bg ? 0 : (uint8_t)(c + 1);
		}
	}
}

GP_FN void gp_split_init(gp_split *s, const uint8_t *in, int h, int w, int a,
                         const gp_facts *facts)
{
	gp_split_init_bg(s, in, h, w, a, a == 5 ? -1 : gp_role(facts, in, h, w, false));
}

/* Takes padded cell k into the object (label) at the queue's end (len: its length) when it
 * waits, with colour code + 1 when univalued; the queue's new length. */
GP_FN int gp_split_take(gp_split *s, int k, int code, bool univalued, int label, int len)
{
	if (univalued ? s->wait[k] != code : !s->wait[k])
		return len;
	s->wait[k] = 0, s->lab[k] = (uint16_t)label, s->queue[len] = (uint16_t)k;
	return len + 1;
}

/* The next object into *o (its cells in s->queue), or false when there is none left. */
GP_FN bool gp_split_next(gp_split *s, gp_obj *o)
{
	const int W = GP_PW, end = (s->h + 1) * W;
	/* eight cells a step, in aligned words (end is a multiple of 8) */
	for (; s->p < end; s->p = (s->p & ~7) + 8) {
		uint64_t x = gp_load64(s->wait + (s->p & ~7)) & ~0ull << 8 * (s->p & 7);
		if (x) {
			s->p = (s->p & ~7) + gp_ctz64(x) / 8;
			break;
		}
	}
	if (s->p >= end)
		return false;
	const int p = s->p, code = s->wait[p];
	int len = 0;
	uint16_t *queue = s->queue;
	if (s->a == 4) { /* fgpartition: every cell of p's colour */
		o->label = code;
		for (int k = p; k < end; k++)
			if (s->wait[k] == code)
				s->wait[k] = 0, s->lab[k] = (uint16_t)code, queue[len++] = (uint16_t)k;
	} else {
		const bool diag = s->a == 1 || s->a == 3, univalued = s->a < 2 || s->a == 5;
		const int label = o->label = ++s->label;
		s->wait[p] = 0, s->lab[p] = (uint16_t)label, queue[len++] = (uint16_t)p;
		for (int q = 0; q < len; q++) {
			int k = queue[q];
			len = gp_split_take(s, k - W, code, univalued, label, len);
			len = gp_split_take(s, k - 1, code, univalued, label, len);
			len = gp_split_take(s, k + 1, code, univalued, label, len);
			len = gp_split_take(s, k + W, code, univalued, label, len);
			if (!diag)
				continue;
			len = gp_split_take(s, k - W - 1, code, univalued, label, len);
			len = gp_split_take(s, k - W + 1, code, univalued, label, len);
			len = gp_split_take(s, k + W - 1, code, univalued, label, len);
			len = gp_split_take(s, k + W + 1, code, univalued, label, len);
		}
	}
	/* p is the object's first cell; with several colours its smallest is the first of the
	 * smallest colour, with one (every split but 2 and 3) p itself */
	int top = 99, left = 99, bottom = -1, right = -1, minc = 99, mink = 0;
	if (s->a == 2 || s->a == 3) {
		for (int q = 0; q < len; q++) {
			int k = queue[q], i = k / GP_PW - 1, j = k % GP_PW - 1, c = s->in[i * s->w + j];
			top = i < top ? i : top, bottom = i > bottom ? i : bottom;
			left = j < left ? j : left, right = j > right ? j : right;
			if (c < minc || (c == minc && i * s->w + j < mink))
				minc = c, mink = i * s->w + j;
		}
	} else {
		for (int q = 0; q < len; q++) {
			int k = queue[q], i = k / GP_PW - 1, j = k % GP_PW - 1;
			top = i < top ? i : top, bottom = i > bottom ? i : bottom;
			left = j < left ? j : left, right = j > right ? j : right;
		}
		minc = code - 1, mink = (p / GP_PW - 1) * s->w + p % GP_PW - 1;
	}
	o->top = top, o->left = left, o->bottom = bottom, o->right = right;
	o->key = minc * 1024 + mink, o->size = len;
	return true;
}

/* The keys an object or a part is picked by (gprog.def's obj_crop* and split_* ops). */
enum { GP_KEY_SIZE, GP_KEY_NCOLORS, GP_KEY_VSYM, GP_KEY_HSYM, GP_KEY_COLOR, GP_KEY_DSYM, GP_KEY_HOLES };

/* Key `kind` of the object just found (its cells in s->queue): cells, colours, whether it is
 * its own vmirror (hmirror) within its bounding box, cells of colour c. */
GP_FN int gp_obj_key(const gp_split *s, const gp_obj *o, int kind, int c)
{
	if (kind == GP_KEY_SIZE)
		return o->size;
	if (kind == GP_KEY_HOLES)
		return (o->bottom - o->top + 1) * (o->right - o->left + 1) - o->size;
	int seen = 0, n = 0;
	for (int q = 0; q < o->size; q++) {
		int k = s->queue[q], i = k / GP_PW - 1, j = k % GP_PW - 1, col = s->in[i * s->w + j];
		if (kind == GP_KEY_VSYM || kind == GP_KEY_HSYM) {
			int mi = kind == GP_KEY_HSYM ? o->top + o->bottom - i : i;
			int mj = kind == GP_KEY_VSYM ? o->left + o->right - j : j;
			if (s->lab[(mi + 1) * GP_PW + mj + 1] != o->label || s->in[mi * s->w + mj] != col)
				return 0;
		}
		seen |= 1 << col, n += col == c;
	}
	if (kind == GP_KEY_NCOLORS)
		return gp_popc(seen);
	return kind == GP_KEY_COLOR ? n : 1;
}

/* argmax(objects, key) (most) or argmin: among equal keys the first in set order. False when
 * there are no objects (argmax raises). */
GP_FN bool gp_obj_pick(gp_split *s, int kind, int c, bool most, gp_obj *pick)
{
	bool any = false;
	int best = 0;
	gp_obj o;
	while (gp_split_next(s, &o)) {
		int k = gp_obj_key(s, &o, kind, c);
		if (!any || (most ? k > best : k < best) || (k == best && o.key < pick->key))
			any = true, *pick = o, best = k;
	}
	return any;
}

/* The bounding box of the object of split s picked by key `kind` with x's cells. */
GP_FN bool gp_obj_crop_of(gp_split *s, int kind, int c, bool most, uint8_t *out, int *oh,
                          int *ow)
{
	gp_obj o = {0}; /* gp_obj_pick reads o.key only once it set o (gcc cannot tell) */
	if (!gp_obj_pick(s, kind, c, most, &o))
		return false;
	return gp_gather(s->in, gp_mkmap(o.bottom - o.top + 1, o.right - o.left + 1,
	                                 o.top * s->w + o.left, s->w, 1), out, oh, ow);
}

/* The same for split a over the background. */
GP_FN bool gp_obj_crop_by(const uint8_t *in, int h, int w, int a, int kind, int c, bool most,
                          const gp_facts *facts, uint8_t *out, int *oh, int *ow)
{
	gp_split s;
	gp_split_init(&s, in, h, w, a, facts);
	return gp_obj_crop_of(&s, kind, c, most, out, oh, ow);
}

GP_OP(obj_crop_ncolors)
{
	return gp_obj_crop_by(in, h, w, a, GP_KEY_NCOLORS, 0, !b, facts, out, oh, ow);
}
GP_OP(obj_crop_vsym) { return gp_obj_crop_by(in, h, w, a, GP_KEY_VSYM, 0, !b, facts, out, oh, ow); }
GP_OP(obj_crop_hsym) { return gp_obj_crop_by(in, h, w, a, GP_KEY_HSYM, 0, !b, facts, out, oh, ow); }
GP_OP(obj_crop_color)
{
	return gp_obj_crop_by(in, h, w, a, GP_KEY_COLOR, b, true, facts, out, oh, ow);
}
GP_OP(obj_crop_holes)
{
	return gp_obj_crop_by(in, h, w, a, GP_KEY_HOLES, 0, !b, facts, out, oh, ow);
}

/* The part of split a (hsplit into 2..4 for a < 3, else vsplit into a - 1: parts of equal
 * size, one line left between them where the size does not divide) picked by key `kind`
 * (numcolors, or whether it is its own vmirror, hmirror or dmirror): the first of the best. Every lane
 * computes the keys in full, as the object ops do. */
GP_FN bool gp_split_pick(const uint8_t *in, int h, int w, int a, int kind, bool most,
                         uint8_t *out, int *oh, int *ow)
{
	bool horiz = a < 3;
	int n = horiz ? a + 2 : a - 1;
	int ph = horiz ? h : h / n, pw = horiz ? w / n : w;
	int gap = (horiz ? w : h) % n != 0;
	int best = 0, at = 0, bh = 0, bw = 0;
	for (int p = 0; p < n; p++) {
		/* a part past the grid's end is cut short, or empty, as the DSL's crop slices */
		int start = p * ((horiz ? pw : ph) + gap), end = horiz ? w : h;
		int len = end - start < (horiz ? pw : ph) ? (end > start ? end - start : 0) : (horiz ? pw : ph);
		int qh = horiz ? ph : len, qw = horiz ? len : pw;
		int base = horiz ? start : start * w, seen = 0, k = 1;
		for (int i = 0; i < qh; i++)
			for (int j = 0; j < qw; j++) {
				int c = in[base + i * w + j];
				seen |= 1 << c;
				if (kind == GP_KEY_VSYM && c != in[base + i * w + qw - 1 - j])
					k = 0;
				if (kind == GP_KEY_HSYM && c != in[base + (qh - 1 - i) * w + j])
					k = 0;
				if (kind == GP_KEY_DSYM && (qh != qw || c != in[base + j * w + i]))
					k = 0;
			}
		if (kind == GP_KEY_DSYM && qh != qw) /* () is its own dmirror, h rows of () are not */
			k = qh == 0;
		if (kind == GP_KEY_NCOLORS)
			k = gp_popc(seen);
		if (p == 0 || (most ? k > best : k < best))
			best = k, at = base, bh = qh, bw = qw;
	}
	return gp_gather(in, gp_mkmap(bh, bw, at, w, 1), out, oh, ow);
}

GP_OP(split_ncolors) { return gp_split_pick(in, h, w, a, GP_KEY_NCOLORS, !b, out, oh, ow); }
GP_OP(split_vsym) { return gp_split_pick(in, h, w, a, GP_KEY_VSYM, !b, out, oh, ow); }
GP_OP(split_hsym) { return gp_split_pick(in, h, w, a, GP_KEY_HSYM, !b, out, oh, ow); }
GP_OP(split_dsym) { return gp_split_pick(in, h, w, a, GP_KEY_DSYM, !b, out, oh, ow); }

/* The object of the most (b = 0) or fewest cells: its bounding box with x's cells. */
GP_OP(obj_crop) { return gp_obj_crop_by(in, h, w, a, GP_KEY_SIZE, 0, !b, facts, out, oh, ow); }

/* The object of the most (b = 0) or fewest cells alone on a canvas of the background. */
GP_OP(obj_keep)
{
	gp_split s;
	gp_obj o;
	gp_split_init(&s, in, h, w, a, facts);
	if (!gp_obj_pick(&s, GP_KEY_SIZE, 0, !b, &o))
		return false;
	GP_FOR2(i, j, h, w)
		out[i * w + j] = s.lab[(i + 1) * GP_PW + j + 1] == o.label ? in[i * w + j] : (uint8_t)s.bg;
	*oh = h, *ow = w;
	return true;
}

/* The objects of one cell covered with the background. */
GP_OP(obj_denoise)
{
	gp_split s;
	gp_obj o;
	gp_split_init(&s, in, h, w, a, facts);
	while (gp_split_next(&s, &o))
		if (o.size == 1)
			s.lab[s.queue[0]] = 0xffff;
	GP_FOR2(i, j, h, w)
		out[i * w + j] = s.lab[(i + 1) * GP_PW + j + 1] == 0xffff ? (uint8_t)s.bg : in[i * w + j];
	*oh = h, *ow = w;
	return true;
}

#endif
