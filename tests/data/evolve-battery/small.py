# A small battery for the evolution tests (tests/unit/test_evolve.c, tests/golden/evolve/) over
# the five tasks in tests/data/evolve/: e0000002 recolours 1 to 3 (e0000001 wants 1 to 2: a
# constant away), e0000004 mirrors in three steps (one is enough: shrinking finds it; e0000003
# wants the other mirror: a swap away), nothing here comes close to e0000005.
from dsl import *
from constants import *


def solve_e0000002(I):
    O = replace(I, ONE, THREE)
    return O


def solve_e0000004(I):
    x1 = vmirror(I)
    x2 = vmirror(x1)
    O = vmirror(x2)
    return O


def solve_other(I):
    x1 = objects(I, T, F, F)
    x2 = first(x1)
    O = subgrid(x2, I)
    return O
