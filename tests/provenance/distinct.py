#!/usr/bin/env python3
"""distinct.py: how far the rewritten programs of the battery are from the programs they replace
(issue 14). For each task id it compares solve_<id> of OLD and NEW and prints one row: lines of
each, lines shared after renaming variables x1, x2 ... in order of definition, the share of NEW's
primitive calls not matched in OLD (a multiset match by callee name), and the calls whose whole
argument tree is the same in both. A row passes when at most one line is shared and at least
half of the calls differ; the exit status is 1 when a row fails or a program is missing.
usage: distinct.py OLD.py NEW.py ID...   (tests/provenance/check.sh supplies the old battery)
"""
import collections
import re
import sys

ASSIGN = re.compile(r"^    (x\d+|O) = (\w+)\((.*)\)$")


def solvers(path):
    """{id: [(target, callee, [args])]} of every solve_<id> in the file."""
    progs, cur = {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            m = re.match(r"^def solve_(\w+)\(I\):$", line)
            if m:
                cur = progs.setdefault(m.group(1), [])
                continue
            m = ASSIGN.match(line)
            if m and cur is not None:
                args = [a.strip() for a in m.group(3).split(",")]
                cur.append((m.group(1), m.group(2), args))
            elif not line.startswith("    return") and line.strip():
                cur = None
    return progs


def normalised(prog):
    """Lines with variables renumbered x1, x2 ... in order of definition."""
    names = {}
    for target, _, _ in prog:
        if target != "O":
            names[target] = "x%d" % (len(names) + 1)
    ren = lambda s: names.get(s, s)
    return ["%s = %s(%s)" % (ren(t), ren(c), ", ".join(ren(a) for a in args)) for t, c, args in prog]


def trees(prog):
    """Each call as its whole expression tree (variables replaced by what they hold)."""
    env, out = {}, []
    for target, callee, args in prog:
        tree = "%s(%s)" % (env.get(callee, callee), ", ".join(env.get(a, a) for a in args))
        env[target] = tree
        out.append(tree)
    return out


def calls(prog):
    """Names of the primitives called (calls of a variable holding a function are left out)."""
    return [c for _, c, _ in prog if not re.match(r"^x\d+$", c)]


def main(argv):
    if len(argv) < 4:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    old, new = solvers(argv[1]), solvers(argv[2])
    print("%-9s %5s %5s %7s %13s %12s  %s" % ("task", "old", "new", "shared", "calls differ",
                                              "same trees", "verdict"))
    bad = 0
    for tid in argv[3:]:
        if tid not in new:
            print("%-9s %5d %5s %7s %13s %12s  %s" % (tid, len(old.get(tid, [])), "-", "-", "-",
                                                      "-", "removed"))
            continue
        if tid not in old:
            print("%-9s: no old program" % tid)
            bad += 1
            continue
        o, n = old[tid], new[tid]
        shared = sum((collections.Counter(normalised(o)) & collections.Counter(normalised(n))).values())
        nc = calls(n)
        matched = sum((collections.Counter(calls(o)) & collections.Counter(nc)).values())
        differ = (len(nc) - matched) / len(nc) if nc else 0.0
        same = sum((collections.Counter(trees(o)) & collections.Counter(trees(n))).values())
        ok = shared <= 1 and differ >= 0.5
        bad += not ok
        print("%-9s %5d %5d %7d %6d/%-2d %4.0f%% %12d  %s" % (
            tid, len(o), len(n), shared, len(nc) - matched, len(nc), 100 * differ, same,
            "ok" if ok else "FAIL"))
    print("%d rows, %d failed" % (len(argv) - 3, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
