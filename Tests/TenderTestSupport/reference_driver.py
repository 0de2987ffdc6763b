"""Runs an exact reference over a file of cases and prints "N cases, K disagreements".

Usage: reference_driver.py REFERENCE.py CASES. The reference module defines check(kind, fields) -> str; each case
line is "kind|field|...|swift's answer". Python is only the reference of the tests, never part of the product.
"""

import importlib.util
import sys


def main() -> int:
    spec = importlib.util.spec_from_file_location("reference", sys.argv[1])
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    failures = 0
    cases = 0
    with open(sys.argv[2], encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            parts = line.rstrip("\n").split("|")
            if len(parts) < 3:
                print(f"line {number}: malformed: {line!r}")
                return 2
            kind, fields, got = parts[0], parts[1:-1], parts[-1]
            expected = reference.check(kind, fields)
            cases += 1
            if expected != got:
                failures += 1
                if failures <= 20:
                    print(f"line {number}: {kind} {fields}: swift {got}, exact {expected}")
    print(f"{cases} cases, {failures} disagreements")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
