"""Order statistics for the benchmarks' figures."""

from collections.abc import Sequence


def percentile(values: Sequence[float], rank: float) -> float | None:
    """The rank-th percentile (0–100) by linear interpolation between closest ranks, or None if empty."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * rank / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def median(values: Sequence[float]) -> float | None:
    """The median, or None if there is no value."""
    return percentile(values, 50)


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """The quotient, or None when either figure is missing or the denominator is zero."""
    if numerator is None or not denominator:
        return None
    return numerator / denominator
