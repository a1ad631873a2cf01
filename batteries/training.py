# The default battery: arc-dsl programs written for this project (issue #4), one per
# ARC-AGI-1 training task, each reproducing every train and test output of its task.
# Syntax and semantics: docs/DSL.md (section 3 for the program form). Sorted by task id.
# The programs of the tasks in tests/provenance/rewritten.txt were written afresh from their
# tasks in issue 14; tests/provenance/check.sh compares them with the programs they replaced.
from dsl import *
from constants import *


def solve_007bbfb7(I):
    x1 = upscale(I, THREE)
    x2 = hconcat(I, I)
    x3 = hconcat(x2, I)
    x4 = vconcat(x3, x3)
    x5 = vconcat(x4, x3)
    O = cellwise(x5, x1, ZERO)
    return O


def solve_00d62c1b(I):
    x1 = replace(I, ZERO, FOUR)
    x2 = objects(x1, T, F, F)
    x3 = rbind(bordering, x1)
    x4 = sfilter(x2, x3)
    x5 = merge(x4)
    x6 = toindices(x5)
    x7 = ofcolor(x1, FOUR)
    x8 = intersection(x6, x7)
    O = fill(x1, ZERO, x8)
    return O


def solve_017c7c7b(I):
    x1 = asobject(I)
    x2 = vperiod(x1)
    x3 = toivec(x2)
    x4 = shift(x1, x3)
    x5 = double(x3)
    x6 = shift(x1, x5)
    x7 = add(x3, x5)
    x8 = shift(x1, x7)
    x9 = combine(x1, x4)
    x10 = combine(x6, x8)
    x11 = combine(x9, x10)
    x12 = width(I)
    x13 = astuple(NINE, x12)
    x14 = canvas(ZERO, x13)
    x15 = paint(x14, x11)
    O = replace(x15, ONE, TWO)
    return O


def solve_0520fde7(I):
    x1 = lefthalf(I)
    x2 = righthalf(I)
    x3 = cellwise(x1, x2, ZERO)
    O = replace(x3, ONE, TWO)
    return O


def solve_05269061(I):
    x1 = objects(I, T, T, T)
    x2 = rbind(shoot, UP_RIGHT)
    x3 = rbind(shoot, DOWN_LEFT)
    x4 = fork(combine, x2, x3)
    x5 = chain(x4, last, first)
    x6 = multiply(THREE, FOUR)
    x7 = invert(x6)
    x8 = increment(x6)
    x9 = interval(x7, x8, THREE)
    x10 = initset(ZERO)
    x11 = product(x10, x9)
    x12 = rbind(mapply, x11)
    x13 = lbind(lbind, shift)
    x14 = chain(x12, x13, x5)
    x15 = fork(recolor, color, x14)
    x16 = mapply(x15, x1)
    O = paint(I, x16)
    return O


def solve_05f2a901(I):
    x1 = ofcolor(I, TWO)
    x2 = ofcolor(I, EIGHT)
    x3 = gravitate(x1, x2)
    x4 = toobject(x1, I)
    x5 = shift(x4, x3)
    x6 = cover(I, x1)
    O = paint(x6, x5)
    return O


def solve_08ed6ac7(I):
    x1 = objects(I, T, F, T)
    x2 = argmax(x1, size)
    x3 = remove(x2, x1)
    x4 = argmax(x3, size)
    x5 = remove(x4, x3)
    x6 = argmax(x5, size)
    x7 = remove(x6, x5)
    x8 = merge(x7)
    x9 = fill(I, ONE, x2)
    x10 = fill(x9, TWO, x4)
    x11 = fill(x10, THREE, x6)
    O = fill(x11, FOUR, x8)
    return O


def solve_0962bcdd(I):
    x1 = objects(I, F, T, T)
    x2 = first(x1)
    x3 = center(x2)
    x4 = index(I, x3)
    x5 = palette(x2)
    x6 = other(x5, x4)
    x7 = compose(backdrop, outbox)
    x8 = fork(combine, hfrontier, vfrontier)
    x9 = compose(x8, center)
    x10 = fork(intersection, x9, x7)
    x11 = mapply(x10, x1)
    x12 = fill(I, x6, x11)
    x13 = rbind(shoot, UNITY)
    x14 = rbind(shoot, NEG_UNITY)
    x15 = rbind(shoot, UP_RIGHT)
    x16 = rbind(shoot, DOWN_LEFT)
    x17 = fork(combine, x13, x14)
    x18 = fork(combine, x15, x16)
    x19 = fork(combine, x17, x18)
    x20 = compose(x19, center)
    x21 = fork(intersection, x20, x7)
    x22 = mapply(x21, x1)
    O = fill(x12, x4, x22)
    return O


def solve_0a938d79(I):
    x1 = portrait(I)
    x2 = branch(x1, dmirror, identity)
    x3 = x2(I)
    x4 = objects(x3, T, F, T)
    x5 = argmin(x4, leftmost)
    x6 = argmax(x4, leftmost)
    x7 = leftmost(x5)
    x8 = leftmost(x6)
    x9 = subtract(x8, x7)
    x10 = double(x9)
    x11 = width(x3)
    x12 = initset(ZERO)
    x13 = interval(x7, x11, x10)
    x14 = product(x12, x13)
    x15 = mapply(vfrontier, x14)
    x16 = color(x5)
    x17 = fill(x3, x16, x15)
    x18 = interval(x8, x11, x10)
    x19 = product(x12, x18)
    x20 = mapply(vfrontier, x19)
    x21 = color(x6)
    x22 = fill(x17, x21, x20)
    O = x2(x22)
    return O


def solve_0b148d64(I):
    x1 = leastcolor(I)
    x2 = ofcolor(I, x1)
    O = subgrid(x2, I)
    return O


def solve_0ca9ddb6(I):
    x1 = ofcolor(I, TWO)
    x2 = mapply(ineighbors, x1)
    x3 = underfill(I, FOUR, x2)
    x4 = ofcolor(I, ONE)
    x5 = mapply(dneighbors, x4)
    O = underfill(x3, SEVEN, x5)
    return O


def solve_0d3d703e(I):
    x1 = replace(I, THREE, ZERO)
    x2 = replace(x1, FOUR, THREE)
    x3 = replace(x2, ZERO, FOUR)
    x4 = replace(x3, EIGHT, ZERO)
    x5 = replace(x4, NINE, EIGHT)
    x6 = replace(x5, ZERO, NINE)
    x7 = switch(x6, TWO, SIX)
    O = switch(x7, ONE, FIVE)
    return O


def solve_0dfd9992(I):
    x1 = lbind(contained, ZERO)
    x2 = compose(flip, x1)
    x3 = sfilter(I, x2)
    x4 = first(x3)
    x5 = repeat(x4, ONE)
    x6 = asobject(x5)
    x7 = hperiod(x6)
    x8 = dmirror(I)
    x9 = sfilter(x8, x2)
    x10 = first(x9)
    x11 = repeat(x10, ONE)
    x12 = asobject(x11)
    x13 = hperiod(x12)
    x14 = asobject(I)
    x15 = ofcolor(I, ZERO)
    x16 = toobject(x15, I)
    x17 = difference(x14, x16)
    x18 = height(I)
    x19 = divide(x18, x13)
    x20 = multiply(x19, x13)
    x21 = invert(x20)
    x22 = interval(x21, x18, x13)
    x23 = width(I)
    x24 = divide(x23, x7)
    x25 = multiply(x24, x7)
    x26 = invert(x25)
    x27 = interval(x26, x23, x7)
    x28 = product(x22, x27)
    x29 = lbind(shift, x17)
    x30 = mapply(x29, x28)
    O = paint(I, x30)
    return O


def solve_10fcaaa3(I):
    x1 = hconcat(I, I)
    x2 = vconcat(x1, x1)
    x3 = asindices(x2)
    x4 = ofcolor(x2, ZERO)
    x5 = difference(x3, x4)
    x6 = mapply(ineighbors, x5)
    O = underfill(x2, EIGHT, x6)
    return O


def solve_11852cab(I):
    x1 = objects(I, F, T, T)
    x2 = merge(x1)
    x3 = hmirror(x2)
    x4 = vmirror(x2)
    x5 = dmirror(x2)
    x6 = cmirror(x2)
    x7 = vmirror(x3)
    x8 = combine(x3, x4)
    x9 = combine(x5, x6)
    x10 = combine(x8, x9)
    x11 = combine(x10, x7)
    O = paint(I, x11)
    return O


def solve_1190e5a7(I):
    x1 = frontiers(I)
    x2 = mostcolor(I)
    x3 = matcher(color, x2)
    x4 = compose(flip, x3)
    x5 = sfilter(x1, x4)
    x6 = sfilter(x5, hline)
    x7 = size(x6)
    x8 = increment(x7)
    x9 = sfilter(x5, vline)
    x10 = size(x9)
    x11 = increment(x10)
    x12 = astuple(x8, x11)
    O = canvas(x2, x12)
    return O


def solve_137eaa0f(I):
    x1 = ofcolor(I, FIVE)
    x2 = fork(insert, identity, neighbors)
    x3 = rbind(toobject, I)
    x4 = compose(x3, x2)
    x5 = compose(positive, first)
    x6 = rbind(sfilter, x5)
    x7 = compose(x6, x4)
    x8 = lbind(subtract, UNITY)
    x9 = fork(shift, x7, x8)
    x10 = mapply(x9, x1)
    x11 = canvas(ZERO, THREE_BY_THREE)
    O = paint(x11, x10)
    return O


def solve_178fcbfb(I):
    x1 = ofcolor(I, TWO)
    x2 = mapply(vfrontier, x1)
    x3 = fill(I, TWO, x2)
    x4 = ofcolor(I, ONE)
    x5 = mapply(hfrontier, x4)
    x6 = fill(x3, ONE, x5)
    x7 = ofcolor(I, THREE)
    x8 = mapply(hfrontier, x7)
    O = fill(x6, THREE, x8)
    return O


def solve_1b2d62fb(I):
    x1 = lefthalf(I)
    x2 = righthalf(I)
    x3 = cellwise(x1, x2, ONE)
    x4 = ofcolor(x3, ZERO)
    x5 = shape(x1)
    x6 = canvas(ZERO, x5)
    O = fill(x6, EIGHT, x4)
    return O


def solve_1bfc4729(I):
    x1 = tophalf(I)
    x2 = asindices(x1)
    x3 = vfrontier(ORIGIN)
    x4 = width(I)
    x5 = decrement(x4)
    x6 = tojvec(x5)
    x7 = vfrontier(x6)
    x8 = combine(x3, x7)
    x9 = intersection(x2, x8)
    x10 = hfrontier(ORIGIN)
    x11 = combine(x9, x10)
    x12 = objects(I, T, F, T)
    x13 = argmin(x12, uppermost)
    x14 = center(x13)
    x15 = hfrontier(x14)
    x16 = combine(x11, x15)
    x17 = color(x13)
    x18 = fill(I, x17, x16)
    x19 = height(x1)
    x20 = toivec(x19)
    x21 = shift(x2, x20)
    x22 = intersection(x21, x8)
    x23 = height(I)
    x24 = decrement(x23)
    x25 = toivec(x24)
    x26 = hfrontier(x25)
    x27 = combine(x22, x26)
    x28 = argmax(x12, uppermost)
    x29 = center(x28)
    x30 = hfrontier(x29)
    x31 = combine(x27, x30)
    x32 = color(x28)
    O = fill(x18, x32, x31)
    return O


def solve_1c786137(I):
    x1 = objects(I, T, F, F)
    x2 = fork(equality, toindices, box)
    x3 = sfilter(x1, x2)
    x4 = argmax(x3, size)
    x5 = subgrid(x4, I)
    O = trim(x5)
    return O


def solve_1caeab9d(I):
    x1 = objects(I, T, T, T)
    x2 = colorfilter(x1, ONE)
    x3 = first(x2)
    x4 = uppermost(x3)
    x5 = lbind(subtract, x4)
    x6 = chain(toivec, x5, uppermost)
    x7 = fork(shift, identity, x6)
    x8 = mapply(x7, x1)
    x9 = merge(x1)
    x10 = cover(I, x9)
    O = paint(x10, x8)
    return O


def solve_1cf80156(I):
    O = compress(I)
    return O


def solve_1e0a9b12(I):
    x1 = ofcolor(I, ZERO)
    x2 = rbind(shoot, DOWN)
    x3 = rbind(intersection, x1)
    x4 = chain(size, x3, x2)
    x5 = compose(toivec, x4)
    x6 = fork(add, identity, x5)
    x7 = compose(x6, last)
    x8 = fork(astuple, first, x7)
    x9 = asobject(I)
    x10 = toobject(x1, I)
    x11 = difference(x9, x10)
    x12 = apply(x8, x11)
    x13 = shape(I)
    x14 = canvas(ZERO, x13)
    O = paint(x14, x12)
    return O


def solve_1e32b0e9(I):
    x1 = astuple(FIVE, FIVE)
    x2 = crop(I, ORIGIN, x1)
    x3 = palette(x2)
    x4 = other(x3, ZERO)
    x5 = ofcolor(x2, x4)
    x6 = height(I)
    x7 = interval(ZERO, x6, SIX)
    x8 = product(x7, x7)
    x9 = lbind(shift, x5)
    x10 = mapply(x9, x8)
    x11 = toivec(FIVE)
    x12 = index(I, x11)
    O = underfill(I, x12, x10)
    return O


def solve_1f642eb9(I):
    x1 = objects(I, T, F, T)
    x2 = argmax(x1, size)
    x3 = toindices(x2)
    x4 = apply(initset, x3)
    x5 = remove(x2, x1)
    x6 = lbind(lbind, manhattan)
    x7 = lbind(argmin, x4)
    x8 = compose(x7, x6)
    x9 = fork(recolor, color, x8)
    x10 = mapply(x9, x5)
    O = paint(I, x10)
    return O


def solve_1f85a75f(I):
    x1 = fgpartition(I)
    x2 = argmin(x1, size)
    O = subgrid(x2, I)
    return O


def solve_1f876c06(I):
    x1 = lbind(prapply, connect)
    x2 = fork(x1, identity, identity)
    x3 = chain(merge, x2, toindices)
    x4 = fork(recolor, color, x3)
    x5 = fgpartition(I)
    x6 = apply(x4, x5)
    x7 = merge(x6)
    O = underpaint(I, x7)
    return O


def solve_1fad071e(I):
    x1 = objects(I, T, F, T)
    x2 = colorfilter(x1, ONE)
    x3 = sizefilter(x2, FOUR)
    x4 = size(x3)
    x5 = astuple(ONE, x4)
    x6 = canvas(ONE, x5)
    x7 = subtract(FIVE, x4)
    x8 = astuple(ONE, x7)
    x9 = canvas(ZERO, x8)
    O = hconcat(x6, x9)
    return O


def solve_2013d3e2(I):
    x1 = compress(I)
    x2 = tophalf(x1)
    O = lefthalf(x2)
    return O


def solve_2204b7a8(I):
    x1 = objects(I, T, F, T)
    x2 = colorfilter(x1, THREE)
    x3 = difference(x1, x2)
    x4 = lbind(lbind, manhattan)
    x5 = lbind(argmin, x3)
    x6 = chain(color, x5, x4)
    x7 = fork(recolor, x6, identity)
    x8 = mapply(x7, x2)
    O = paint(I, x8)
    return O


def solve_22168020(I):
    x1 = objects(I, T, T, T)
    x2 = fork(product, toindices, toindices)
    x3 = fork(connect, first, last)
    x4 = lbind(apply, x3)
    x5 = rbind(mfilter, hline)
    x6 = chain(x5, x4, x2)
    x7 = fork(recolor, color, x6)
    x8 = mapply(x7, x1)
    O = paint(I, x8)
    return O


def solve_2281f1f4(I):
    x1 = ofcolor(I, FIVE)
    x2 = mapply(vfrontier, x1)
    x3 = mapply(hfrontier, x1)
    x4 = intersection(x2, x3)
    x5 = hfrontier(ORIGIN)
    x6 = difference(x4, x5)
    O = underfill(I, TWO, x6)
    return O


def solve_22eb0ac0(I):
    x1 = fgpartition(I)
    x2 = matcher(height, ONE)
    x3 = sfilter(x1, x2)
    x4 = fork(recolor, color, backdrop)
    x5 = mapply(x4, x3)
    O = paint(I, x5)
    return O


def solve_23581191(I):
    x1 = objects(I, T, F, T)
    x2 = first(x1)
    x3 = last(x1)
    x4 = center(x2)
    x5 = vfrontier(x4)
    x6 = hfrontier(x4)
    x7 = combine(x5, x6)
    x8 = center(x3)
    x9 = vfrontier(x8)
    x10 = hfrontier(x8)
    x11 = combine(x9, x10)
    x12 = color(x2)
    x13 = fill(I, x12, x7)
    x14 = color(x3)
    x15 = fill(x13, x14, x11)
    x16 = intersection(x7, x11)
    O = fill(x15, TWO, x16)
    return O


def solve_239be575(I):
    x1 = objects(I, F, F, T)
    x2 = rbind(colorcount, TWO)
    x3 = matcher(x2, EIGHT)
    x4 = sfilter(x1, x3)
    x5 = size(x4)
    x6 = positive(x5)
    x7 = branch(x6, EIGHT, ZERO)
    O = canvas(x7, UNITY)
    return O


def solve_23b5c85d(I):
    x1 = fgpartition(I)
    x2 = argmin(x1, size)
    x3 = color(x2)
    x4 = shape(x2)
    O = canvas(x3, x4)
    return O


def solve_253bf280(I):
    x1 = ofcolor(I, EIGHT)
    x2 = product(x1, x1)
    x3 = fork(connect, first, last)
    x4 = apply(x3, x2)
    x5 = fork(either, vline, hline)
    x6 = mfilter(x4, x5)
    O = underfill(I, THREE, x6)
    return O


def solve_25d487eb(I):
    x1 = objects(I, F, T, T)
    x2 = first(x1)
    x3 = leastcolor(x2)
    x4 = ofcolor(I, x3)
    x5 = position(x4, x2)
    x6 = first(x4)
    x7 = shoot(x6, x5)
    O = underfill(I, x3, x7)
    return O


def solve_25d8a9c8(I):
    x1 = frontiers(I)
    x2 = sfilter(x1, hline)
    x3 = merge(x2)
    x4 = shape(I)
    x5 = canvas(ZERO, x4)
    O = fill(x5, FIVE, x3)
    return O


def solve_25ff71a9(I):
    x1 = asobject(I)
    x2 = shift(x1, DOWN)
    x3 = shape(I)
    x4 = canvas(ZERO, x3)
    O = paint(x4, x2)
    return O


def solve_27a28665(I):
    x1 = index(I, ORIGIN)
    x2 = positive(x1)
    x3 = vmirror(I)
    x4 = equality(x3, I)
    x5 = branch(x2, TWO, SIX)
    x6 = branch(x2, ONE, THREE)
    x7 = branch(x4, x5, x6)
    O = canvas(x7, UNITY)
    return O


def solve_28bf18c6(I):
    x1 = compress(I)
    O = hconcat(x1, x1)
    return O


def solve_29623171(I):
    x1 = palette(I)
    x2 = remove(ZERO, x1)
    x3 = other(x2, FIVE)
    x4 = replace(I, x3, ZERO)
    x5 = objects(x4, T, F, F)
    x6 = colorfilter(x5, ZERO)
    x7 = rbind(toobject, I)
    x8 = rbind(colorcount, x3)
    x9 = compose(x8, x7)
    x10 = valmax(x6, x9)
    x11 = matcher(x9, x10)
    x12 = sfilter(x6, x11)
    x13 = merge(x6)
    x14 = fill(I, ZERO, x13)
    x15 = merge(x12)
    O = fill(x14, x3, x15)
    return O


def solve_29c11459(I):
    x1 = objects(I, T, F, T)
    x2 = matcher(leftmost, ZERO)
    x3 = sfilter(x1, x2)
    x4 = difference(x1, x3)
    x5 = compose(hfrontier, center)
    x6 = fork(recolor, color, x5)
    x7 = mapply(x6, x4)
    x8 = paint(I, x7)
    x9 = mapply(x6, x3)
    x10 = paint(I, x9)
    x11 = lefthalf(I)
    x12 = asindices(x11)
    x13 = toobject(x12, x10)
    x14 = paint(x8, x13)
    x15 = width(I)
    x16 = halve(x15)
    x17 = tojvec(x16)
    x18 = vfrontier(x17)
    x19 = toindices(x7)
    x20 = intersection(x18, x19)
    O = fill(x14, FIVE, x20)
    return O


def solve_29ec7d0e(I):
    x1 = asobject(I)
    x2 = ofcolor(I, ZERO)
    x3 = toobject(x2, I)
    x4 = difference(x1, x3)
    x5 = numcolors(I)
    x6 = decrement(x5)
    x7 = multiply(x6, THREE)
    x8 = invert(x7)
    x9 = increment(x7)
    x10 = interval(x8, x9, x6)
    x11 = product(x10, x10)
    x12 = lbind(shift, x4)
    x13 = mapply(x12, x11)
    O = paint(I, x13)
    return O


def solve_2bcee788(I):
    x1 = objects(I, T, F, T)
    x2 = colorfilter(x1, TWO)
    x3 = ofcolor(I, TWO)
    x4 = difference(x1, x2)
    x5 = merge(x4)
    x6 = vmatching(x3, x5)
    x7 = branch(x6, DOWN, RIGHT)
    x8 = center(x3)
    x9 = center(x5)
    x10 = subtract(x8, x9)
    x11 = sign(x10)
    x12 = multiply(x11, x7)
    x13 = shape(x5)
    x14 = multiply(x12, x13)
    x15 = branch(x6, hmirror, vmirror)
    x16 = x15(x5)
    x17 = shift(x16, x14)
    x18 = replace(I, ZERO, THREE)
    x19 = fill(x18, THREE, x3)
    O = paint(x19, x17)
    return O


def solve_2bee17df(I):
    x1 = trim(I)
    x2 = frontiers(x1)
    x3 = colorfilter(x2, ZERO)
    x4 = merge(x3)
    x5 = shift(x4, UNITY)
    O = fill(I, THREE, x5)
    return O


def solve_2c608aff(I):
    x1 = objects(I, T, F, T)
    x2 = argmax(x1, size)
    x3 = remove(x2, x1)
    x4 = rbind(hmatching, x2)
    x5 = rbind(vmatching, x2)
    x6 = fork(either, x4, x5)
    x7 = sfilter(x3, x6)
    x8 = rbind(gravitate, x2)
    x9 = fork(add, center, x8)
    x10 = fork(connect, center, x9)
    x11 = fork(recolor, color, x10)
    x12 = mapply(x11, x7)
    O = paint(I, x12)
    return O


def solve_2dc579da(I):
    x1 = tophalf(I)
    x2 = bottomhalf(I)
    x3 = lefthalf(x1)
    x4 = righthalf(x1)
    x5 = lefthalf(x2)
    x6 = righthalf(x2)
    x7 = astuple(x3, x4)
    x8 = astuple(x5, x6)
    x9 = combine(x7, x8)
    x10 = matcher(numcolors, TWO)
    O = extract(x9, x10)
    return O


def solve_2dee498d(I):
    x1 = hsplit(I, THREE)
    O = first(x1)
    return O


def solve_31aa019c(I):
    x1 = leastcolor(I)
    x2 = ofcolor(I, x1)
    x3 = mapply(neighbors, x2)
    x4 = shape(I)
    x5 = canvas(ZERO, x4)
    x6 = fill(x5, TWO, x3)
    O = fill(x6, x1, x2)
    return O


def solve_321b1fc6(I):
    x1 = objects(I, F, F, T)
    x2 = colorfilter(x1, EIGHT)
    x3 = difference(x1, x2)
    x4 = first(x3)
    x5 = normalize(x4)
    x6 = lbind(shift, x5)
    x7 = compose(x6, ulcorner)
    x8 = mapply(x7, x2)
    x9 = cover(I, x4)
    O = paint(x9, x8)
    return O


def solve_32597951(I):
    x1 = ofcolor(I, EIGHT)
    x2 = backdrop(x1)
    x3 = ofcolor(I, ONE)
    x4 = intersection(x2, x3)
    O = fill(I, THREE, x4)
    return O


def solve_3428a4f5(I):
    x1 = vsplit(I, TWO)
    x2 = first(x1)
    x3 = last(x1)
    x4 = ofcolor(x2, TWO)
    x5 = ofcolor(x3, TWO)
    x6 = combine(x4, x5)
    x7 = intersection(x4, x5)
    x8 = difference(x6, x7)
    x9 = shape(x2)
    x10 = canvas(ZERO, x9)
    O = fill(x10, THREE, x8)
    return O


def solve_3618c87e(I):
    x1 = ofcolor(I, ONE)
    x2 = shift(x1, TWO_BY_ZERO)
    x3 = fill(I, ZERO, x1)
    O = fill(x3, ONE, x2)
    return O


def solve_3631a71a(I):
    x1 = ofcolor(I, NINE)
    x2 = dmirror(I)
    x3 = toobject(x1, x2)
    x4 = paint(I, x3)
    x5 = shape(x4)
    x6 = width(x4)
    x7 = astuple(TWO, x6)
    x8 = crop(x4, ORIGIN, x7)
    x9 = subtract(x5, TWO_BY_ZERO)
    x10 = crop(x4, TWO_BY_ZERO, x9)
    x11 = hmirror(x10)
    x12 = vconcat(x8, x11)
    x13 = ofcolor(x4, NINE)
    x14 = toobject(x13, x12)
    x15 = paint(x4, x14)
    x16 = height(x15)
    x17 = astuple(x16, TWO)
    x18 = crop(x15, ORIGIN, x17)
    x19 = subtract(x5, ZERO_BY_TWO)
    x20 = crop(x15, ZERO_BY_TWO, x19)
    x21 = vmirror(x20)
    x22 = hconcat(x18, x21)
    x23 = ofcolor(x15, NINE)
    x24 = toobject(x23, x22)
    x25 = paint(x15, x24)
    x26 = ofcolor(x25, NINE)
    x27 = dmirror(x25)
    x28 = toobject(x26, x27)
    O = paint(x25, x28)
    return O


def solve_363442ee(I):
    x1 = crop(I, ORIGIN, THREE_BY_THREE)
    x2 = asobject(x1)
    x3 = ofcolor(I, ONE)
    x4 = shift(x3, NEG_UNITY)
    x5 = lbind(shift, x2)
    x6 = mapply(x5, x4)
    O = paint(I, x6)
    return O


def solve_3906de3d(I):
    x1 = ofcolor(I, ZERO)
    x2 = rbind(shoot, UP)
    x3 = rbind(intersection, x1)
    x4 = chain(size, x3, x2)
    x5 = compose(toivec, x4)
    x6 = fork(subtract, identity, x5)
    x7 = compose(x6, last)
    x8 = fork(astuple, first, x7)
    x9 = asobject(I)
    x10 = toobject(x1, I)
    x11 = difference(x9, x10)
    x12 = apply(x8, x11)
    x13 = shape(I)
    x14 = canvas(ZERO, x13)
    O = paint(x14, x12)
    return O


def solve_39a8645d(I):
    x1 = objects(I, T, T, T)
    x2 = totuple(x1)
    x3 = apply(normalize, x2)
    x4 = mostcommon(x3)
    x5 = shape(x4)
    x6 = canvas(ZERO, x5)
    O = paint(x6, x4)
    return O


def solve_3aa6fb7a(I):
    x1 = objects(I, T, F, T)
    x2 = mapply(delta, x1)
    O = fill(I, ONE, x2)
    return O


def solve_3ac3eb23(I):
    x1 = objects(I, T, F, T)
    x2 = rbind(shift, DOWN_LEFT)
    x3 = rbind(shift, UNITY)
    x4 = fork(combine, x2, x3)
    x5 = fork(combine, identity, x4)
    x6 = mapply(x5, x1)
    x7 = shift(x6, TWO_BY_ZERO)
    x8 = double(TWO_BY_ZERO)
    x9 = shift(x6, x8)
    x10 = combine(x6, x7)
    x11 = combine(x10, x9)
    O = paint(I, x11)
    return O


def solve_3af2c5a8(I):
    x1 = asobject(I)
    x2 = rot180(I)
    x3 = asobject(x2)
    x4 = shape(I)
    x5 = shift(x3, x4)
    x6 = combine(x1, x5)
    x7 = vmirror(x6)
    x8 = combine(x6, x7)
    x9 = double(x4)
    x10 = canvas(ZERO, x9)
    O = paint(x10, x8)
    return O


def solve_3bd67248(I):
    x1 = height(I)
    x2 = decrement(x1)
    x3 = tojvec(x2)
    x4 = shoot(x3, DOWN_LEFT)
    x5 = underfill(I, TWO, x4)
    x6 = toivec(x2)
    x7 = shoot(x6, RIGHT)
    O = underfill(x5, FOUR, x7)
    return O


def solve_3bdb4ada(I):
    x1 = objects(I, T, F, T)
    x2 = matcher(first, ONE)
    x3 = compose(even, last)
    x4 = compose(flip, x3)
    x5 = fork(both, x2, x4)
    x6 = rbind(sfilter, x5)
    x7 = chain(x6, toindices, normalize)
    x8 = fork(shift, x7, ulcorner)
    x9 = mapply(x8, x1)
    O = fill(I, ZERO, x9)
    return O


def solve_3befdf3e(I):
    x1 = objects(I, F, F, T)
    x2 = lbind(index, I)
    x3 = compose(x2, ulcorner)
    x4 = compose(x2, center)
    x5 = fork(recolor, x4, box)
    x6 = fork(difference, backdrop, box)
    x7 = fork(recolor, x3, x6)
    x8 = fork(combine, x5, x7)
    x9 = mapply(x8, x1)
    x10 = rbind(subtract, TWO)
    x11 = compose(x10, height)
    x12 = compose(toivec, x11)
    x13 = fork(shift, backdrop, x12)
    x14 = compose(invert, x12)
    x15 = fork(shift, backdrop, x14)
    x16 = compose(tojvec, x11)
    x17 = fork(shift, backdrop, x16)
    x18 = compose(invert, x16)
    x19 = fork(shift, backdrop, x18)
    x20 = fork(combine, x13, x15)
    x21 = fork(combine, x17, x19)
    x22 = fork(combine, x20, x21)
    x23 = fork(difference, x22, backdrop)
    x24 = fork(recolor, x3, x23)
    x25 = mapply(x24, x1)
    x26 = paint(I, x25)
    O = paint(x26, x9)
    return O


def solve_3c9b0459(I):
    O = rot180(I)
    return O


def solve_3de23699(I):
    x1 = fgpartition(I)
    x2 = compose(size, backdrop)
    x3 = argmax(x1, x2)
    x4 = subgrid(x3, I)
    x5 = trim(x4)
    x6 = color(x3)
    x7 = remove(x3, x1)
    x8 = first(x7)
    x9 = color(x8)
    O = replace(x5, x9, x6)
    return O


def solve_3f7978a0(I):
    x1 = ofcolor(I, FIVE)
    x2 = shift(x1, UP)
    x3 = shift(x1, DOWN)
    x4 = combine(x2, x3)
    O = subgrid(x4, I)
    return O


def solve_40853293(I):
    x1 = fgpartition(I)
    x2 = matcher(height, ONE)
    x3 = fork(recolor, color, backdrop)
    x4 = sfilter(x1, x2)
    x5 = mapply(x3, x4)
    x6 = paint(I, x5)
    x7 = matcher(width, ONE)
    x8 = sfilter(x1, x7)
    x9 = mapply(x3, x8)
    O = paint(x6, x9)
    return O


def solve_4093f84a(I):
    x1 = objects(I, T, F, T)
    x2 = argmax(x1, size)
    x3 = remove(x2, x1)
    x4 = merge(x3)
    x5 = apply(initset, x4)
    x6 = rbind(gravitate, x2)
    x7 = fork(add, center, x6)
    x8 = fork(connect, center, x7)
    x9 = ofcolor(I, ZERO)
    x10 = rbind(intersection, x9)
    x11 = chain(size, x10, x8)
    x12 = compose(sign, x6)
    x13 = fork(multiply, x12, x11)
    x14 = fork(shift, identity, x13)
    x15 = mapply(x14, x5)
    x16 = cover(I, x4)
    x17 = color(x2)
    x18 = recolor(x17, x15)
    O = paint(x16, x18)
    return O


def solve_41e4d17e(I):
    x1 = objects(I, T, F, T)
    x2 = apply(centerofmass, x1)
    x3 = mapply(vfrontier, x2)
    x4 = mapply(hfrontier, x2)
    x5 = combine(x3, x4)
    O = underfill(I, SIX, x5)
    return O


def solve_4258a5f9(I):
    x1 = objects(I, T, F, T)
    x2 = apply(outbox, x1)
    x3 = merge(x2)
    O = fill(I, ONE, x3)
    return O


def solve_42a50994(I):
    x1 = leastcolor(I)
    x2 = ofcolor(I, x1)
    x3 = mapply(neighbors, x2)
    x4 = intersection(x2, x3)
    x5 = difference(x2, x4)
    O = cover(I, x5)
    return O


def solve_4347f46a(I):
    x1 = objects(I, T, F, T)
    x2 = apply(box, x1)
    x3 = merge(x2)
    x4 = asindices(I)
    x5 = difference(x4, x3)
    O = fill(I, ZERO, x5)
    return O


def solve_445eab21(I):
    x1 = fgpartition(I)
    x2 = fork(multiply, height, width)
    x3 = order(x1, x2)
    x4 = last(x3)
    x5 = color(x4)
    x6 = canvas(x5, UNITY)
    O = upscale(x6, TWO)
    return O


def solve_44d8ac46(I):
    x1 = objects(I, T, F, F)
    x2 = colorfilter(x1, ZERO)
    x3 = rbind(bordering, I)
    x4 = compose(flip, x3)
    x5 = sfilter(x2, x4)
    x6 = sfilter(x5, square)
    x7 = merge(x6)
    O = fill(I, TWO, x7)
    return O


def solve_44f52bb0(I):
    x1 = lefthalf(I)
    x2 = righthalf(I)
    x3 = cellwise(x1, x2, SEVEN)
    x4 = replace(x3, ZERO, ONE)
    x5 = replace(x4, TWO, ONE)
    x6 = palette(x5)
    x7 = maximum(x6)
    O = canvas(x7, UNITY)
    return O


def solve_4612dd53(I):
    x1 = ofcolor(I, ONE)
    x2 = backdrop(x1)
    x3 = rbind(intersection, x2)
    x4 = compose(x3, hfrontier)
    x5 = apply(x4, x1)
    x6 = rbind(intersection, x1)
    x7 = compose(size, x6)
    x8 = compose(double, x7)
    x9 = fork(greater, x8, size)
    x10 = mfilter(x5, x9)
    x11 = compose(x3, vfrontier)
    x12 = apply(x11, x1)
    x13 = mfilter(x12, x9)
    x14 = combine(x10, x13)
    O = underfill(I, TWO, x14)
    return O


def solve_46442a0e(I):
    x1 = rot90(I)
    x2 = hconcat(I, x1)
    x3 = rot270(I)
    x4 = rot180(I)
    x5 = hconcat(x3, x4)
    O = vconcat(x2, x5)
    return O


def solve_46f33fce(I):
    x1 = shape(I)
    x2 = crop(I, UNITY, x1)
    x3 = downscale(x2, TWO)
    O = upscale(x3, FOUR)
    return O


def solve_47c1f68c(I):
    x1 = tophalf(I)
    x2 = lefthalf(x1)
    x3 = asindices(I)
    x4 = center(x3)
    x5 = index(I, x4)
    x6 = palette(x2)
    x7 = other(x6, ZERO)
    x8 = replace(x2, x7, x5)
    x9 = vmirror(x8)
    x10 = hconcat(x8, x9)
    x11 = hmirror(x10)
    O = vconcat(x10, x11)
    return O


def solve_48d8fb45(I):
    x1 = objects(I, T, T, T)
    x2 = colorfilter(x1, FIVE)
    x3 = first(x2)
    x4 = rbind(adjacent, x3)
    x5 = extract(x1, x4)
    O = subgrid(x5, I)
    return O


def solve_496994bd(I):
    x1 = tophalf(I)
    x2 = hmirror(x1)
    O = vconcat(x1, x2)
    return O


def solve_49d1d64f(I):
    x1 = asobject(I)
    x2 = shape(I)
    x3 = add(x2, TWO)
    x4 = canvas(ZERO, x3)
    x5 = shift(x1, DOWN)
    x6 = paint(x4, x5)
    x7 = add(ZERO_BY_TWO, DOWN)
    x8 = shift(x1, x7)
    x9 = paint(x6, x8)
    x10 = shift(x1, RIGHT)
    x11 = paint(x9, x10)
    x12 = add(TWO_BY_ZERO, RIGHT)
    x13 = shift(x1, x12)
    x14 = paint(x11, x13)
    x15 = shift(x1, UNITY)
    O = paint(x14, x15)
    return O


def solve_4be741c5(I):
    x1 = partition(I)
    x2 = portrait(I)
    x3 = branch(x2, uppermost, leftmost)
    x4 = order(x1, x3)
    x5 = apply(color, x4)
    x6 = repeat(x5, ONE)
    x7 = branch(x2, dmirror, identity)
    O = x7(x6)
    return O


def solve_4c4377d9(I):
    x1 = hmirror(I)
    O = vconcat(x1, I)
    return O


def solve_4c5c2cf0(I):
    x1 = objects(I, T, T, T)
    x2 = connect(ORIGIN, TWO_BY_TWO)
    x3 = connect(ZERO_BY_TWO, TWO_BY_ZERO)
    x4 = combine(x2, x3)
    x5 = compose(toindices, normalize)
    x6 = matcher(x5, x4)
    x7 = extract(x1, x6)
    x8 = remove(x7, x1)
    x9 = merge(x8)
    x10 = center(x7)
    x11 = double(x10)
    x12 = ulcorner(x9)
    x13 = lrcorner(x9)
    x14 = add(x12, x13)
    x15 = subtract(x11, x14)
    x16 = hmirror(x9)
    x17 = first(x15)
    x18 = toivec(x17)
    x19 = shift(x16, x18)
    x20 = vmirror(x9)
    x21 = last(x15)
    x22 = tojvec(x21)
    x23 = shift(x20, x22)
    x24 = vmirror(x16)
    x25 = shift(x24, x15)
    x26 = combine(x19, x23)
    x27 = combine(x26, x25)
    O = paint(I, x27)
    return O


def solve_50cb2852(I):
    x1 = objects(I, T, F, T)
    x2 = merge(x1)
    x3 = toindices(x2)
    x4 = apply(box, x1)
    x5 = merge(x4)
    x6 = difference(x3, x5)
    O = fill(I, EIGHT, x6)
    return O


def solve_5117e062(I):
    x1 = objects(I, F, T, T)
    x2 = rbind(colorcount, EIGHT)
    x3 = compose(positive, x2)
    x4 = extract(x1, x3)
    x5 = subgrid(x4, I)
    x6 = palette(x4)
    x7 = other(x6, EIGHT)
    O = replace(x5, EIGHT, x7)
    return O


def solve_5168d44c(I):
    x1 = objects(I, T, F, T)
    x2 = colorfilter(x1, TWO)
    x3 = first(x2)
    x4 = ofcolor(I, THREE)
    x5 = height(x4)
    x6 = equality(x5, ONE)
    x7 = branch(x6, ZERO_BY_TWO, TWO_BY_ZERO)
    x8 = cover(I, x3)
    x9 = shift(x3, x7)
    O = paint(x8, x9)
    return O


def solve_543a7ed5(I):
    x1 = objects(I, T, F, T)
    x2 = mapply(outbox, x1)
    x3 = fill(I, THREE, x2)
    x4 = mapply(delta, x1)
    O = fill(x3, FOUR, x4)
    return O


def solve_54d82841(I):
    x1 = objects(I, T, F, T)
    x2 = compose(last, center)
    x3 = apply(x2, x1)
    x4 = height(I)
    x5 = decrement(x4)
    x6 = lbind(astuple, x5)
    x7 = apply(x6, x3)
    O = fill(I, FOUR, x7)
    return O


def solve_54d9e175(I):
    x1 = objects(I, T, F, T)
    x2 = sizefilter(x1, ONE)
    x3 = rbind(add, FIVE)
    x4 = compose(x3, color)
    x5 = compose(backdrop, outbox)
    x6 = fork(recolor, x4, x5)
    x7 = mapply(x6, x2)
    O = paint(I, x7)
    return O


def solve_5521c0d9(I):
    x1 = objects(I, T, F, T)
    x2 = chain(toivec, invert, height)
    x3 = fork(shift, identity, x2)
    x4 = mapply(x3, x1)
    x5 = merge(x1)
    x6 = cover(I, x5)
    O = paint(x6, x4)
    return O


def solve_5582e5ca(I):
    x1 = mostcolor(I)
    O = canvas(x1, THREE_BY_THREE)
    return O


def solve_5614dbcf(I):
    x1 = replace(I, FIVE, ZERO)
    O = downscale(x1, THREE)
    return O


def solve_56ff96f3(I):
    x1 = palette(I)
    x2 = remove(ZERO, x1)
    x3 = lbind(ofcolor, I)
    x4 = compose(backdrop, x3)
    x5 = fork(recolor, identity, x4)
    x6 = apply(x5, x2)
    x7 = merge(x6)
    O = paint(I, x7)
    return O


def solve_5bd6f4ac(I):
    x1 = tojvec(SIX)
    O = crop(I, x1, THREE_BY_THREE)
    return O


def solve_5c0a986e(I):
    x1 = ofcolor(I, ONE)
    x2 = ulcorner(x1)
    x3 = shoot(x2, NEG_UNITY)
    x4 = fill(I, ONE, x3)
    x5 = ofcolor(I, TWO)
    x6 = lrcorner(x5)
    x7 = shoot(x6, UNITY)
    O = fill(x4, TWO, x7)
    return O


def solve_60b61512(I):
    x1 = objects(I, T, T, T)
    x2 = apply(backdrop, x1)
    x3 = merge(x2)
    O = underfill(I, SEVEN, x3)
    return O


def solve_6150a2bd(I):
    O = rot180(I)
    return O


def solve_623ea044(I):
    x1 = objects(I, T, F, T)
    x2 = first(x1)
    x3 = center(x2)
    x4 = shoot(x3, UNITY)
    x5 = shoot(x3, NEG_UNITY)
    x6 = shoot(x3, UP_RIGHT)
    x7 = shoot(x3, DOWN_LEFT)
    x8 = combine(x4, x5)
    x9 = combine(x6, x7)
    x10 = combine(x8, x9)
    x11 = color(x2)
    O = fill(I, x11, x10)
    return O


def solve_62c24649(I):
    x1 = dmirror(I)
    x2 = rot270(x1)
    x3 = vconcat(I, x2)
    x4 = rot180(x3)
    O = hconcat(x3, x4)
    return O


def solve_63613498(I):
    x1 = objects(I, T, F, T)
    x2 = crop(I, ORIGIN, THREE_BY_THREE)
    x3 = partition(x2)
    x4 = colorfilter(x3, ZERO)
    x5 = difference(x3, x4)
    x6 = first(x5)
    x7 = chain(toindices, normalize, toindices)
    x8 = x7(x6)
    x9 = remove(x6, x1)
    x10 = matcher(x7, x8)
    x11 = extract(x9, x10)
    O = fill(I, FIVE, x11)
    return O


def solve_6430c8c4(I):
    x1 = tophalf(I)
    x2 = bottomhalf(I)
    x3 = cellwise(x1, x2, ONE)
    x4 = ofcolor(x3, ZERO)
    x5 = shape(x1)
    x6 = canvas(ZERO, x5)
    O = fill(x6, THREE, x4)
    return O


def solve_6455b5f5(I):
    x1 = objects(I, T, F, F)
    x2 = colorfilter(x1, ZERO)
    x3 = argmax(x2, size)
    x4 = fill(I, ONE, x3)
    x5 = valmin(x2, size)
    x6 = sizefilter(x2, x5)
    x7 = merge(x6)
    O = fill(x4, EIGHT, x7)
    return O


def solve_662c240a(I):
    x1 = vsplit(I, THREE)
    x2 = apply(dmirror, x1)
    x3 = difference(x1, x2)
    O = first(x3)
    return O


def solve_67385a82(I):
    x1 = ofcolor(I, THREE)
    x2 = mapply(dneighbors, x1)
    x3 = intersection(x1, x2)
    O = fill(I, EIGHT, x3)
    return O


def solve_6773b310(I):
    x1 = vsplit(I, THREE)
    x2 = rbind(hsplit, THREE)
    x3 = rbind(colorcount, SIX)
    x4 = matcher(x3, TWO)
    x5 = rbind(add, ZERO)
    x6 = compose(x5, x4)
    x7 = lbind(apply, x6)
    x8 = compose(x7, x2)
    O = apply(x8, x1)
    return O


def solve_67a3c6ac(I):
    O = vmirror(I)
    return O


def solve_67a423a3(I):
    x1 = fgpartition(I)
    x2 = matcher(height, ONE)
    x3 = extract(x1, x2)
    x4 = uppermost(x3)
    x5 = matcher(width, ONE)
    x6 = extract(x1, x5)
    x7 = leftmost(x6)
    x8 = astuple(x4, x7)
    x9 = neighbors(x8)
    O = fill(I, FOUR, x9)
    return O


def solve_67e8384a(I):
    x1 = dmirror(I)
    x2 = rot90(x1)
    x3 = hconcat(I, x2)
    x4 = rot180(x3)
    O = vconcat(x3, x4)
    return O


def solve_68b16354(I):
    O = hmirror(I)
    return O


def solve_694f12f3(I):
    x1 = objects(I, T, F, F)
    x2 = colorfilter(x1, FOUR)
    x3 = argmax(x2, size)
    x4 = argmin(x2, size)
    x5 = compose(backdrop, inbox)
    x6 = x5(x3)
    x7 = fill(I, TWO, x6)
    x8 = x5(x4)
    O = fill(x7, ONE, x8)
    return O


def solve_6b9890af(I):
    x1 = objects(I, T, T, T)
    x2 = argmax(x1, size)
    x3 = argmin(x1, size)
    x4 = subgrid(x2, I)
    x5 = subgrid(x3, I)
    x6 = width(x4)
    x7 = subtract(x6, TWO)
    x8 = width(x5)
    x9 = divide(x7, x8)
    x10 = upscale(x5, x9)
    x11 = asobject(x10)
    x12 = shift(x11, UNITY)
    O = paint(x4, x12)
    return O


def solve_6c434453(I):
    x1 = objects(I, T, F, T)
    x2 = sizefilter(x1, EIGHT)
    x3 = compose(dneighbors, center)
    x4 = fork(insert, center, x3)
    x5 = mapply(x4, x2)
    x6 = merge(x2)
    x7 = cover(I, x6)
    O = fill(x7, TWO, x5)
    return O


def solve_6cdd2623(I):
    x1 = leastcolor(I)
    x2 = ofcolor(I, x1)
    x3 = matcher(last, ZERO)
    x4 = sfilter(x2, x3)
    x5 = mapply(hfrontier, x4)
    x6 = matcher(first, ZERO)
    x7 = sfilter(x2, x6)
    x8 = mapply(vfrontier, x7)
    x9 = combine(x5, x8)
    x10 = shape(I)
    x11 = canvas(ZERO, x10)
    O = fill(x11, x1, x9)
    return O


def solve_6d0160f0(I):
    x1 = ofcolor(I, FOUR)
    x2 = first(x1)
    x3 = divide(x2, FOUR)
    x4 = multiply(x3, FOUR)
    x5 = subtract(x2, x4)
    x6 = multiply(x5, FOUR)
    x7 = crop(I, x4, THREE_BY_THREE)
    x8 = asobject(x7)
    x9 = shift(x8, x6)
    x10 = ofcolor(I, FIVE)
    x11 = asindices(I)
    x12 = difference(x11, x10)
    x13 = fill(I, ZERO, x12)
    O = paint(x13, x9)
    return O


def solve_6d0aefbc(I):
    x1 = vmirror(I)
    O = hconcat(I, x1)
    return O


def solve_6d75e8bb(I):
    x1 = objects(I, T, T, T)
    x2 = first(x1)
    x3 = delta(x2)
    O = fill(I, TWO, x3)
    return O


def solve_6e02f1e3(I):
    x1 = numcolors(I)
    x2 = equality(x1, ONE)
    x3 = equality(x1, TWO)
    x4 = branch(x3, TWO_BY_TWO, TWO_BY_ZERO)
    x5 = branch(x2, ZERO_BY_TWO, x4)
    x6 = equality(x1, THREE)
    x7 = branch(x6, ZERO_BY_TWO, ORIGIN)
    x8 = connect(x7, x5)
    x9 = canvas(ZERO, THREE_BY_THREE)
    O = fill(x9, FIVE, x8)
    return O


def solve_6e19193c(I):
    x1 = objects(I, T, F, T)
    x2 = compose(ulcorner, delta)
    x3 = fork(subtract, x2, ulcorner)
    x4 = compose(double, x3)
    x5 = compose(decrement, x4)
    x6 = fork(add, x2, x5)
    x7 = fork(shoot, x6, x5)
    x8 = fork(recolor, color, x7)
    x9 = mapply(x8, x1)
    O = paint(I, x9)
    return O


def solve_6e82a1ae(I):
    x1 = objects(I, T, F, T)
    x2 = sizefilter(x1, FOUR)
    x3 = merge(x2)
    x4 = fill(I, ONE, x3)
    x5 = sizefilter(x1, THREE)
    x6 = merge(x5)
    x7 = fill(x4, TWO, x6)
    x8 = sizefilter(x1, TWO)
    x9 = merge(x8)
    O = fill(x7, THREE, x9)
    return O


def solve_6f8cd79b(I):
    x1 = asindices(I)
    x2 = box(x1)
    O = fill(I, EIGHT, x2)
    return O


def solve_6fa7a44f(I):
    x1 = hmirror(I)
    O = vconcat(I, x1)
    return O


def solve_72ca375d(I):
    x1 = objects(I, T, T, T)
    x2 = fork(equality, identity, vmirror)
    x3 = extract(x1, x2)
    O = subgrid(x3, I)
    return O


def solve_7468f01a(I):
    x1 = compress(I)
    O = vmirror(x1)
    return O


def solve_746b3537(I):
    x1 = repeat(ZERO, ONE)
    x2 = fork(equality, first, last)
    x3 = compose(flip, x2)
    x4 = combine(x1, I)
    x5 = pair(I, x4)
    x6 = sfilter(x5, x3)
    x7 = apply(first, x6)
    x8 = dmirror(x7)
    x9 = combine(x1, x8)
    x10 = pair(x8, x9)
    x11 = sfilter(x10, x3)
    x12 = apply(first, x11)
    O = dmirror(x12)
    return O


def solve_74dd1130(I):
    O = dmirror(I)
    return O


def solve_75b8110e(I):
    x1 = tophalf(I)
    x2 = bottomhalf(I)
    x3 = lefthalf(x1)
    x4 = righthalf(x1)
    x5 = lefthalf(x2)
    x6 = righthalf(x2)
    x7 = rbind(ofcolor, ZERO)
    x8 = fork(toobject, x7, identity)
    x9 = fork(difference, asobject, x8)
    x10 = x9(x6)
    x11 = paint(x3, x10)
    x12 = x9(x5)
    x13 = paint(x11, x12)
    x14 = x9(x4)
    O = paint(x13, x14)
    return O


def solve_760b3cac(I):
    x1 = ofcolor(I, EIGHT)
    x2 = toobject(x1, I)
    x3 = vmirror(x2)
    x4 = ofcolor(I, FOUR)
    x5 = argmin(x4, first)
    x6 = last(x5)
    x7 = center(x4)
    x8 = last(x7)
    x9 = greater(x6, x8)
    x10 = invert(THREE)
    x11 = branch(x9, THREE, x10)
    x12 = tojvec(x11)
    x13 = shift(x3, x12)
    O = paint(I, x13)
    return O


def solve_77fdfe62(I):
    x1 = trim(I)
    x2 = trim(x1)
    x3 = tophalf(x2)
    x4 = bottomhalf(x2)
    x5 = index(I, ORIGIN)
    x6 = lefthalf(x3)
    x7 = replace(x6, EIGHT, x5)
    x8 = asindices(I)
    x9 = urcorner(x8)
    x10 = index(I, x9)
    x11 = righthalf(x3)
    x12 = replace(x11, EIGHT, x10)
    x13 = llcorner(x8)
    x14 = index(I, x13)
    x15 = lefthalf(x4)
    x16 = replace(x15, EIGHT, x14)
    x17 = lrcorner(x8)
    x18 = index(I, x17)
    x19 = righthalf(x4)
    x20 = replace(x19, EIGHT, x18)
    x21 = hconcat(x7, x12)
    x22 = hconcat(x16, x20)
    O = vconcat(x21, x22)
    return O


def solve_780d0b14(I):
    x1 = frontiers(I)
    x2 = colorfilter(x1, ZERO)
    x3 = sfilter(x2, hline)
    x4 = sfilter(x2, vline)
    x5 = apply(uppermost, x3)
    x6 = apply(leftmost, x4)
    x7 = lbind(lbind, greater)
    x8 = lbind(sfilter, x5)
    x9 = chain(size, x8, x7)
    x10 = compose(x9, uppermost)
    x11 = lbind(sfilter, x6)
    x12 = chain(size, x11, x7)
    x13 = compose(x12, leftmost)
    x14 = fork(astuple, x10, x13)
    x15 = fork(astuple, color, x14)
    x16 = objects(I, T, T, F)
    x17 = colorfilter(x16, ZERO)
    x18 = difference(x16, x17)
    x19 = apply(x15, x18)
    x20 = size(x5)
    x21 = increment(x20)
    x22 = size(x6)
    x23 = increment(x22)
    x24 = astuple(x21, x23)
    x25 = canvas(ZERO, x24)
    O = paint(x25, x19)
    return O


def solve_794b24be(I):
    x1 = colorcount(I, ONE)
    x2 = decrement(x1)
    x3 = tojvec(x2)
    x4 = connect(ORIGIN, x3)
    x5 = equality(x1, FOUR)
    x6 = branch(x5, UNITY, ORIGIN)
    x7 = insert(x6, x4)
    x8 = canvas(ZERO, THREE_BY_THREE)
    O = fill(x8, TWO, x7)
    return O


def solve_7b6016b9(I):
    x1 = objects(I, T, F, F)
    x2 = colorfilter(x1, ZERO)
    x3 = rbind(bordering, I)
    x4 = compose(flip, x3)
    x5 = mfilter(x2, x4)
    x6 = fill(I, TWO, x5)
    O = replace(x6, ZERO, THREE)
    return O


def solve_7b7f7511(I):
    x1 = lefthalf(I)
    x2 = righthalf(I)
    x3 = equality(x1, x2)
    x4 = tophalf(I)
    O = branch(x3, x1, x4)
    return O


def solve_7c008303(I):
    x1 = ofcolor(I, THREE)
    x2 = subgrid(x1, I)
    x3 = asindices(I)
    x4 = ofcolor(I, ZERO)
    x5 = ofcolor(I, EIGHT)
    x6 = difference(x3, x4)
    x7 = difference(x6, x5)
    x8 = difference(x7, x1)
    x9 = subgrid(x8, I)
    x10 = upscale(x9, THREE)
    x11 = ofcolor(x2, ZERO)
    O = fill(x10, ZERO, x11)
    return O


def solve_7ddcd7ec(I):
    x1 = objects(I, T, F, T)
    x2 = argmax(x1, size)
    x3 = remove(x2, x1)
    x4 = lbind(position, x2)
    x5 = fork(shoot, center, x4)
    x6 = mapply(x5, x3)
    x7 = color(x2)
    O = fill(I, x7, x6)
    return O


def solve_7e0986d6(I):
    x1 = leastcolor(I)
    x2 = ofcolor(I, x1)
    x3 = palette(I)
    x4 = remove(ZERO, x3)
    x5 = other(x4, x1)
    x6 = ofcolor(I, x5)
    x7 = rbind(intersection, x6)
    x8 = chain(size, x7, dneighbors)
    x9 = rbind(greater, ONE)
    x10 = compose(x9, x8)
    x11 = sfilter(x2, x10)
    x12 = fill(I, ZERO, x2)
    O = fill(x12, x5, x11)
    return O


def solve_7f4411dc(I):
    x1 = palette(I)
    x2 = other(x1, ZERO)
    x3 = ofcolor(I, x2)
    x4 = rbind(intersection, x3)
    x5 = chain(size, x4, dneighbors)
    x6 = rbind(greater, ONE)
    x7 = compose(x6, x5)
    x8 = sfilter(x3, x7)
    x9 = shape(I)
    x10 = canvas(ZERO, x9)
    O = fill(x10, x2, x8)
    return O


def solve_7fe24cdd(I):
    x1 = rot90(I)
    x2 = hconcat(I, x1)
    x3 = rot270(I)
    x4 = rot180(I)
    x5 = hconcat(x3, x4)
    O = vconcat(x2, x5)
    return O


def solve_80af3007(I):
    x1 = objects(I, T, T, T)
    x2 = merge(x1)
    x3 = subgrid(x2, I)
    x4 = downscale(x3, THREE)
    x5 = upscale(x4, THREE)
    x6 = hconcat(x4, x4)
    x7 = hconcat(x6, x4)
    x8 = vconcat(x7, x7)
    x9 = vconcat(x8, x7)
    O = cellwise(x9, x5, ZERO)
    return O


def solve_810b9b61(I):
    x1 = objects(I, T, T, T)
    x2 = fork(equality, toindices, box)
    x3 = compose(size, delta)
    x4 = compose(positive, x3)
    x5 = fork(both, x2, x4)
    x6 = mfilter(x1, x5)
    O = fill(I, THREE, x6)
    return O


def solve_83302e8f(I):
    x1 = objects(I, T, F, F)
    x2 = compose(size, backdrop)
    x3 = fork(equality, size, x2)
    x4 = mfilter(x1, x3)
    x5 = underfill(I, THREE, x4)
    O = replace(x5, ZERO, FOUR)
    return O


def solve_834ec97d(I):
    x1 = asindices(I)
    x2 = ofcolor(I, ZERO)
    x3 = difference(x1, x2)
    x4 = first(x3)
    x5 = index(I, x4)
    x6 = last(x4)
    x7 = first(x4)
    x8 = halve(x6)
    x9 = double(x8)
    x10 = subtract(x6, x9)
    x11 = width(I)
    x12 = interval(x10, x11, TWO)
    x13 = initset(ZERO)
    x14 = product(x13, x12)
    x15 = mapply(vfrontier, x14)
    x16 = decrement(x11)
    x17 = astuple(x7, x16)
    x18 = initset(ORIGIN)
    x19 = insert(x17, x18)
    x20 = backdrop(x19)
    x21 = intersection(x15, x20)
    x22 = fill(I, FOUR, x21)
    x23 = add(x4, DOWN)
    x24 = initset(x23)
    O = fill(x22, x5, x24)
    return O


def solve_8403a5d5(I):
    x1 = asindices(I)
    x2 = ofcolor(I, ZERO)
    x3 = difference(x1, x2)
    x4 = first(x3)
    x5 = index(I, x4)
    x6 = last(x4)
    x7 = width(I)
    x8 = interval(x6, x7, TWO)
    x9 = initset(ZERO)
    x10 = product(x9, x8)
    x11 = mapply(vfrontier, x10)
    x12 = fill(I, x5, x11)
    x13 = increment(x6)
    x14 = interval(x13, x7, FOUR)
    x15 = product(x9, x14)
    x16 = fill(x12, FIVE, x15)
    x17 = add(x6, THREE)
    x18 = interval(x17, x7, FOUR)
    x19 = height(I)
    x20 = decrement(x19)
    x21 = initset(x20)
    x22 = product(x21, x18)
    O = fill(x16, FIVE, x22)
    return O


def solve_855e0971(I):
    x1 = partition(I)
    x2 = colorfilter(x1, ZERO)
    x3 = difference(x1, x2)
    x4 = ofcolor(I, ZERO)
    x5 = width(I)
    x6 = matcher(width, x5)
    x7 = sfilter(x3, x6)
    x8 = difference(x3, x7)
    x9 = rbind(intersection, x4)
    x10 = compose(x9, backdrop)
    x11 = lbind(mapply, vfrontier)
    x12 = compose(x11, x10)
    x13 = fork(intersection, x12, backdrop)
    x14 = mapply(x13, x7)
    x15 = lbind(mapply, hfrontier)
    x16 = compose(x15, x10)
    x17 = fork(intersection, x16, backdrop)
    x18 = mapply(x17, x8)
    x19 = combine(x14, x18)
    O = fill(I, ZERO, x19)
    return O


def solve_868de0fa(I):
    x1 = objects(I, T, F, T)
    x2 = compose(even, width)
    x3 = sfilter(x1, x2)
    x4 = difference(x1, x3)
    x5 = mapply(delta, x3)
    x6 = fill(I, TWO, x5)
    x7 = mapply(delta, x4)
    O = fill(x6, SEVEN, x7)
    return O


def solve_88a10436(I):
    x1 = objects(I, F, T, T)
    x2 = argmax(x1, size)
    x3 = argmin(x1, size)
    x4 = normalize(x2)
    x5 = shape(x2)
    x6 = halve(x5)
    x7 = center(x3)
    x8 = subtract(x7, x6)
    x9 = shift(x4, x8)
    O = paint(I, x9)
    return O


def solve_88a62173(I):
    x1 = tophalf(I)
    x2 = bottomhalf(I)
    x3 = lefthalf(x1)
    x4 = righthalf(x1)
    x5 = lefthalf(x2)
    x6 = righthalf(x2)
    x7 = astuple(x3, x4)
    x8 = astuple(x5, x6)
    x9 = combine(x7, x8)
    O = leastcommon(x9)
    return O


def solve_8be77c9e(I):
    x1 = hmirror(I)
    O = vconcat(I, x1)
    return O


def solve_8d5021e8(I):
    x1 = dmirror(I)
    x2 = rot90(x1)
    x3 = hconcat(x2, I)
    x4 = rot180(x3)
    x5 = vconcat(x4, x3)
    O = vconcat(x5, x4)
    return O


def solve_8d510a79(I):
    x1 = objects(I, T, F, T)
    x2 = colorfilter(x1, TWO)
    x3 = ofcolor(I, FIVE)
    x4 = rbind(gravitate, x3)
    x5 = fork(add, center, x4)
    x6 = fork(connect, center, x5)
    x7 = mapply(x6, x2)
    x8 = fill(I, TWO, x7)
    x9 = colorfilter(x1, ONE)
    x10 = chain(invert, sign, x4)
    x11 = fork(shoot, center, x10)
    x12 = mapply(x11, x9)
    O = fill(x8, ONE, x12)
    return O


def solve_8e5a5113(I):
    x1 = hsplit(I, THREE)
    x2 = first(x1)
    x3 = rot90(x2)
    x4 = asobject(x3)
    x5 = tojvec(FOUR)
    x6 = shift(x4, x5)
    x7 = paint(I, x6)
    x8 = rot180(x2)
    x9 = asobject(x8)
    x10 = tojvec(EIGHT)
    x11 = shift(x9, x10)
    O = paint(x7, x11)
    return O


def solve_8eb1be9a(I):
    x1 = objects(I, F, T, T)
    x2 = merge(x1)
    x3 = height(x2)
    x4 = multiply(x3, TEN)
    x5 = invert(x4)
    x6 = interval(x5, x4, x3)
    x7 = initset(ZERO)
    x8 = product(x6, x7)
    x9 = lbind(shift, x2)
    x10 = mapply(x9, x8)
    O = paint(I, x10)
    return O


def solve_8efcae92(I):
    x1 = asindices(I)
    x2 = ofcolor(I, ZERO)
    x3 = difference(x1, x2)
    x4 = multiply(THREE, TEN)
    x5 = astuple(x4, x4)
    x6 = canvas(ZERO, x5)
    x7 = fill(x6, ONE, x3)
    x8 = objects(x7, T, F, T)
    x9 = rbind(subgrid, I)
    x10 = rbind(colorcount, TWO)
    x11 = compose(x10, x9)
    x12 = argmax(x8, x11)
    O = subgrid(x12, I)
    return O


def solve_8f2ea7aa(I):
    x1 = objects(I, T, T, T)
    x2 = first(x1)
    x3 = ulcorner(x2)
    x4 = divide(x3, THREE)
    x5 = multiply(x4, THREE)
    x6 = crop(I, x5, THREE_BY_THREE)
    x7 = upscale(x6, THREE)
    x8 = hconcat(x6, x6)
    x9 = hconcat(x8, x6)
    x10 = vconcat(x9, x9)
    x11 = vconcat(x10, x9)
    O = cellwise(x11, x7, ZERO)
    return O


def solve_90c28cc7(I):
    x1 = compress(I)
    x2 = dedupe(x1)
    x3 = dmirror(x2)
    x4 = dedupe(x3)
    O = dmirror(x4)
    return O


def solve_913fb3ed(I):
    x1 = ofcolor(I, THREE)
    x2 = mapply(neighbors, x1)
    x3 = fill(I, SIX, x2)
    x4 = ofcolor(I, EIGHT)
    x5 = mapply(neighbors, x4)
    x6 = fill(x3, FOUR, x5)
    x7 = ofcolor(I, TWO)
    x8 = mapply(neighbors, x7)
    O = fill(x6, ONE, x8)
    return O


def solve_91413438(I):
    x1 = asobject(I)
    x2 = colorcount(I, ZERO)
    x3 = subtract(NINE, x2)
    x4 = multiply(x2, THREE)
    x5 = astuple(x4, x4)
    x6 = canvas(ZERO, x5)
    x7 = interval(ZERO, x3, ONE)
    x8 = rbind(divide, x2)
    x9 = rbind(multiply, x2)
    x10 = compose(x9, x8)
    x11 = fork(subtract, identity, x10)
    x12 = rbind(multiply, THREE)
    x13 = compose(x12, x8)
    x14 = compose(x12, x11)
    x15 = fork(astuple, x13, x14)
    x16 = apply(x15, x7)
    x17 = initset(ORIGIN)
    x18 = combine(x17, x16)
    x19 = lbind(shift, x1)
    x20 = mapply(x19, x18)
    O = paint(x6, x20)
    return O


def solve_91714a58(I):
    x1 = objects(I, T, F, T)
    x2 = argmax(x1, size)
    x3 = toindices(x2)
    x4 = rbind(intersection, x3)
    x5 = chain(size, x4, dneighbors)
    x6 = rbind(greater, ONE)
    x7 = compose(x6, x5)
    x8 = sfilter(x3, x7)
    x9 = color(x2)
    x10 = shape(I)
    x11 = canvas(ZERO, x10)
    O = fill(x11, x9, x8)
    return O


def solve_9172f3a0(I):
    O = upscale(I, THREE)
    return O


def solve_928ad970(I):
    x1 = ofcolor(I, FIVE)
    x2 = inbox(x1)
    x3 = palette(I)
    x4 = remove(ZERO, x3)
    x5 = other(x4, FIVE)
    O = fill(I, x5, x2)
    return O


def solve_93b581b8(I):
    x1 = objects(I, F, F, T)
    x2 = first(x1)
    x3 = toindices(x2)
    x4 = astuple(NEG_TWO, NEG_TWO)
    x5 = shift(x3, x4)
    x6 = lrcorner(x2)
    x7 = index(I, x6)
    x8 = fill(I, x7, x5)
    x9 = astuple(NEG_TWO, TWO)
    x10 = shift(x3, x9)
    x11 = llcorner(x2)
    x12 = index(I, x11)
    x13 = fill(x8, x12, x10)
    x14 = astuple(TWO, NEG_TWO)
    x15 = shift(x3, x14)
    x16 = urcorner(x2)
    x17 = index(I, x16)
    x18 = fill(x13, x17, x15)
    x19 = shift(x3, TWO_BY_TWO)
    x20 = ulcorner(x2)
    x21 = index(I, x20)
    O = fill(x18, x21, x19)
    return O


def solve_941d9a10(I):
    x1 = objects(I, T, F, F)
    x2 = colorfilter(x1, ZERO)
    x3 = argmin(x2, ulcorner)
    x4 = fill(I, ONE, x3)
    x5 = shape(I)
    x6 = halve(x5)
    x7 = lbind(contained, x6)
    x8 = compose(x7, toindices)
    x9 = extract(x2, x8)
    x10 = fill(x4, TWO, x9)
    x11 = argmax(x2, lrcorner)
    O = fill(x10, THREE, x11)
    return O


def solve_94f9d214(I):
    x1 = tophalf(I)
    x2 = bottomhalf(I)
    x3 = cellwise(x1, x2, ONE)
    x4 = ofcolor(x3, ZERO)
    x5 = shape(x1)
    x6 = canvas(ZERO, x5)
    O = fill(x6, TWO, x4)
    return O


def solve_952a094c(I):
    x1 = objects(I, T, F, T)
    x2 = argmax(x1, size)
    x3 = inbox(x2)
    x4 = outbox(x2)
    x5 = corners(x3)
    x6 = fill(I, ZERO, x5)
    x7 = ulcorner(x4)
    x8 = lrcorner(x3)
    x9 = index(I, x8)
    x10 = initset(x7)
    x11 = fill(x6, x9, x10)
    x12 = urcorner(x4)
    x13 = llcorner(x3)
    x14 = index(I, x13)
    x15 = initset(x12)
    x16 = fill(x11, x14, x15)
    x17 = llcorner(x4)
    x18 = urcorner(x3)
    x19 = index(I, x18)
    x20 = initset(x17)
    x21 = fill(x16, x19, x20)
    x22 = lrcorner(x4)
    x23 = ulcorner(x3)
    x24 = index(I, x23)
    x25 = initset(x22)
    O = fill(x21, x24, x25)
    return O


def solve_9565186b(I):
    x1 = mostcolor(I)
    x2 = ofcolor(I, x1)
    x3 = asindices(I)
    x4 = difference(x3, x2)
    O = fill(I, FIVE, x4)
    return O


def solve_95990924(I):
    x1 = objects(I, T, F, T)
    x2 = apply(ulcorner, x1)
    x3 = shift(x2, NEG_UNITY)
    x4 = fill(I, ONE, x3)
    x5 = apply(urcorner, x1)
    x6 = shift(x5, UP_RIGHT)
    x7 = fill(x4, TWO, x6)
    x8 = apply(llcorner, x1)
    x9 = shift(x8, DOWN_LEFT)
    x10 = fill(x7, THREE, x9)
    x11 = apply(lrcorner, x1)
    x12 = shift(x11, UNITY)
    O = fill(x10, FOUR, x12)
    return O


def solve_963e52fc(I):
    x1 = asobject(I)
    x2 = hperiod(x1)
    x3 = width(I)
    x4 = divide(x3, x2)
    x5 = multiply(x4, x2)
    x6 = tojvec(x5)
    x7 = shift(x1, x6)
    x8 = double(x6)
    x9 = shift(x1, x8)
    x10 = combine(x7, x9)
    x11 = double(x3)
    x12 = height(I)
    x13 = astuple(x12, x11)
    x14 = canvas(ZERO, x13)
    x15 = paint(x14, x1)
    O = paint(x15, x10)
    return O


def solve_97999447(I):
    x1 = objects(I, T, F, T)
    x2 = rbind(shoot, RIGHT)
    x3 = compose(x2, center)
    x4 = compose(even, last)
    x5 = rbind(sfilter, x4)
    x6 = chain(x5, normalize, x3)
    x7 = fork(shift, x6, center)
    x8 = fork(recolor, color, x7)
    x9 = mapply(x8, x1)
    x10 = mapply(x3, x1)
    x11 = fill(I, FIVE, x10)
    O = paint(x11, x9)
    return O


def solve_995c5fa3(I):
    x1 = hsplit(I, THREE)
    x2 = rbind(index, DOWN)
    x3 = compose(flip, x2)
    x4 = rbind(index, UNITY)
    x5 = compose(flip, x4)
    x6 = rbind(multiply, SIX)
    x7 = compose(x6, x5)
    x8 = astuple(THREE, ONE)
    x9 = rbind(index, x8)
    x10 = compose(flip, x9)
    x11 = compose(double, x10)
    x12 = fork(add, x3, x7)
    x13 = fork(add, x12, x11)
    x14 = rbind(add, TWO)
    x15 = compose(x14, x13)
    x16 = apply(x15, x1)
    x17 = rbind(repeat, THREE)
    O = apply(x17, x16)
    return O


def solve_99b1bc43(I):
    x1 = vsplit(I, TWO)
    x2 = first(x1)
    x3 = last(x1)
    x4 = replace(x2, ONE, THREE)
    x5 = replace(x3, TWO, THREE)
    x6 = cellwise(x4, x5, NINE)
    x7 = replace(x6, THREE, ZERO)
    O = replace(x7, NINE, THREE)
    return O


def solve_9af7a82c(I):
    x1 = partition(I)
    x2 = compose(invert, size)
    x3 = order(x1, x2)
    x4 = valmax(x1, size)
    x5 = fork(repeat, color, size)
    x6 = lbind(subtract, x4)
    x7 = compose(x6, size)
    x8 = lbind(repeat, ZERO)
    x9 = compose(x8, x7)
    x10 = fork(combine, x5, x9)
    x11 = apply(x10, x3)
    O = dmirror(x11)
    return O


def solve_9dfd6313(I):
    O = dmirror(I)
    return O


def solve_9ecd008a(I):
    x1 = ofcolor(I, ZERO)
    x2 = ulcorner(x1)
    x3 = shape(x1)
    x4 = rot180(I)
    O = crop(x4, x2, x3)
    return O


def solve_9edfc990(I):
    x1 = replace(I, ONE, ZERO)
    x2 = objects(x1, T, F, F)
    x3 = rbind(toobject, I)
    x4 = lbind(contained, ONE)
    x5 = chain(x4, palette, x3)
    x6 = sfilter(x2, x5)
    x7 = merge(x6)
    O = fill(I, ONE, x7)
    return O


def solve_9f236235(I):
    x1 = objects(I, T, F, F)
    x2 = sfilter(x1, square)
    x3 = first(x2)
    x4 = height(x3)
    x5 = increment(x4)
    x6 = rbind(divide, x5)
    x7 = compose(x6, ulcorner)
    x8 = fork(astuple, color, x7)
    x9 = apply(x8, x2)
    x10 = height(I)
    x11 = increment(x10)
    x12 = divide(x11, x5)
    x13 = astuple(x12, x12)
    x14 = canvas(ZERO, x13)
    x15 = paint(x14, x9)
    O = vmirror(x15)
    return O


def solve_a1570a43(I):
    x1 = ofcolor(I, THREE)
    x2 = ulcorner(x1)
    x3 = increment(x2)
    x4 = objects(I, T, T, T)
    x5 = colorfilter(x4, TWO)
    x6 = first(x5)
    x7 = ulcorner(x6)
    x8 = subtract(x3, x7)
    O = move(I, x6, x8)
    return O


def solve_a2fd1cf0(I):
    x1 = ofcolor(I, TWO)
    x2 = first(x1)
    x3 = ofcolor(I, THREE)
    x4 = first(x3)
    x5 = first(x2)
    x6 = last(x4)
    x7 = astuple(x5, x6)
    x8 = connect(x2, x7)
    x9 = connect(x7, x4)
    x10 = combine(x8, x9)
    O = underfill(I, EIGHT, x10)
    return O


def solve_a3325580(I):
    x1 = fgpartition(I)
    x2 = apply(size, x1)
    x3 = maximum(x2)
    x4 = matcher(size, x3)
    x5 = sfilter(x1, x4)
    x6 = order(x5, leftmost)
    x7 = apply(color, x6)
    x8 = rbind(repeat, x3)
    x9 = apply(x8, x7)
    O = dmirror(x9)
    return O


def solve_a3df8b1e(I):
    x1 = shape(I)
    x2 = width(I)
    x3 = decrement(x2)
    x4 = astuple(x3, x3)
    x5 = connect(ORIGIN, x4)
    x6 = double(x3)
    x7 = toivec(x6)
    x8 = connect(x4, x7)
    x9 = combine(x5, x8)
    x10 = multiply(THREE, TEN)
    x11 = interval(ZERO, x10, x6)
    x12 = initset(ZERO)
    x13 = product(x11, x12)
    x14 = lbind(shift, x9)
    x15 = mapply(x14, x13)
    x16 = canvas(ZERO, x1)
    x17 = fill(x16, ONE, x15)
    O = hmirror(x17)
    return O


def solve_a416b8f3(I):
    O = hconcat(I, I)
    return O


def solve_a48eeaf7(I):
    x1 = objects(I, T, F, T)
    x2 = colorfilter(x1, TWO)
    x3 = first(x2)
    x4 = outbox(x3)
    x5 = apply(initset, x4)
    x6 = colorfilter(x1, FIVE)
    x7 = lbind(lbind, manhattan)
    x8 = lbind(argmin, x5)
    x9 = compose(x8, x7)
    x10 = mapply(x9, x6)
    x11 = merge(x6)
    x12 = cover(I, x11)
    O = fill(x12, FIVE, x10)
    return O


def solve_a5313dff(I):
    x1 = replace(I, ZERO, ONE)
    x2 = objects(x1, T, F, F)
    x3 = rbind(bordering, x1)
    x4 = sfilter(x2, x3)
    x5 = merge(x4)
    x6 = toobject(x5, I)
    O = paint(x1, x6)
    return O


def solve_a5f85a15(I):
    x1 = objects(I, T, T, T)
    x2 = compose(even, first)
    x3 = compose(flip, x2)
    x4 = rbind(sfilter, x3)
    x5 = chain(x4, toindices, normalize)
    x6 = fork(shift, x5, ulcorner)
    x7 = mapply(x6, x1)
    O = fill(I, FOUR, x7)
    return O


def solve_a61ba2ce(I):
    x1 = objects(I, T, F, T)
    x2 = compose(ulcorner, delta)
    x3 = fork(subtract, x2, ulcorner)
    x4 = compose(double, x3)
    x5 = lbind(subtract, TWO_BY_TWO)
    x6 = compose(x5, x4)
    x7 = fork(shift, normalize, x6)
    x8 = mapply(x7, x1)
    x9 = double(TWO_BY_TWO)
    x10 = canvas(ZERO, x9)
    O = paint(x10, x8)
    return O


def solve_a61f2674(I):
    x1 = objects(I, T, F, T)
    x2 = argmax(x1, size)
    x3 = argmin(x1, size)
    x4 = shape(I)
    x5 = canvas(ZERO, x4)
    x6 = fill(x5, ONE, x2)
    O = fill(x6, TWO, x3)
    return O


def solve_a65b410d(I):
    x1 = ofcolor(I, TWO)
    x2 = urcorner(x1)
    x3 = shoot(x2, UP_RIGHT)
    x4 = rbind(shoot, LEFT)
    x5 = mapply(x4, x3)
    x6 = fill(I, THREE, x5)
    x7 = shoot(x2, DOWN_LEFT)
    x8 = mapply(x4, x7)
    x9 = fill(x6, ONE, x8)
    O = fill(x9, TWO, x1)
    return O


def solve_a68b268e(I):
    x1 = tophalf(I)
    x2 = bottomhalf(I)
    x3 = lefthalf(x1)
    x4 = righthalf(x1)
    x5 = lefthalf(x2)
    x6 = righthalf(x2)
    x7 = rbind(ofcolor, ZERO)
    x8 = fork(toobject, x7, identity)
    x9 = fork(difference, asobject, x8)
    x10 = x9(x5)
    x11 = paint(x6, x10)
    x12 = x9(x4)
    x13 = paint(x11, x12)
    x14 = x9(x3)
    O = paint(x13, x14)
    return O


def solve_a699fb00(I):
    x1 = ofcolor(I, ONE)
    x2 = prapply(connect, x1, x1)
    x3 = sizefilter(x2, THREE)
    x4 = sfilter(x3, hline)
    x5 = merge(x4)
    O = underfill(I, TWO, x5)
    return O


def solve_a740d043(I):
    x1 = replace(I, ONE, ZERO)
    x2 = asindices(x1)
    x3 = ofcolor(x1, ZERO)
    x4 = difference(x2, x3)
    O = subgrid(x4, x1)
    return O


def solve_a78176bb(I):
    x1 = objects(I, T, F, T)
    x2 = colorfilter(x1, FIVE)
    x3 = fork(contained, llcorner, toindices)
    x4 = sfilter(x2, x3)
    x5 = difference(x2, x4)
    x6 = rbind(shoot, UNITY)
    x7 = rbind(shoot, NEG_UNITY)
    x8 = fork(combine, x6, x7)
    x9 = rbind(add, DOWN_LEFT)
    x10 = chain(x8, x9, llcorner)
    x11 = mapply(x10, x4)
    x12 = rbind(add, UP_RIGHT)
    x13 = chain(x8, x12, urcorner)
    x14 = mapply(x13, x5)
    x15 = combine(x11, x14)
    x16 = palette(I)
    x17 = remove(ZERO, x16)
    x18 = other(x17, FIVE)
    x19 = replace(I, FIVE, ZERO)
    O = fill(x19, x18, x15)
    return O


def solve_a79310a0(I):
    x1 = ofcolor(I, EIGHT)
    x2 = shift(x1, DOWN)
    x3 = shape(I)
    x4 = canvas(ZERO, x3)
    O = fill(x4, TWO, x2)
    return O


def solve_a85d4709(I):
    x1 = ofcolor(I, FIVE)
    x2 = shape(I)
    x3 = canvas(ZERO, x2)
    x4 = matcher(last, ZERO)
    x5 = sfilter(x1, x4)
    x6 = mapply(hfrontier, x5)
    x7 = fill(x3, TWO, x6)
    x8 = matcher(last, ONE)
    x9 = sfilter(x1, x8)
    x10 = mapply(hfrontier, x9)
    x11 = fill(x7, FOUR, x10)
    x12 = matcher(last, TWO)
    x13 = sfilter(x1, x12)
    x14 = mapply(hfrontier, x13)
    O = fill(x11, THREE, x14)
    return O


def solve_a87f7484(I):
    x1 = height(I)
    x2 = width(I)
    x3 = multiply(x1, x2)
    x4 = divide(x3, NINE)
    x5 = portrait(I)
    x6 = branch(x5, vsplit, hsplit)
    x7 = x6(I, x4)
    x8 = rbind(ofcolor, ZERO)
    x9 = apply(x8, x7)
    x10 = leastcommon(x9)
    x11 = matcher(x8, x10)
    O = extract(x7, x11)
    return O


def solve_a9f96cdd(I):
    x1 = ofcolor(I, TWO)
    x2 = shape(I)
    x3 = canvas(ZERO, x2)
    x4 = shift(x1, NEG_UNITY)
    x5 = fill(x3, THREE, x4)
    x6 = shift(x1, UP_RIGHT)
    x7 = fill(x5, SIX, x6)
    x8 = shift(x1, DOWN_LEFT)
    x9 = fill(x7, EIGHT, x8)
    x10 = shift(x1, UNITY)
    O = fill(x9, SEVEN, x10)
    return O


def solve_aabf363d(I):
    x1 = leastcolor(I)
    x2 = ofcolor(I, x1)
    x3 = fill(I, ZERO, x2)
    x4 = palette(x3)
    x5 = other(x4, ZERO)
    O = replace(x3, x5, x1)
    return O


def solve_ac0a08a4(I):
    x1 = palette(I)
    x2 = remove(ZERO, x1)
    x3 = size(x2)
    O = upscale(I, x3)
    return O


def solve_ae3edfdc(I):
    x1 = objects(I, T, F, T)
    x2 = colorfilter(x1, THREE)
    x3 = ofcolor(I, TWO)
    x4 = rbind(gravitate, x3)
    x5 = fork(shift, identity, x4)
    x6 = mapply(x5, x2)
    x7 = colorfilter(x1, SEVEN)
    x8 = ofcolor(I, ONE)
    x9 = rbind(gravitate, x8)
    x10 = fork(shift, identity, x9)
    x11 = mapply(x10, x7)
    x12 = merge(x2)
    x13 = merge(x7)
    x14 = combine(x12, x13)
    x15 = cover(I, x14)
    x16 = paint(x15, x6)
    O = paint(x16, x11)
    return O


def solve_ae4f1146(I):
    x1 = objects(I, F, F, T)
    x2 = ofcolor(I, ONE)
    x3 = lbind(intersection, x2)
    x4 = chain(size, x3, toindices)
    x5 = order(x1, x4)
    x6 = last(x5)
    O = subgrid(x6, I)
    return O


def solve_aedd82e4(I):
    x1 = ofcolor(I, TWO)
    x2 = mapply(dneighbors, x1)
    x3 = difference(x1, x2)
    O = fill(I, ONE, x3)
    return O


def solve_af902bf9(I):
    x1 = ofcolor(I, FOUR)
    x2 = product(x1, x1)
    x3 = compose(first, first)
    x4 = compose(first, last)
    x5 = fork(greater, x4, x3)
    x6 = compose(last, first)
    x7 = compose(last, last)
    x8 = fork(greater, x7, x6)
    x9 = fork(both, x5, x8)
    x10 = rbind(contained, x1)
    x11 = fork(astuple, x3, x7)
    x12 = compose(x10, x11)
    x13 = fork(astuple, x4, x6)
    x14 = compose(x10, x13)
    x15 = fork(both, x12, x14)
    x16 = fork(both, x9, x15)
    x17 = sfilter(x2, x16)
    x18 = compose(initset, last)
    x19 = fork(insert, first, x18)
    x20 = compose(backdrop, x19)
    x21 = compose(box, x19)
    x22 = fork(difference, x20, x21)
    x23 = mapply(x22, x17)
    O = fill(I, TWO, x23)
    return O


def solve_b190f7f5(I):
    x1 = portrait(I)
    x2 = branch(x1, vsplit, hsplit)
    x3 = x2(I, TWO)
    x4 = rbind(colorcount, EIGHT)
    x5 = argmax(x3, x4)
    x6 = argmin(x3, x4)
    x7 = width(x5)
    x8 = upscale(x6, x7)
    x9 = ofcolor(x5, EIGHT)
    x10 = multiply(x7, x7)
    x11 = interval(ZERO, x10, x7)
    x12 = product(x11, x11)
    x13 = lbind(shift, x9)
    x14 = mapply(x13, x12)
    x15 = asindices(x8)
    x16 = difference(x15, x14)
    O = fill(x8, ZERO, x16)
    return O


def solve_b1948b0a(I):
    O = replace(I, SIX, TWO)
    return O


def solve_b230c067(I):
    x1 = objects(I, T, T, T)
    x2 = lbind(matcher, normalize)
    x3 = lbind(sfilter, x1)
    x4 = chain(x3, x2, normalize)
    x5 = compose(size, x4)
    x6 = rbind(greater, ONE)
    x7 = compose(x6, x5)
    x8 = mfilter(x1, x7)
    x9 = replace(I, EIGHT, TWO)
    O = fill(x9, ONE, x8)
    return O


def solve_b27ca6d3(I):
    x1 = ofcolor(I, TWO)
    x2 = mapply(dneighbors, x1)
    x3 = intersection(x1, x2)
    x4 = mapply(neighbors, x3)
    O = underfill(I, THREE, x4)
    return O


def solve_b2862040(I):
    x1 = objects(I, T, F, T)
    x2 = objects(I, T, F, F)
    x3 = colorfilter(x2, NINE)
    x4 = rbind(bordering, I)
    x5 = compose(flip, x4)
    x6 = mfilter(x3, x5)
    x7 = rbind(adjacent, x6)
    x8 = mfilter(x1, x7)
    O = fill(I, EIGHT, x8)
    return O


def solve_b548a754(I):
    x1 = objects(I, F, F, T)
    x2 = argmax(x1, size)
    x3 = argmin(x1, size)
    x4 = combine(x2, x3)
    x5 = backdrop(x4)
    x6 = box(x4)
    x7 = ulcorner(x2)
    x8 = index(I, x7)
    x9 = center(x2)
    x10 = index(I, x9)
    x11 = cover(I, x3)
    x12 = fill(x11, x10, x5)
    O = fill(x12, x8, x6)
    return O


def solve_b60334d2(I):
    x1 = ofcolor(I, FIVE)
    x2 = fill(I, ZERO, x1)
    x3 = mapply(dneighbors, x1)
    x4 = fill(x2, ONE, x3)
    x5 = mapply(ineighbors, x1)
    O = fill(x4, FIVE, x5)
    return O


def solve_b6afb2da(I):
    x1 = objects(I, T, F, F)
    x2 = colorfilter(x1, FIVE)
    x3 = replace(I, FIVE, TWO)
    x4 = mapply(box, x2)
    x5 = fill(x3, FOUR, x4)
    x6 = mapply(corners, x2)
    O = fill(x5, ONE, x6)
    return O


def solve_b8825c91(I):
    x1 = ofcolor(I, FOUR)
    x2 = vmirror(I)
    x3 = toobject(x1, x2)
    x4 = paint(I, x3)
    x5 = ofcolor(x4, FOUR)
    x6 = hmirror(x4)
    x7 = toobject(x5, x6)
    x8 = paint(x4, x7)
    x9 = ofcolor(x8, FOUR)
    x10 = dmirror(x8)
    x11 = toobject(x9, x10)
    O = paint(x8, x11)
    return O


def solve_b8cdaf2b(I):
    x1 = objects(I, T, F, T)
    x2 = argmin(x1, uppermost)
    x3 = ulcorner(x2)
    x4 = add(x3, NEG_UNITY)
    x5 = shoot(x4, NEG_UNITY)
    x6 = urcorner(x2)
    x7 = add(x6, UP_RIGHT)
    x8 = shoot(x7, UP_RIGHT)
    x9 = combine(x5, x8)
    x10 = width(I)
    x11 = halve(x10)
    x12 = height(I)
    x13 = decrement(x12)
    x14 = astuple(x13, x11)
    x15 = index(I, x14)
    O = fill(I, x15, x9)
    return O


def solve_b91ae062(I):
    x1 = palette(I)
    x2 = remove(ZERO, x1)
    x3 = size(x2)
    O = upscale(I, x3)
    return O


def solve_b94a9452(I):
    x1 = compress(I)
    x2 = leastcolor(x1)
    x3 = mostcolor(x1)
    x4 = ofcolor(x1, x2)
    x5 = shape(x1)
    x6 = canvas(x2, x5)
    O = fill(x6, x3, x4)
    return O


def solve_b9b7f026(I):
    x1 = objects(I, T, F, T)
    x2 = compose(size, delta)
    x3 = compose(positive, x2)
    x4 = extract(x1, x3)
    x5 = color(x4)
    O = canvas(x5, UNITY)
    return O


def solve_ba26e723(I):
    x1 = ofcolor(I, FOUR)
    x2 = rbind(divide, THREE)
    x3 = rbind(multiply, THREE)
    x4 = chain(x3, x2, last)
    x5 = fork(equality, x4, last)
    x6 = sfilter(x1, x5)
    O = fill(I, SIX, x6)
    return O


def solve_ba97ae07(I):
    x1 = fgpartition(I)
    x2 = first(x1)
    x3 = last(x1)
    x4 = backdrop(x2)
    x5 = backdrop(x3)
    x6 = intersection(x4, x5)
    x7 = first(x6)
    x8 = index(I, x7)
    x9 = color(x2)
    x10 = color(x3)
    x11 = equality(x8, x9)
    x12 = branch(x11, x10, x9)
    O = fill(I, x12, x6)
    return O


def solve_bb43febb(I):
    x1 = replace(I, FIVE, TWO)
    x2 = objects(I, T, F, F)
    x3 = apply(box, x2)
    x4 = merge(x3)
    x5 = toobject(x4, I)
    O = paint(x1, x5)
    return O


def solve_bbc9ae5d(I):
    x1 = index(I, ORIGIN)
    x2 = ofcolor(I, x1)
    x3 = urcorner(x2)
    x4 = shoot(x3, UNITY)
    x5 = rbind(shoot, LEFT)
    x6 = mapply(x5, x4)
    x7 = width(I)
    x8 = halve(x7)
    x9 = astuple(x8, x7)
    x10 = canvas(ZERO, x9)
    O = fill(x10, x1, x6)
    return O


def solve_bc1d5164(I):
    x1 = palette(I)
    x2 = other(x1, ZERO)
    x3 = crop(I, ORIGIN, THREE_BY_THREE)
    x4 = ofcolor(x3, x2)
    x5 = tojvec(FOUR)
    x6 = crop(I, x5, THREE_BY_THREE)
    x7 = ofcolor(x6, x2)
    x8 = crop(I, TWO_BY_ZERO, THREE_BY_THREE)
    x9 = ofcolor(x8, x2)
    x10 = astuple(TWO, FOUR)
    x11 = crop(I, x10, THREE_BY_THREE)
    x12 = ofcolor(x11, x2)
    x13 = combine(x4, x7)
    x14 = combine(x9, x12)
    x15 = combine(x13, x14)
    x16 = canvas(ZERO, THREE_BY_THREE)
    O = fill(x16, x2, x15)
    return O


def solve_bd4472b8(I):
    x1 = first(I)
    x2 = repeat(x1, ONE)
    x3 = dmirror(x2)
    x4 = width(I)
    x5 = hupscale(x3, x4)
    x6 = vconcat(x5, x5)
    x7 = astuple(TWO, x4)
    x8 = crop(I, ORIGIN, x7)
    O = vconcat(x8, x6)
    return O


def solve_bda2d7a6(I):
    x1 = index(I, ORIGIN)
    x2 = index(I, UNITY)
    x3 = index(I, TWO_BY_TWO)
    x4 = ofcolor(I, x1)
    x5 = ofcolor(I, x2)
    x6 = ofcolor(I, x3)
    x7 = fill(I, x3, x4)
    x8 = fill(x7, x1, x5)
    O = fill(x8, x2, x6)
    return O


def solve_bdad9b1f(I):
    x1 = ofcolor(I, EIGHT)
    x2 = mapply(vfrontier, x1)
    x3 = ofcolor(I, TWO)
    x4 = mapply(hfrontier, x3)
    x5 = fill(I, EIGHT, x2)
    x6 = fill(x5, TWO, x4)
    x7 = intersection(x2, x4)
    O = fill(x6, FOUR, x7)
    return O


def solve_be94b721(I):
    x1 = fgpartition(I)
    x2 = order(x1, size)
    x3 = last(x2)
    O = subgrid(x3, I)
    return O


def solve_beb8660c(I):
    x1 = objects(I, T, F, T)
    x2 = order(x1, size)
    x3 = size(x2)
    x4 = height(I)
    x5 = subtract(x4, x3)
    x6 = interval(x5, x4, ONE)
    x7 = width(I)
    x8 = decrement(x7)
    x9 = lbind(subtract, x7)
    x10 = chain(x9, size, first)
    x11 = fork(astuple, last, x10)
    x12 = rbind(astuple, x8)
    x13 = compose(x12, last)
    x14 = fork(connect, x11, x13)
    x15 = compose(color, first)
    x16 = fork(recolor, x15, x14)
    x17 = pair(x2, x6)
    x18 = apply(x16, x17)
    x19 = first(x18)
    x20 = initset(x19)
    x21 = combine(x20, x18)
    x22 = merge(x21)
    x23 = shape(I)
    x24 = canvas(ZERO, x23)
    O = paint(x24, x22)
    return O


def solve_c0f76784(I):
    x1 = objects(I, T, F, T)
    x2 = compose(size, delta)
    x3 = matcher(x2, NINE)
    x4 = mfilter(x1, x3)
    x5 = delta(x4)
    x6 = fill(I, EIGHT, x5)
    x7 = matcher(x2, FOUR)
    x8 = mfilter(x1, x7)
    x9 = delta(x8)
    x10 = fill(x6, SEVEN, x9)
    x11 = matcher(x2, ONE)
    x12 = mfilter(x1, x11)
    x13 = delta(x12)
    O = fill(x10, SIX, x13)
    return O


def solve_c1d99e64(I):
    x1 = frontiers(I)
    x2 = colorfilter(x1, ZERO)
    x3 = merge(x2)
    O = fill(I, TWO, x3)
    return O


def solve_c3e719e8(I):
    x1 = mostcolor(I)
    x2 = upscale(I, THREE)
    x3 = hconcat(I, I)
    x4 = hconcat(x3, I)
    x5 = vconcat(x4, x4)
    x6 = vconcat(x5, x4)
    x7 = ofcolor(x2, x1)
    x8 = asindices(x2)
    x9 = difference(x8, x7)
    O = fill(x6, ZERO, x9)
    return O


def solve_c3f564a4(I):
    x1 = asobject(I)
    x2 = ofcolor(I, ZERO)
    x3 = toobject(x2, I)
    x4 = difference(x1, x3)
    x5 = numcolors(I)
    x6 = decrement(x5)
    x7 = multiply(x6, FIVE)
    x8 = invert(x7)
    x9 = increment(x7)
    x10 = interval(x8, x9, x6)
    x11 = initset(ZERO)
    x12 = product(x11, x10)
    x13 = lbind(shift, x4)
    x14 = mapply(x13, x12)
    O = paint(I, x14)
    return O


def solve_c59eb873(I):
    O = upscale(I, TWO)
    return O


def solve_c8f0f002(I):
    O = replace(I, SEVEN, FIVE)
    return O


def solve_c909285e(I):
    x1 = partition(I)
    x2 = argmin(x1, size)
    O = subgrid(x2, I)
    return O


def solve_c9e6f938(I):
    x1 = vmirror(I)
    O = hconcat(I, x1)
    return O


def solve_c9f8e694(I):
    x1 = ofcolor(I, FIVE)
    x2 = lbind(index, I)
    x3 = chain(x2, toivec, first)
    x4 = fork(astuple, x3, identity)
    x5 = apply(x4, x1)
    O = paint(I, x5)
    return O


def solve_cce03e0d(I):
    x1 = ofcolor(I, TWO)
    x2 = rbind(multiply, THREE)
    x3 = apply(x2, x1)
    x4 = asobject(I)
    x5 = lbind(shift, x4)
    x6 = mapply(x5, x3)
    x7 = shape(I)
    x8 = multiply(x7, THREE)
    x9 = canvas(ZERO, x8)
    O = paint(x9, x6)
    return O


def solve_cdecee7f(I):
    x1 = objects(I, T, F, T)
    x2 = order(x1, leftmost)
    x3 = apply(color, x2)
    x4 = size(x3)
    x5 = subtract(NINE, x4)
    x6 = repeat(ZERO, x5)
    x7 = combine(x3, x6)
    x8 = repeat(x7, ONE)
    x9 = astuple(ONE, THREE)
    x10 = crop(x8, ORIGIN, x9)
    x11 = tojvec(THREE)
    x12 = crop(x8, x11, x9)
    x13 = vmirror(x12)
    x14 = tojvec(SIX)
    x15 = crop(x8, x14, x9)
    x16 = vconcat(x10, x13)
    O = vconcat(x16, x15)
    return O


def solve_ce22a75a(I):
    x1 = ofcolor(I, FIVE)
    x2 = mapply(neighbors, x1)
    x3 = combine(x1, x2)
    O = fill(I, ONE, x3)
    return O


def solve_ce4f8723(I):
    x1 = vsplit(I, TWO)
    x2 = first(x1)
    x3 = last(x1)
    x4 = replace(x2, ONE, THREE)
    x5 = replace(x3, TWO, THREE)
    O = cellwise(x4, x5, THREE)
    return O


def solve_ce9e57f2(I):
    x1 = objects(I, T, F, T)
    x2 = compose(halve, height)
    x3 = fork(subtract, height, x2)
    x4 = compose(toivec, x3)
    x5 = fork(shift, toindices, x4)
    x6 = fork(intersection, x5, toindices)
    x7 = mapply(x6, x1)
    O = fill(I, EIGHT, x7)
    return O


def solve_cf98881b(I):
    x1 = hsplit(I, THREE)
    x2 = first(x1)
    x3 = last(x1)
    x4 = tojvec(FIVE)
    x5 = shape(x2)
    x6 = crop(I, x4, x5)
    x7 = ofcolor(x6, NINE)
    x8 = fill(x3, NINE, x7)
    x9 = ofcolor(x2, FOUR)
    O = fill(x8, FOUR, x9)
    return O


def solve_d037b0a7(I):
    x1 = fgpartition(I)
    x2 = merge(x1)
    x3 = shift(x2, DOWN)
    x4 = shift(x2, TWO_BY_ZERO)
    x5 = paint(I, x4)
    x6 = paint(x5, x3)
    O = paint(x6, x2)
    return O


def solve_d06dbe63(I):
    x1 = ofcolor(I, EIGHT)
    x2 = first(x1)
    x3 = invert(TWO_BY_ZERO)
    x4 = connect(UP, x3)
    x5 = astuple(NEG_TWO, TWO)
    x6 = connect(x3, x5)
    x7 = combine(x4, x6)
    x8 = add(TEN, FOUR)
    x9 = interval(ZERO, x8, TWO)
    x10 = fork(astuple, invert, identity)
    x11 = apply(x10, x9)
    x12 = initset(ORIGIN)
    x13 = combine(x12, x11)
    x14 = lbind(shift, x7)
    x15 = mapply(x14, x13)
    x16 = apply(invert, x15)
    x17 = combine(x15, x16)
    x18 = shift(x17, x2)
    O = fill(I, FIVE, x18)
    return O


def solve_d0f5fe59(I):
    x1 = objects(I, T, T, T)
    x2 = size(x1)
    x3 = astuple(x2, x2)
    x4 = canvas(ZERO, x3)
    x5 = decrement(x3)
    x6 = connect(ORIGIN, x5)
    O = fill(x4, EIGHT, x6)
    return O


def solve_d10ecb37(I):
    O = crop(I, ORIGIN, TWO_BY_TWO)
    return O


def solve_d13f3404(I):
    x1 = asindices(I)
    x2 = cover(I, x1)
    x3 = hconcat(I, x2)
    x4 = hconcat(x2, x2)
    x5 = vconcat(x3, x4)
    x6 = rbind(shift, UNITY)
    x7 = chain(x6, merge, fgpartition)
    x8 = fork(paint, identity, x7)
    x9 = power(x8, FIVE)
    O = x9(x5)
    return O


def solve_d23f8c26(I):
    x1 = asindices(I)
    x2 = center(x1)
    x3 = vfrontier(x2)
    x4 = toobject(x3, I)
    x5 = shape(I)
    x6 = canvas(ZERO, x5)
    O = paint(x6, x4)
    return O


def solve_d2abd087(I):
    x1 = objects(I, T, F, T)
    x2 = sizefilter(x1, SIX)
    x3 = merge(x2)
    x4 = replace(I, FIVE, ONE)
    O = fill(x4, TWO, x3)
    return O


def solve_d364b489(I):
    x1 = ofcolor(I, ONE)
    x2 = shift(x1, UP)
    x3 = fill(I, TWO, x2)
    x4 = shift(x1, LEFT)
    x5 = fill(x3, SEVEN, x4)
    x6 = shift(x1, RIGHT)
    x7 = fill(x5, SIX, x6)
    x8 = shift(x1, DOWN)
    O = fill(x7, EIGHT, x8)
    return O


def solve_d406998b(I):
    x1 = ofcolor(I, FIVE)
    x2 = width(I)
    x3 = decrement(x2)
    x4 = even(x3)
    x5 = compose(even, last)
    x6 = matcher(x5, x4)
    x7 = sfilter(x1, x6)
    O = fill(I, THREE, x7)
    return O


def solve_d43fd935(I):
    x1 = objects(I, T, F, T)
    x2 = ofcolor(I, THREE)
    x3 = colorfilter(x1, THREE)
    x4 = difference(x1, x3)
    x5 = rbind(hmatching, x2)
    x6 = rbind(vmatching, x2)
    x7 = fork(either, x5, x6)
    x8 = sfilter(x4, x7)
    x9 = rbind(gravitate, x2)
    x10 = fork(add, center, x9)
    x11 = fork(connect, center, x10)
    x12 = fork(recolor, color, x11)
    x13 = mapply(x12, x8)
    O = paint(I, x13)
    return O


def solve_d4469b4b(I):
    x1 = palette(I)
    x2 = other(x1, ZERO)
    x3 = equality(x2, ONE)
    x4 = equality(x2, TWO)
    x5 = branch(x4, ZERO, TWO)
    x6 = branch(x3, ONE, x5)
    x7 = branch(x4, ONE, TWO)
    x8 = branch(x3, ONE, x7)
    x9 = toivec(x6)
    x10 = hfrontier(x9)
    x11 = tojvec(x8)
    x12 = vfrontier(x11)
    x13 = combine(x10, x12)
    x14 = canvas(ZERO, THREE_BY_THREE)
    O = fill(x14, FIVE, x13)
    return O


def solve_d4a91cb9(I):
    x1 = ofcolor(I, EIGHT)
    x2 = first(x1)
    x3 = ofcolor(I, TWO)
    x4 = first(x3)
    x5 = first(x4)
    x6 = last(x2)
    x7 = astuple(x5, x6)
    x8 = connect(x2, x7)
    x9 = connect(x7, x4)
    x10 = combine(x8, x9)
    O = underfill(I, FOUR, x10)
    return O


def solve_d4f3cd78(I):
    x1 = ofcolor(I, FIVE)
    x2 = delta(x1)
    x3 = box(x1)
    x4 = intersection(x3, x2)
    x5 = first(x4)
    x6 = position(x1, x4)
    x7 = shoot(x5, x6)
    x8 = combine(x2, x7)
    O = fill(I, EIGHT, x8)
    return O


def solve_d511f180(I):
    O = switch(I, FIVE, EIGHT)
    return O


def solve_d5d6de2d(I):
    x1 = objects(I, T, F, T)
    x2 = mapply(delta, x1)
    x3 = replace(I, TWO, ZERO)
    O = fill(x3, THREE, x2)
    return O


def solve_d631b094(I):
    x1 = palette(I)
    x2 = other(x1, ZERO)
    x3 = colorcount(I, x2)
    x4 = astuple(ONE, x3)
    O = canvas(x2, x4)
    return O


def solve_d6ad076f(I):
    x1 = objects(I, T, F, T)
    x2 = first(x1)
    x3 = last(x1)
    x4 = toindices(x2)
    x5 = toindices(x3)
    x6 = mapply(vfrontier, x4)
    x7 = mapply(vfrontier, x5)
    x8 = intersection(x6, x7)
    x9 = shift(x8, LEFT)
    x10 = shift(x8, RIGHT)
    x11 = intersection(x8, x9)
    x12 = intersection(x11, x10)
    x13 = mapply(hfrontier, x4)
    x14 = mapply(hfrontier, x5)
    x15 = intersection(x13, x14)
    x16 = shift(x15, UP)
    x17 = shift(x15, DOWN)
    x18 = intersection(x15, x16)
    x19 = intersection(x18, x17)
    x20 = combine(x12, x19)
    x21 = combine(x4, x5)
    x22 = backdrop(x21)
    x23 = intersection(x20, x22)
    x24 = difference(x23, x21)
    O = fill(I, EIGHT, x24)
    return O


def solve_d89b689b(I):
    x1 = objects(I, T, F, T)
    x2 = colorfilter(x1, EIGHT)
    x3 = first(x2)
    x4 = toindices(x3)
    x5 = apply(initset, x4)
    x6 = remove(x3, x1)
    x7 = lbind(lbind, manhattan)
    x8 = lbind(argmin, x5)
    x9 = compose(x8, x7)
    x10 = fork(recolor, color, x9)
    x11 = mapply(x10, x6)
    x12 = merge(x6)
    x13 = cover(I, x12)
    O = paint(x13, x11)
    return O


def solve_d8c310e9(I):
    x1 = objects(I, F, T, T)
    x2 = merge(x1)
    x3 = hperiod(x2)
    x4 = width(I)
    x5 = interval(ZERO, x4, x3)
    x6 = initset(ZERO)
    x7 = product(x6, x5)
    x8 = lbind(shift, x2)
    x9 = mapply(x8, x7)
    O = paint(I, x9)
    return O


def solve_d90796e8(I):
    x1 = objects(I, F, F, T)
    x2 = initset(THREE)
    x3 = insert(TWO, x2)
    x4 = matcher(palette, x3)
    x5 = mfilter(x1, x4)
    x6 = ofcolor(I, THREE)
    x7 = toindices(x5)
    x8 = intersection(x6, x7)
    x9 = fill(I, ZERO, x7)
    O = fill(x9, EIGHT, x8)
    return O


def solve_d9fac9be(I):
    x1 = asindices(I)
    x2 = rbind(toobject, I)
    x3 = compose(x2, neighbors)
    x4 = compose(numcolors, x3)
    x5 = matcher(x4, ONE)
    x6 = rbind(colorcount, ZERO)
    x7 = chain(flip, x6, x3)
    x8 = compose(size, x3)
    x9 = matcher(x8, EIGHT)
    x10 = fork(both, x5, x7)
    x11 = fork(both, x10, x9)
    x12 = extract(x1, x11)
    x13 = index(I, x12)
    O = canvas(x13, UNITY)
    return O


def solve_dae9d2b5(I):
    x1 = lefthalf(I)
    x2 = righthalf(I)
    x3 = ofcolor(x1, ZERO)
    x4 = ofcolor(x2, ZERO)
    x5 = intersection(x3, x4)
    x6 = shape(x1)
    x7 = canvas(SIX, x6)
    O = fill(x7, ZERO, x5)
    return O


def solve_db3e9e38(I):
    x1 = ofcolor(I, SEVEN)
    x2 = interval(ZERO, TEN, TWO)
    x3 = interval(ONE, TEN, TWO)
    x4 = fork(astuple, invert, identity)
    x5 = fork(astuple, identity, identity)
    x6 = compose(invert, x5)
    x7 = apply(x4, x2)
    x8 = apply(x6, x2)
    x9 = combine(x7, x8)
    x10 = initset(ORIGIN)
    x11 = combine(x10, x9)
    x12 = lbind(shift, x1)
    x13 = mapply(x12, x11)
    x14 = apply(x4, x3)
    x15 = apply(x6, x3)
    x16 = combine(x14, x15)
    x17 = first(x16)
    x18 = initset(x17)
    x19 = combine(x18, x16)
    x20 = mapply(x12, x19)
    x21 = fill(I, EIGHT, x20)
    O = fill(x21, SEVEN, x13)
    return O


def solve_dbc1a6ce(I):
    x1 = ofcolor(I, ONE)
    x2 = rbind(shoot, RIGHT)
    x3 = rbind(shoot, LEFT)
    x4 = rbind(shoot, DOWN)
    x5 = rbind(shoot, UP)
    x6 = mapply(x2, x1)
    x7 = mapply(x3, x1)
    x8 = mapply(x4, x1)
    x9 = mapply(x5, x1)
    x10 = intersection(x6, x7)
    x11 = intersection(x8, x9)
    x12 = combine(x10, x11)
    O = underfill(I, EIGHT, x12)
    return O


def solve_dc0a314f(I):
    x1 = rot180(I)
    x2 = ofcolor(I, THREE)
    O = subgrid(x2, x1)
    return O


def solve_dc1df850(I):
    x1 = ofcolor(I, TWO)
    x2 = mapply(neighbors, x1)
    O = underfill(I, ONE, x2)
    return O


def solve_dc433765(I):
    x1 = ofcolor(I, THREE)
    x2 = ofcolor(I, FOUR)
    x3 = position(x1, x2)
    x4 = toobject(x1, I)
    O = move(I, x4, x3)
    return O


def solve_ddf7fa4f(I):
    x1 = objects(I, T, F, T)
    x2 = colorfilter(x1, FIVE)
    x3 = difference(x1, x2)
    x4 = lbind(lbind, vmatching)
    x5 = lbind(extract, x3)
    x6 = chain(color, x5, x4)
    x7 = fork(recolor, x6, identity)
    x8 = mapply(x7, x2)
    O = paint(I, x8)
    return O


def solve_de1cd16c(I):
    x1 = leastcolor(I)
    x2 = objects(I, T, F, F)
    x3 = colorfilter(x2, x1)
    x4 = difference(x2, x3)
    x5 = rbind(subgrid, I)
    x6 = rbind(colorcount, x1)
    x7 = compose(x6, x5)
    x8 = argmax(x4, x7)
    x9 = color(x8)
    O = canvas(x9, UNITY)
    return O


def solve_ded97339(I):
    x1 = ofcolor(I, EIGHT)
    x2 = lbind(intersection, x1)
    x3 = chain(backdrop, x2, hfrontier)
    x4 = chain(backdrop, x2, vfrontier)
    x5 = mapply(x3, x1)
    x6 = mapply(x4, x1)
    x7 = combine(x5, x6)
    O = fill(I, EIGHT, x7)
    return O


def solve_e179c5f4(I):
    x1 = shape(I)
    x2 = width(I)
    x3 = decrement(x2)
    x4 = astuple(x3, x3)
    x5 = connect(ORIGIN, x4)
    x6 = double(x3)
    x7 = toivec(x6)
    x8 = connect(x4, x7)
    x9 = combine(x5, x8)
    x10 = multiply(THREE, TEN)
    x11 = interval(ZERO, x10, x6)
    x12 = initset(ZERO)
    x13 = product(x11, x12)
    x14 = lbind(shift, x9)
    x15 = mapply(x14, x13)
    x16 = canvas(EIGHT, x1)
    x17 = fill(x16, ONE, x15)
    O = hmirror(x17)
    return O


def solve_e21d9049(I):
    x1 = objects(I, F, F, T)
    x2 = first(x1)
    x3 = toindices(x2)
    x4 = totuple(x3)
    x5 = apply(first, x4)
    x6 = mostcommon(x5)
    x7 = apply(last, x4)
    x8 = mostcommon(x7)
    x9 = compose(first, last)
    x10 = matcher(x9, x6)
    x11 = sfilter(x2, x10)
    x12 = compose(last, last)
    x13 = matcher(x12, x8)
    x14 = sfilter(x2, x13)
    x15 = initset(ZERO)
    x16 = width(x11)
    x17 = multiply(x16, TEN)
    x18 = invert(x17)
    x19 = interval(x18, x17, x16)
    x20 = product(x15, x19)
    x21 = lbind(shift, x11)
    x22 = mapply(x21, x20)
    x23 = height(x14)
    x24 = multiply(x23, TEN)
    x25 = invert(x24)
    x26 = interval(x25, x24, x23)
    x27 = product(x26, x15)
    x28 = lbind(shift, x14)
    x29 = mapply(x28, x27)
    x30 = paint(I, x22)
    O = paint(x30, x29)
    return O


def solve_e26a3af2(I):
    x1 = dmirror(I)
    x2 = apply(mostcommon, x1)
    x3 = height(I)
    x4 = repeat(x2, x3)
    x5 = apply(mostcommon, I)
    x6 = width(I)
    x7 = repeat(x5, x6)
    x8 = dmirror(x7)
    x9 = cellwise(x4, I, NEG_ONE)
    x10 = colorcount(x9, NEG_ONE)
    x11 = cellwise(x8, I, NEG_ONE)
    x12 = colorcount(x11, NEG_ONE)
    x13 = greater(x10, x12)
    O = branch(x13, x8, x4)
    return O


def solve_e3497940(I):
    x1 = lefthalf(I)
    x2 = righthalf(I)
    x3 = vmirror(x2)
    x4 = asobject(x3)
    x5 = ofcolor(x3, ZERO)
    x6 = toobject(x5, x3)
    x7 = difference(x4, x6)
    O = paint(x1, x7)
    return O


def solve_e48d4e1a(I):
    x1 = colorcount(I, FIVE)
    x2 = palette(I)
    x3 = remove(ZERO, x2)
    x4 = remove(FIVE, x3)
    x5 = first(x4)
    x6 = frontiers(I)
    x7 = colorfilter(x6, x5)
    x8 = extract(x7, hline)
    x9 = uppermost(x8)
    x10 = extract(x7, vline)
    x11 = leftmost(x10)
    x12 = add(x9, x1)
    x13 = subtract(x11, x1)
    x14 = toivec(x12)
    x15 = hfrontier(x14)
    x16 = tojvec(x13)
    x17 = vfrontier(x16)
    x18 = combine(x15, x17)
    x19 = shape(I)
    x20 = canvas(ZERO, x19)
    O = fill(x20, x5, x18)
    return O


def solve_e50d258f(I):
    x1 = asindices(I)
    x2 = ofcolor(I, ZERO)
    x3 = difference(x1, x2)
    x4 = multiply(THREE, TEN)
    x5 = astuple(x4, x4)
    x6 = canvas(ZERO, x5)
    x7 = fill(x6, ONE, x3)
    x8 = objects(x7, T, F, T)
    x9 = rbind(subgrid, I)
    x10 = rbind(colorcount, TWO)
    x11 = compose(x10, x9)
    x12 = argmax(x8, x11)
    O = subgrid(x12, I)
    return O


def solve_e76a88a6(I):
    x1 = objects(I, F, F, T)
    x2 = colorfilter(x1, FIVE)
    x3 = difference(x1, x2)
    x4 = first(x3)
    x5 = normalize(x4)
    x6 = lbind(shift, x5)
    x7 = compose(x6, ulcorner)
    x8 = mapply(x7, x2)
    O = paint(I, x8)
    return O


def solve_e8593010(I):
    x1 = objects(I, T, F, F)
    x2 = colorfilter(x1, ZERO)
    x3 = sizefilter(x2, ONE)
    x4 = merge(x3)
    x5 = fill(I, THREE, x4)
    x6 = sizefilter(x2, TWO)
    x7 = merge(x6)
    x8 = fill(x5, TWO, x7)
    x9 = sizefilter(x2, THREE)
    x10 = merge(x9)
    O = fill(x8, ONE, x10)
    return O


def solve_e9614598(I):
    x1 = ofcolor(I, ONE)
    x2 = center(x1)
    x3 = dneighbors(x2)
    x4 = insert(x2, x3)
    O = fill(I, THREE, x4)
    return O


def solve_e98196ab(I):
    x1 = vsplit(I, TWO)
    x2 = first(x1)
    x3 = last(x1)
    x4 = asobject(x3)
    O = underpaint(x2, x4)
    return O


def solve_e9afcf9a(I):
    x1 = hmirror(I)
    x2 = asindices(I)
    x3 = compose(even, last)
    x4 = compose(flip, x3)
    x5 = sfilter(x2, x4)
    x6 = toobject(x5, x1)
    O = paint(I, x6)
    return O


def solve_ea32f347(I):
    x1 = objects(I, T, F, T)
    x2 = argmax(x1, size)
    x3 = argmin(x1, size)
    x4 = replace(I, FIVE, FOUR)
    x5 = fill(x4, ONE, x2)
    O = fill(x5, TWO, x3)
    return O


def solve_ea786f4a(I):
    x1 = ofcolor(I, ZERO)
    x2 = first(x1)
    x3 = shoot(x2, UNITY)
    x4 = shoot(x2, NEG_UNITY)
    x5 = shoot(x2, UP_RIGHT)
    x6 = shoot(x2, DOWN_LEFT)
    x7 = combine(x3, x4)
    x8 = combine(x5, x6)
    x9 = combine(x7, x8)
    O = fill(I, ZERO, x9)
    return O


def solve_eb281b96(I):
    x1 = hmirror(I)
    x2 = shape(I)
    x3 = subtract(x2, DOWN)
    x4 = crop(x1, DOWN, x3)
    x5 = vconcat(I, x4)
    x6 = shape(x5)
    x7 = subtract(x6, DOWN)
    x8 = crop(x5, DOWN, x7)
    O = vconcat(x5, x8)
    return O


def solve_ed36ccf7(I):
    O = rot270(I)
    return O


def solve_f25fbde4(I):
    x1 = compress(I)
    O = upscale(x1, TWO)
    return O


def solve_f25ffba3(I):
    x1 = hmirror(I)
    x2 = asobject(x1)
    O = underpaint(I, x2)
    return O


def solve_f2829549(I):
    x1 = lefthalf(I)
    x2 = righthalf(I)
    x3 = cellwise(x1, x2, ONE)
    x4 = ofcolor(x3, ZERO)
    x5 = shape(x1)
    x6 = canvas(ZERO, x5)
    O = fill(x6, THREE, x4)
    return O


def solve_f5b8619d(I):
    x1 = palette(I)
    x2 = other(x1, ZERO)
    x3 = ofcolor(I, x2)
    x4 = mapply(vfrontier, x3)
    x5 = underfill(I, EIGHT, x4)
    x6 = hconcat(x5, x5)
    O = vconcat(x6, x6)
    return O


def solve_f76d97a5(I):
    x1 = palette(I)
    x2 = other(x1, FIVE)
    x3 = replace(I, x2, ZERO)
    O = replace(x3, FIVE, x2)
    return O


def solve_f8b3ba0a(I):
    x1 = fgpartition(I)
    x2 = argmax(x1, size)
    x3 = remove(x2, x1)
    x4 = order(x3, size)
    x5 = apply(color, x4)
    x6 = repeat(x5, ONE)
    x7 = vmirror(x6)
    O = dmirror(x7)
    return O


def solve_f8ff0b80(I):
    x1 = objects(I, T, T, T)
    x2 = order(x1, size)
    x3 = apply(color, x2)
    x4 = repeat(x3, ONE)
    x5 = vmirror(x4)
    O = dmirror(x5)
    return O


def solve_f9012d9b(I):
    x1 = lbind(contained, ZERO)
    x2 = compose(flip, x1)
    x3 = sfilter(I, x2)
    x4 = first(x3)
    x5 = repeat(x4, ONE)
    x6 = asobject(x5)
    x7 = hperiod(x6)
    x8 = dmirror(I)
    x9 = sfilter(x8, x2)
    x10 = first(x9)
    x11 = repeat(x10, ONE)
    x12 = asobject(x11)
    x13 = hperiod(x12)
    x14 = asobject(I)
    x15 = ofcolor(I, ZERO)
    x16 = toobject(x15, I)
    x17 = difference(x14, x16)
    x18 = height(I)
    x19 = divide(x18, x13)
    x20 = multiply(x19, x13)
    x21 = invert(x20)
    x22 = interval(x21, x18, x13)
    x23 = width(I)
    x24 = divide(x23, x7)
    x25 = multiply(x24, x7)
    x26 = invert(x25)
    x27 = interval(x26, x23, x7)
    x28 = product(x22, x27)
    x29 = lbind(shift, x17)
    x30 = mapply(x29, x28)
    x31 = paint(I, x30)
    O = subgrid(x15, x31)
    return O


def solve_fafffa47(I):
    x1 = tophalf(I)
    x2 = bottomhalf(I)
    x3 = cellwise(x1, x2, ONE)
    x4 = ofcolor(x3, ZERO)
    x5 = shape(x1)
    x6 = canvas(ZERO, x5)
    O = fill(x6, TWO, x4)
    return O


def solve_fcb5c309(I):
    x1 = objects(I, T, F, T)
    x2 = leastcolor(I)
    x3 = rbind(subgrid, I)
    x4 = rbind(colorcount, x2)
    x5 = compose(x4, x3)
    x6 = argmax(x1, x5)
    x7 = subgrid(x6, I)
    x8 = color(x6)
    O = replace(x7, x8, x2)
    return O


def solve_fcc82909(I):
    x1 = objects(I, F, F, T)
    x2 = compose(toivec, numcolors)
    x3 = fork(shift, identity, x2)
    x4 = fork(combine, identity, x3)
    x5 = compose(backdrop, x4)
    x6 = fork(difference, x5, backdrop)
    x7 = mapply(x6, x1)
    O = fill(I, THREE, x7)
    return O


def solve_feca6190(I):
    x1 = asobject(I)
    x2 = ofcolor(I, ZERO)
    x3 = toobject(x2, I)
    x4 = difference(x1, x3)
    x5 = size(x4)
    x6 = multiply(x5, FIVE)
    x7 = decrement(x6)
    x8 = toivec(x7)
    x9 = shift(x4, x8)
    x10 = apply(initset, x9)
    x11 = rbind(shoot, UP_RIGHT)
    x12 = compose(x11, center)
    x13 = fork(recolor, color, x12)
    x14 = mapply(x13, x10)
    x15 = astuple(x6, x6)
    x16 = canvas(ZERO, x15)
    O = paint(x16, x14)
    return O


def solve_ff28f65a(I):
    x1 = colorcount(I, TWO)
    x2 = divide(x1, FOUR)
    x3 = canvas(ZERO, THREE_BY_THREE)
    x4 = asindices(x3)
    x5 = rbind(multiply, THREE)
    x6 = compose(x5, first)
    x7 = fork(add, x6, last)
    x8 = compose(even, x7)
    x9 = sfilter(x4, x8)
    x10 = lbind(greater, x2)
    x11 = compose(halve, x7)
    x12 = compose(x10, x11)
    x13 = sfilter(x9, x12)
    O = fill(x3, ONE, x13)
    return O


def solve_ff805c23(I):
    x1 = rot180(I)
    x2 = ofcolor(I, ONE)
    O = subgrid(x2, x1)
    return O
