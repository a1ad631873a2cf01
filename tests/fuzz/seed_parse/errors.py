from dsl import *
from constants import *

def solve_67a3c6ac(I):
    x1 = vmirorr(I)
    O = hconcat(x1, J)
    return O

def solve_68b16354(I):
    x1 = compose(vmirror, hmirror)
    x2 = x1(I, I)
    x3 = upscale(I, 2)
    x2 = shift(x9)
    return O

def solve_c59eb873(I):
    O = upscale(I, TWO)
    return O

def solve_c59eb873(I):
    O = upscale(I, THREE)

print(solve_c59eb873)
