"""Exact rational reference for the monthly performance score (used by MonthlyReferenceTests).

A case is: rounding|decimals|weights s,t,d|survey answer values|team scores|department rows (items by ",", departments
by ";")|patrol deductions|monthly cap. check recomputes the score with Python's fractions.Fraction from the plan's
definition (docs/performance-plan.md): each source's mean, weight x mean / 100, per-source or total rounding half
away from zero, capped deductions, a floor at 0. Standard library only.
"""
from fractions import Fraction


def half_away(value: Fraction, places: int) -> str:
    scaled = value * 10**places
    magnitude = abs(scaled)
    units = int(magnitude)
    if magnitude - units >= Fraction(1, 2):
        units += 1
    text = str(units).rjust(places + 1, "0")
    if places:
        text = text[:-places] + "." + text[-places:]
    return ("-" if scaled < 0 and units else "") + text


def fraction(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


def values(text: str) -> list:
    return [Fraction(v) for v in text.split(",") if v != ""]


def check(kind: str, f: list) -> str:
    if kind != "month":
        raise ValueError(kind)
    rounding, places = f[0], int(f[1])
    weights = values(f[2])
    survey = values(f[3])
    teams = values(f[4])
    departments = [sum(values(row)) for row in f[5].split(";")]
    deductions = values(f[6])
    cap = Fraction(f[7])
    means = [sum(survey) / len(survey), sum(teams) / len(teams), sum(departments) / len(departments)]
    contributions = [w * m / 100 for w, m in zip(weights, means)]
    applied = min(sum(deductions, Fraction(0)), cap)
    unrounded = max(sum(contributions) - applied, Fraction(0))
    if rounding == "per-source":
        rounded = sum(Fraction(half_away(c, places)) for c in contributions)
        score = half_away(max(rounded - applied, Fraction(0)), places)
    else:
        score = half_away(unrounded, places)
    return score + " " + fraction(unrounded) + " " + ",".join(fraction(m) for m in means)
