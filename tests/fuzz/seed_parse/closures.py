def solve_c(I):
    x1 = objects(I, T, F, T)
    x2 = rbind(shift, DOWN)
    x3 = power(x2, TWO)
    x4 = branch(T, x3, identity)
    x5 = fork(combine, x4, identity)
    x6 = mapply(x5, x1)
    x7 = lbind(fill, I)
    x8 = x7(ONE, x6)
    x9 = chain(vmirror, hmirror, dmirror)
    x10 = matcher(x9, I)
    O = branch(x10, x8, I)
    return O
