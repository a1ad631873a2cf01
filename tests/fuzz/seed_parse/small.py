from dsl import *
from constants import *

# Good: mirrors, upscaling, the 3x3 fractal.
def solve_67a3c6ac(I):
    O = vmirror(I)
    return O

def solve_c59eb873(I):
    O = upscale(I, TWO)
    return O

def solve_007bbfb7(I):
    x1 = hupscale(I, THREE)
    x2 = vupscale(x1, THREE)
    x3 = hconcat(I, I)
    x4 = hconcat(x3, I)
    x5 = vconcat(x4, x4)
    x6 = vconcat(x5, x4)
    O = cellwise(x2, x6, ZERO)
    return O

# Wrong: the task wants hmirror.
def solve_68b16354(I):
    O = vmirror(I)
    return O

# Fails: no object has ten cells, so argmax gets an empty set.
def solve_5582e5ca(I):
    x1 = objects(I, T, F, T)
    x2 = sizefilter(x1, TEN)
    x3 = argmax(x2, size)
    O = subgrid(x3, I)
    return O

# No such task.
def solve_notatask(I):
    O = vmirror(I)
    return O
