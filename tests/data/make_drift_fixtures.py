#!/usr/bin/python3
"""Writes tests/data/drift/drift_statistics.json: the drift statistics of core/monitor/DriftTests
computed by SciPy and statsmodels, for tst_drifttests.

Run with Debian's interpreter (SciPy 1.10.1, NumPy 1.24, mpmath 1.2, statsmodels 0.13 from
python3-statsmodels):
    /usr/bin/python3 tests/data/make_drift_fixtures.py
Every input is written as the very numbers fed to the reference (JSON numbers are Python's
shortest round-trip repr, so they parse back to the same doubles); NaN and infinity, which JSON
lacks, are written as null and as the strings "inf" / "-inf". Deterministic (fixed seeds).

Sections:
  ks              scipy.stats.ks_2samp(a, b) (two-sided, method='auto'): exact p-values for
                  samples up to 10,000 (ties, unequal and equal sizes, identical and separated
                  samples, p near 1e-300) and asymptotic ones beyond (kstwo.sf with
                  n = round(n1 n2 / (n1 + n2))), D = 0 and D = 1.
  kstwo_sf        scipy.stats.kstwo.sf(d, n) on a grid crossing every branch of SciPy's
                  _kolmogn (Ruben-Gambino, Durbin-Marsaglia-Tsang-Wang, Pomeranz, Pelz-Good,
                  2 * smirnov, underflow).
  chi2_sf         scipy.stats.chi2.sf(x, df), including SciPy's asymptotic igamc regime and
                  p-values near 1e-300; and the true value, mpmath's gammainc at 40 digits
                  (SciPy's own error reaches 3e-13 here).
  norm_sf         scipy.stats.norm.sf(z).
  chisquare       scipy.stats.chisquare(f_obs, f_exp) and the drift form: reference counts and
                  current counts per reference category, f_exp = reference share * current total
                  over the reference's categories.
  ztest           statsmodels.stats.proportion.proportions_ztest([x1, x2], [n1, n2]).
  wasserstein     scipy.stats.wasserstein_distance(ref, cur), np.std(ref) and their ratio.
  bins            numeric binning: numpy.quantile(ref, [0.1, ..., 0.9]) (linear) as edges,
                  numpy.digitize(values, edges) as the bin of a value (bin i holds
                  edges[i-1] <= v < edges[i]), then the reference and current shares per bin,
                  PSI and scipy.spatial.distance.jensenshannon on those shares (empty bins set
                  to 1e-4 first).
  categorical     the same PSI and Jensen-Shannon on category counts.
  datasets        compareColumns on wine.csv against a shifted copy of itself (rows drawn
                  here with replacement, alcohol + 0.5 * std, every 10th hue missing, the
                  cultivars redrawn with other shares plus a new one; derived binary and
                  few-valued columns in both), once with the 178 rows as the reference (exact
                  tests) and once with 2,000 rows drawn from them (distances).
"""
import csv
import json
import math
import pathlib

import mpmath
import numpy as np
import scipy
from scipy import stats
from scipy.spatial.distance import jensenshannon
from statsmodels.stats.proportion import proportions_ztest

mpmath.mp.dps = 40

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "drift"
DATASETS = HERE.parent.parent / "resources" / "datasets"
EMPTY_SHARE = 1e-4
QUANTILES = [k / 10 for k in range(1, 10)]


def num(x):
    x = float(x)
    if math.isnan(x):
        return None
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def nums(a):
    return [num(x) for x in np.asarray(a, dtype=float).ravel()]


def ints(a):
    return [int(x) for x in np.asarray(a).ravel()]


# ---------------------------------------------------------------------------------------------
# Kolmogorov-Smirnov


def ks_case(name, a, b, samples=None):
    """A case; a sample given by name is one of `samples`, written once for all cases."""
    values = lambda s: np.asarray(samples[s] if isinstance(s, str) else s, dtype=float)
    result = stats.ks_2samp(values(a), values(b))
    exact = max(len(values(a)), len(values(b))) <= 10000
    written = lambda s: s if isinstance(s, str) else nums(s)
    return {"name": name, "a": written(a), "b": written(b), "exact": exact,
            "statistic": num(result.statistic), "pvalue": num(result.pvalue)}


def ks_cases():
    """The cases and the large samples they share."""
    rng = np.random.default_rng(16)
    r2 = lambda x: np.round(x, 2)  # short decimals keep the file small; ties are welcome
    same = r2(rng.normal(size=40))
    cases = [
        ks_case("ties", [1, 2, 2, 3, 3, 3, 4, 7], [2, 3, 3, 5, 5, 6]),
        ks_case("single_values", [0.5], [0.25]),
        ks_case("one_vs_many", [3.0], r2(rng.normal(size=9))),
        ks_case("unequal_30_47", rng.normal(size=30), rng.normal(0.5, 1, size=47)),
        ks_case("equal_50", rng.normal(size=50), rng.normal(0.3, 1.2, size=50)),
        ks_case("equal_50_ties", rng.integers(0, 6, 50), rng.integers(0, 7, 50)),
        ks_case("identical", same, same[::-1]),
        ks_case("separated_10_15", np.arange(10), np.arange(10, 25)),
        ks_case("separated_equal_500", np.arange(500), np.arange(500, 1000) + 0.5),
        ks_case("separated_400_600", np.arange(400), np.arange(400, 1000)),
        ks_case("interleaved", np.arange(0, 200, 2), np.arange(1, 200, 2)),
        ks_case("small_shift_800_1000", r2(rng.normal(size=800)), r2(rng.normal(0.1, 1, 1000))),
        ks_case("exact_3000_2999", r2(rng.normal(size=3000)), r2(rng.normal(0.05, 1, 2999))),
    ]
    samples = {"n10000": r2(rng.normal(size=10000)), "n10001": r2(rng.normal(size=10001)),
               "n12000": r2(rng.normal(size=12000)),
               "shift_0_04": r2(rng.normal(0.04, 1, 10500)),
               "shift_0_015": r2(rng.normal(0.015, 1, 11000)),
               "shift_0_6": r2(rng.normal(0.6, 1, 10200))}
    cases += [
        ks_case("exact_10000_7", "n10000", [0.1, 0.2, 1.5, 2.5, -0.3, 3, 2], samples),
        ks_case("exact_equal_10000", "n10000", samples["n10001"][:10000], samples),
        ks_case("asymp_identical_12000", "n12000", "n12000", samples),
        ks_case("asymp_shift_12000_10500", "n12000", "shift_0_04", samples),
        ks_case("asymp_pelz_good_12000_11000", "n12000", "shift_0_015", samples),
        ks_case("asymp_tiny_p_12000_10200", "n12000", "shift_0_6", samples),
        ks_case("asymp_separated", "n10001", np.arange(10100) + 10.0, samples),
        ks_case("asymp_small_n_10001_9", "n10001", [-1.5, -0.2, 0, 0.3, 0.8, 1.1, 2, 2.5, 3],
                samples),
        ks_case("asymp_small_n_10001_60", "n10001", r2(rng.normal(0.4, 1, 60)), samples),
        ks_case("asymp_small_n_10001_150", "n10001", r2(rng.normal(0.2, 1, 150)), samples),
    ]
    return cases, {k: nums(v) for k, v in samples.items()}


def kstwo_sf_cases():
    cases = []
    for n in [1, 2, 3, 5, 10, 40, 100, 140, 141, 500, 1000, 6667, 100000, 100001, 1500000]:
        ds = set()
        # Both sides of every switch in _kolmogn: t = n d at 0.5, 1 and n - 1; n d^2 at
        # 0.754693, 2.2, 4, 18, 370; n d^1.5 at 1.4; d at 0.5.
        for t in [0.3, 0.5, 0.75, 1.0, 1.5]:
            ds.add(t / n)
        for nd2 in [0.05, 0.3, 0.7, 0.8, 1.5, 2.1, 2.3, 3.9, 4.1, 10, 17.9, 50, 200, 345, 369, 371]:
            ds.add(math.sqrt(nd2 / n))
        for nd15 in [0.5, 1.3, 1.5, 3]:
            ds.add((nd15 / n) ** (2 / 3))
        ds.update([0.3, 0.49, 0.5, 0.6, 0.95, 1 - 1.5 / n, 1 - 0.5 / n, 1.0])
        for d in sorted(ds):
            if 0 < d <= 1:
                cases.append({"n": n, "d": num(d), "sf": num(stats.kstwo.sf(d, n))})
    return cases


def chi2_sf_cases():
    cases = []
    for df in [1, 2, 3, 4, 5, 9, 10, 40, 41, 42, 60, 99, 150, 399, 401, 1000]:
        xs = {df * f for f in [0.01, 0.3, 0.5, 0.8, 0.9, 1.0, 1.1, 1.3, 2.0, 5.0]}
        xs.update([1e-3, 0.4, 0.9, 1.05, 3.0])
        xs.add(float(stats.chi2.isf(1e-300, df)))
        xs.add(float(stats.chi2.isf(1e-100, df)))
        for x in sorted(xs):
            exact = mpmath.gammainc(mpmath.mpf(df) / 2, mpmath.mpf(x) / 2, mpmath.inf,
                                    regularized=True)
            cases.append({"df": df, "x": num(x), "sf": num(stats.chi2.sf(x, df)),
                          "mpmath": num(exact)})
    return cases


def norm_sf_cases():
    zs = [0.0, 0.3, 0.7071, 1.0, 1.959963984540054, 3.0, 5.5, 8.0, 10.0, 20.0, 30.0, 37.0,
          -1.0, -4.0]
    return [{"z": z, "sf": num(stats.norm.sf(z))} for z in zs]


# ---------------------------------------------------------------------------------------------
# Chi-squared, Z test


def chisquare_drift(name, reference, current):
    """The drift form: categories with no reference rows are left out of the statistic."""
    reference = np.asarray(reference, dtype=float)
    current = np.asarray(current, dtype=float)
    keep = reference > 0
    f_obs = current[keep]
    f_exp = reference[keep] / reference[keep].sum() * f_obs.sum()
    result = stats.chisquare(f_obs, f_exp)
    return {"name": name, "reference": nums(reference), "current": nums(current),
            "f_obs": nums(f_obs), "f_exp": nums(f_exp), "statistic": num(result.statistic),
            "pvalue": num(result.pvalue), "df": int(keep.sum() - 1)}


def chisquare_cases():
    rng = np.random.default_rng(7)
    many_ref = rng.integers(5, 60, 60)
    many_cur = np.maximum(many_ref + rng.integers(-6, 7, 60), 0)
    return [
        chisquare_drift("shifted", [50, 30, 20, 10], [40, 45, 5, 12]),
        chisquare_drift("empty_current_category", [50, 30, 20], [60, 40, 0]),
        chisquare_drift("empty_reference_category", [50, 0, 30, 20], [40, 9, 35, 25]),
        chisquare_drift("same_shares", [10, 20, 30], [20, 40, 60]),
        chisquare_drift("many_categories", many_ref, many_cur),
        chisquare_drift("huge_shift", [5000, 5000], [9000, 1000]),
        chisquare_drift("tiny_p", [1000, 1000, 1000], [1550, 1000, 450]),
    ]


def ztest_cases():
    out = []
    for x1, n1, x2, n2 in [(30, 100, 45, 120), (5, 10, 5, 10), (0, 50, 3, 40), (1, 7, 6, 7),
                           (500, 1000, 480, 1000), (2000, 4000, 1050, 4000), (0, 20, 0, 30),
                           (7, 7, 9, 9)]:
        with np.errstate(divide="ignore", invalid="ignore"):
            z, p = proportions_ztest([x1, x2], [n1, n2])
        out.append({"x1": x1, "n1": n1, "x2": x2, "n2": n2, "statistic": num(z),
                    "pvalue": num(p)})
    return out


# ---------------------------------------------------------------------------------------------
# Distances and binning


def wasserstein_case(name, ref, cur):
    ref = np.asarray(ref, dtype=float)
    cur = np.asarray(cur, dtype=float)
    distance = stats.wasserstein_distance(ref, cur)
    std = np.std(ref)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = distance / std
    return {"name": name, "reference": nums(ref), "current": nums(cur),
            "distance": num(distance), "std": num(std), "statistic": num(ratio)}


def wasserstein_cases():
    rng = np.random.default_rng(3)
    ref = rng.normal(size=300)
    return [
        wasserstein_case("shift", ref, rng.normal(0.4, 1.1, size=250)),
        wasserstein_case("ties", [1, 1, 2, 2, 2, 3, 9], [1, 2, 2, 5, 5]),
        wasserstein_case("identical", ref, ref[::-1]),
        wasserstein_case("scaled", rng.exponential(size=1500) * 1e6,
                         rng.exponential(size=900) * 1.2e6),
        wasserstein_case("single", [2.0], [5.5]),
    ]


def shares(counts):
    total = counts.sum()
    s = counts / total
    return np.where(s == 0, EMPTY_SHARE, s)


def psi(ref_shares, cur_shares):
    return np.sum((cur_shares - ref_shares) * np.log(cur_shares / ref_shares))


def binned_case(name, ref, cur):
    ref = np.asarray(ref, dtype=float)
    cur = np.asarray(cur, dtype=float)
    edges = np.quantile(ref, QUANTILES)
    ref_counts = np.bincount(np.digitize(ref, edges), minlength=10)
    cur_counts = np.bincount(np.digitize(cur, edges), minlength=10)
    p, q = shares(ref_counts), shares(cur_counts)
    return {"name": name, "reference": nums(ref), "current": nums(cur), "edges": nums(edges),
            "reference_counts": ints(ref_counts), "current_counts": ints(cur_counts),
            "psi": num(psi(p, q)), "jensenshannon": num(jensenshannon(p, q))}


def bin_cases():
    rng = np.random.default_rng(11)
    ref = rng.normal(size=500)
    return [
        binned_case("shift", ref, rng.normal(0.5, 1, size=400)),
        binned_case("same", ref, ref),
        binned_case("out_of_range", ref, np.concatenate([ref[:50] * 10, [-1e9, 1e9]])),
        binned_case("ties", rng.integers(0, 8, 137), rng.integers(0, 9, 90)),
        binned_case("few_values", [1.0, 2.0, 2.0, 3.0, 3.0, 3.0, 4.0, 4.0, 4.0, 4.0, 5.0],
                    [5.0, 5.0, 5.0, 1.0]),
        binned_case("one_value", [2.5], [2.5, 3.0]),
        binned_case("two_values", [0.1, 0.7], [0.3, 0.7, 0.9]),
        binned_case("empty_bins", np.repeat([1.0, 2.0, 3.0], [40, 40, 20]),
                    np.repeat([1.0, 3.0], [10, 50])),
    ]


def categorical_case(name, ref_counts, cur_counts):
    ref_counts = np.asarray(ref_counts, dtype=float)
    cur_counts = np.asarray(cur_counts, dtype=float)
    p = shares(ref_counts)
    q = np.where(cur_counts == 0, EMPTY_SHARE, cur_counts / cur_counts.sum())
    return {"name": name, "reference_counts": ints(ref_counts), "current_counts": ints(cur_counts),
            "psi": num(psi(p, q)), "jensenshannon": num(jensenshannon(p, q))}


def categorical_cases():
    return [
        categorical_case("shifted", [50, 30, 20], [20, 30, 50]),
        categorical_case("same", [5, 10, 15], [10, 20, 30]),
        categorical_case("empty_current", [40, 40, 20], [70, 30, 0]),
        categorical_case("many", list(range(1, 31)), list(range(30, 0, -1))),
    ]


# ---------------------------------------------------------------------------------------------
# Whole tables: wine against a shifted copy of itself


def load_wine():
    with open(DATASETS / "wine.csv", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    table = {}
    for c, name in enumerate(header):
        values = [row[c] for row in body]
        try:
            table[name] = np.array([float(v) for v in values])
        except ValueError:
            table[name] = np.array(values, dtype=object)
    return header, table


def with_derived(table):
    """The derived columns the test adds to both tables: binary and few-valued ones."""
    table = dict(table)
    table["high_magnesium"] = np.where(table["magnesium"] > 100, "yes", "no").astype(object)
    table["ash_floor"] = np.floor(table["ash"])
    return table


def take(table, rows):
    return {k: v[rows] for k, v in table.items()}


def shifted_copy(table, rows, shift, cultivar):
    """The current table: rows (with replacement), alcohol shifted, every 10th hue missing,
    cultivar labels drawn afresh (written to the fixture as they are)."""
    cur = take(table, rows)
    cur["alcohol"] = cur["alcohol"] + shift
    hue = cur["hue"].copy()
    hue[np.arange(len(rows)) % 10 == 0] = np.nan
    cur["hue"] = hue
    cur["cultivar"] = np.array(cultivar, dtype=object)
    return cur


def categories_in_order(values):
    seen = []
    for v in values:
        if v not in seen:
            seen.append(v)
    return seen


def expected_column(name, ref, cur, large, dictionary):
    """Mirror of compareColumns' default choice for one column; a categorical column's bins are
    the reference's categories in `dictionary` order (the whole file's order of appearance, as
    the CSV reader builds it)."""
    r = ref[name]
    c = cur[name]
    numeric = r.dtype != object
    if numeric:
        r_ok, c_ok = r[~np.isnan(r)], c[~np.isnan(c)]
        distinct = sorted(set(r_ok.tolist()))
        discrete = len(distinct) <= 5
        labels = distinct
        r_vals, c_vals = list(r_ok), list(c_ok)
    else:
        r_vals, c_vals = list(r), list(c)
        labels = [v for v in dictionary[name] if v in r_vals]
        discrete = True
    out = {"name": name, "reference_missing_rate": float(np.mean(np.isnan(r))) if numeric else 0.0,
           "current_missing_rate": float(np.mean(np.isnan(c))) if numeric else 0.0}
    if discrete:
        ref_counts = np.array([r_vals.count(v) for v in labels], dtype=float)
        cur_counts = np.array([c_vals.count(v) for v in labels], dtype=float)
        new = categories_in_order([v for v in c_vals if v not in labels])
        out["new_categories"] = [str(v) for v in new]
        p = shares(ref_counts)
        q = np.where(cur_counts == 0, EMPTY_SHARE, cur_counts / len(c_vals))
        out["psi"] = num(psi(p, q))
        if large:
            out.update(test="jensen_shannon", statistic=num(jensenshannon(p, q)), pvalue=None,
                       threshold=0.1)
        elif len(labels) <= 2:
            x1 = r_vals.count(labels[-1])
            x2 = c_vals.count(labels[-1])
            z, pv = proportions_ztest([x1, x2], [len(r_vals), len(c_vals)])
            out.update(test="z_proportions", statistic=num(z), pvalue=num(pv), threshold=0.05)
        else:
            res = chisquare_drift(name, ref_counts, cur_counts)
            out.update(test="chi_squared", statistic=res["statistic"], pvalue=res["pvalue"],
                       threshold=0.05)
    else:
        r_arr, c_arr = np.array(r_vals), np.array(c_vals)
        binned = binned_case(name, r_arr, c_arr)
        out["new_categories"] = []
        out["psi"] = binned["psi"]
        if large:
            w = stats.wasserstein_distance(r_arr, c_arr) / np.std(r_arr)
            out.update(test="wasserstein", statistic=num(w), pvalue=None, threshold=0.1)
        else:
            ks = stats.ks_2samp(r_arr, c_arr)
            out.update(test="ks", statistic=num(ks.statistic), pvalue=num(ks.pvalue),
                       threshold=0.05)
    stat, p = out["statistic"], out["pvalue"]
    if out["pvalue"] is None:
        out["drift"] = stat is not None and stat >= out["threshold"]
    else:
        out["drift"] = p is not None and p < out["threshold"]
    return out


def dataset_cases():
    header, wine = load_wine()
    n = len(wine["alcohol"])
    rng = np.random.default_rng(2026)
    base = with_derived(wine)
    dictionary = {k: categories_in_order(v) for k, v in base.items() if v.dtype == object}
    shift = 0.5 * float(np.std(wine["alcohol"]))
    cases = []
    for name, ref_rows, cur_count in [("wine_small", np.arange(n), 150),
                                      ("wine_large", rng.integers(0, n, 2000), 1500)]:
        ref = take(base, ref_rows)
        cur_rows = rng.integers(0, n, cur_count)
        # The cultivar mix moves from about 33/40/27 % to 60/25/15 %, and every 25th row is a
        # cultivar the reference never saw.
        cultivar = rng.choice(["class_0", "class_1", "class_2"], size=cur_count,
                              p=[0.6, 0.25, 0.15]).astype(object)
        cultivar[np.arange(cur_count) % 25 == 0] = "class_new"
        cur = shifted_copy(base, cur_rows, shift, cultivar)
        large = len(ref_rows) > 1000
        columns = header + ["high_magnesium", "ash_floor"]
        cases.append({"name": name, "reference_rows": ints(ref_rows),
                      "current_rows": ints(cur_rows), "alcohol_shift": shift,
                      "current_cultivar": [str(v) for v in cultivar],
                      "columns": [expected_column(c, ref, cur, large, dictionary)
                                  for c in columns]})
    return cases


def main():
    OUT.mkdir(exist_ok=True)
    ks, ks_samples = ks_cases()
    doc = {
        "generator": "tests/data/make_drift_fixtures.py",
        "versions": {"scipy": scipy.__version__, "numpy": np.__version__},
        "empty_share": EMPTY_SHARE,
        "ks": ks,
        "ks_samples": ks_samples,
        "kstwo_sf": kstwo_sf_cases(),
        "chi2_sf": chi2_sf_cases(),
        "norm_sf": norm_sf_cases(),
        "chisquare": chisquare_cases(),
        "ztest": ztest_cases(),
        "wasserstein": wasserstein_cases(),
        "bins": bin_cases(),
        "categorical": categorical_cases(),
        "datasets": dataset_cases(),
    }
    with open(OUT / "drift_statistics.json", "w") as f:
        json.dump(doc, f, indent=None, separators=(",", ":"), allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    main()
