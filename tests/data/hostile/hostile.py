# Hostile programs (issue 10): each spends far more than a small budget in loops whose length
# depends on its data. test_battery.c runs them under small limits and checks, from the
# evaluator's own counters, that each stops at its limit. One line each that does the work;
# the programs would return I otherwise. The big values are 200 tuples of 3,001 ints that
# differ only in their last element (even(k)), so every comparison reads them whole.


def solve_h_memory(I):
    x1 = multiply(TEN, TEN)
    x2 = multiply(x1, x1)
    x3 = multiply(x2, x1)
    x4 = interval(ZERO, x3, ONE)
    x5 = interval(ONE, x3, ONE)
    x6 = interval(TWO, x3, ONE)
    x7 = interval(THREE, x3, ONE)
    x8 = interval(FOUR, x3, ONE)
    x9 = interval(FIVE, x3, ONE)
    O = identity(I)
    return O


def solve_h_order(I):
    x1 = multiply(TEN, TEN)
    x2 = multiply(x1, TEN)
    x3 = multiply(x2, THREE)
    x4 = interval(ZERO, x3, ONE)
    x5 = multiply(x1, TWO)
    x6 = interval(ZERO, x5, ONE)
    x7 = apply(even, x6)
    x8 = apply(initset, x7)
    x9 = lbind(combine, x4)
    x10 = apply(x9, x8)
    x11 = order(x10, identity)
    O = identity(I)
    return O


def solve_h_common(I):
    x1 = multiply(TEN, TEN)
    x2 = multiply(x1, TEN)
    x3 = multiply(x2, THREE)
    x4 = interval(ZERO, x3, ONE)
    x5 = multiply(x1, TWO)
    x6 = interval(ZERO, x5, ONE)
    x7 = apply(even, x6)
    x8 = apply(initset, x7)
    x9 = lbind(combine, x4)
    x10 = apply(x9, x8)
    x11 = mostcommon(x10)
    O = identity(I)
    return O


def solve_h_sets(I):
    x1 = multiply(TEN, TEN)
    x2 = multiply(x1, TEN)
    x3 = multiply(x2, THREE)
    x4 = interval(ZERO, x3, ONE)
    x5 = multiply(x1, TWO)
    x6 = interval(ZERO, x5, ONE)
    x7 = apply(even, x6)
    x8 = apply(initset, x7)
    x9 = lbind(combine, x4)
    x10 = apply(x9, x8)
    x11 = initset(ZERO)
    x12 = remove(ZERO, x11)
    x13 = combine(x12, x10)
    O = identity(I)
    return O


# Below: loops that used to run to their end and charge afterwards, so one call passed the
# budget by its whole size. Each now charges before (or as it goes) and stops at the budget.


def solve_h_maximum(I):
    x1 = multiply(TEN, TEN)
    x2 = multiply(x1, x1)
    x3 = multiply(x2, x1)
    x4 = multiply(x3, THREE)
    x5 = halve(x4)
    x6 = interval(ZERO, x5, ONE)
    x7 = maximum(x6)
    O = identity(I)
    return O


def solve_h_compare(I):
    x1 = multiply(TEN, TEN)
    x2 = multiply(x1, x1)
    x3 = multiply(x2, x1)
    x4 = multiply(x3, TWO)
    x5 = interval(ZERO, x4, ONE)
    x6 = repeat(x5, TWO)
    x7 = order(x6, identity)
    O = identity(I)
    return O


def solve_h_colorcount(I):
    x1 = multiply(TEN, TEN)
    x2 = multiply(x1, TEN)
    x3 = multiply(x2, THREE)
    x4 = astuple(x3, x3)
    x5 = canvas(ZERO, x4)
    x6 = colorcount(x5, ZERO)
    O = identity(I)
    return O


# A primitive that reads its whole argument, called on many references to one large value:
# each call is charged for what it reads (ulcorner's bounding box), not only as a call.
def solve_h_bbox(I):
    x1 = multiply(TEN, TEN)
    x2 = astuple(x1, x1)
    x3 = canvas(ZERO, x2)
    x4 = asindices(x3)
    x5 = multiply(x1, x1)
    x6 = multiply(x5, TWO)
    x7 = repeat(x4, x6)
    x8 = apply(ulcorner, x7)
    O = identity(I)
    return O


# One comparison that reads far more than its values' sizes: two sets of 10,000 references to
# equal tuples of 4,000 ints (one payload each) compare element by element, charged as they go.
def solve_h_shared(I):
    x1 = multiply(TEN, TEN)
    x2 = multiply(x1, x1)
    x3 = multiply(x1, TEN)
    x4 = multiply(x3, FOUR)
    x5 = interval(ZERO, x4, ONE)
    x6 = apply(identity, x5)
    x7 = repeat(x5, x2)
    x8 = repeat(x6, x2)
    x9 = initset(x7)
    x10 = initset(x8)
    x11 = combine(x9, x10)
    O = identity(I)
    return O


# A tuple of 70,000 references to one tuple of 1,000 small ints: every row is read to see
# whether the tuple is a grid, charged as it goes.
def solve_h_rows(I):
    x1 = multiply(TEN, TEN)
    x2 = multiply(x1, x1)
    x3 = multiply(x1, TEN)
    x4 = repeat(ZERO, x3)
    x5 = multiply(x2, SEVEN)
    x6 = repeat(x4, x5)
    O = identity(I)
    return O
