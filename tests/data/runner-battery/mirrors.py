# A small battery for the runner's tests (tests/unit/test_runner.c, tests/golden/run/), over the
# three tasks in tests/data/runner/: vmirror solves a0000001, hmirror solves a0000002's train
# pairs (attempt 2 fixes its second test), nothing solves a0000003.
from dsl import *
from constants import *

def solve_a0000001(I):
    O = vmirror(I)
    return O

def solve_mirror3(I):
    x1 = vmirror(I)
    x2 = vmirror(x1)
    O = vmirror(x2)
    return O

def solve_flip_b(I):
    O = hmirror(I)
    return O

def solve_flip_a(I):
    O = hmirror(I)
    return O

def solve_same(I):
    O = identity(I)
    return O

def solve_fails(I):
    x1 = ofcolor(I, TEN)
    x2 = first(x1)
    O = canvas(ZERO, x2)
    return O
