#!/usr/bin/python3
"""Writes the fixtures in tests/data/sklearn/ for the cleaning nodes, imputer, encoders and t-SNE.

Run with Debian's interpreter (scikit-learn 1.2, pandas 1.5, numpy 1.24):
    /usr/bin/python3 tests/data/make_clean_fixtures.py
Each file holds the exact inputs (so the tests need no CSV reader, except t-SNE, which reads the
bundled datasets) and the reference outputs. JSON has no NaN: a missing value is null.

Files:
  row_filters.json  iris with missing cells, an all-missing row and repeated rows; the rows that
                    pandas keeps for dropna (how, thresh, subset), drop_duplicates (subset,
                    keep), boolean masks for conditions, and z-score (np.nanmean/np.nanstd,
                    ddof 0) and IQR (np.nanpercentile, linear) outlier rules.
  imputer.json      wine with NaN injected, an all-missing column, tie-breaking columns and
                    categorical columns; SimpleImputer for every strategy on the numeric part
                    (float array) and the categorical part (object array).
  encoders.json     categorical features derived from wine (train_test_split, random_state=0),
                    unseen categories in the test rows; OneHotEncoder (drop none/first/if_binary,
                    handle_unknown ignore) and OrdinalEncoder (use_encoded_value, -1).
  tsne.json         TSNE(random_state=0) defaults, barnes_hut and exact, on iris and on the first
                    500 rows of digits: trustworthiness (5 neighbours) and final KL divergence;
                    and trustworthiness itself on fixed embeddings (two raw columns with a tiny
                    tie-breaking ramp, and the first two principal components).
"""
import csv
import json
import pathlib
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn.impute import SimpleImputer
from sklearn.manifold import TSNE, trustworthiness
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "sklearn"
DATASETS = HERE.parent.parent / "resources" / "datasets"


def load(name):
    with open(DATASETS / f"{name}.csv", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    X = np.array([[float(v) for v in row[:-1]] for row in body])
    y = np.array([row[-1] for row in body], dtype=object)
    return header[:-1], X, y


def floats(a):
    a = np.asarray(a, dtype=float)
    if a.ndim == 0:
        return None if np.isnan(a) else float(a)
    return [floats(v) for v in a]


def labels(values):
    return [None if (v is None or (isinstance(v, float) and np.isnan(v))) else str(v)
            for v in values]


# ---- row filters ------------------------------------------------------------------------------

def filter_table():
    features, X, y = load("iris")
    df = pd.DataFrame(X, columns=features)
    df["species"] = pd.Series(y, dtype=object)
    df.iloc[3, 0] = np.nan
    df.iloc[7, 0] = np.nan
    df.iloc[7, 2] = np.nan
    df.iloc[20, 1] = np.nan
    df.iloc[33, 4] = None
    df.iloc[60, 4] = None
    df.iloc[60, 3] = np.nan
    df.iloc[90, 0:4] = np.nan
    df.iloc[90, 4] = None          # all missing
    df.iloc[95, 0:3] = np.nan      # one value left
    extra = df.iloc[[10, 50, 60, 90, 10]].copy()  # repeats, missing cells included
    extra.iloc[1, 4] = "virginica"  # same numbers as row 50, other label
    df = pd.concat([df, extra], ignore_index=True)
    df.iloc[5, 1] = 40.0            # a wild value for the outlier rules
    return features, df


def kept(df, mask_or_frame):
    if isinstance(mask_or_frame, pd.DataFrame):
        return [int(i) for i in mask_or_frame.index]
    return [int(i) for i in np.flatnonzero(np.asarray(mask_or_frame))]


def outlier_mask(df, columns, method, cut):
    keep = np.ones(len(df), dtype=bool)
    for c in columns:
        x = df[c].to_numpy(dtype=float)
        if method == "zscore":
            sd = np.nanstd(x)
            if sd > 0:
                with np.errstate(invalid="ignore"):
                    keep &= ~(np.abs(x - np.nanmean(x)) / sd > cut)
        else:
            q1, q3 = np.nanpercentile(x, [25, 75])
            iqr = q3 - q1
            with np.errstate(invalid="ignore"):
                keep &= ~((x < q1 - cut * iqr) | (x > q3 + cut * iqr))
    return keep


def filter_cases():
    features, df = filter_table()
    s = df["species"]
    cases = [
        {"name": "dropna_any", "kind": "dropna", "how": "any", "thresh": 0, "subset": [],
         "kept": kept(df, df.dropna(how="any"))},
        {"name": "dropna_all", "kind": "dropna", "how": "all", "thresh": 0, "subset": [],
         "kept": kept(df, df.dropna(how="all"))},
        {"name": "dropna_thresh4", "kind": "dropna", "how": "any", "thresh": 4, "subset": [],
         "kept": kept(df, df.dropna(thresh=4))},
        {"name": "dropna_subset", "kind": "dropna", "how": "any", "thresh": 0,
         "subset": [features[0], "species"],
         "kept": kept(df, df.dropna(subset=[features[0], "species"]))},
        {"name": "dropna_subset_all", "kind": "dropna", "how": "all", "thresh": 0,
         "subset": [features[0], features[2]],
         "kept": kept(df, df.dropna(how="all", subset=[features[0], features[2]]))},
    ]
    for keep in ("first", "last", False):
        cases.append({"name": f"duplicates_{keep}", "kind": "duplicates", "subset": [],
                      "keep": "none" if keep is False else keep,
                      "kept": kept(df, df.drop_duplicates(keep=keep))})
    cases.append({"name": "duplicates_species_last", "kind": "duplicates",
                  "subset": ["species"], "keep": "last",
                  "kept": kept(df, df.drop_duplicates(subset=["species"], keep="last"))})
    cases.append({"name": "duplicates_numbers_first", "kind": "duplicates",
                  "subset": features, "keep": "first",
                  "kept": kept(df, df.drop_duplicates(subset=features))})
    for name, columns, method, cut in (
            ("zscore_all", [], "zscore", 3.0), ("zscore_width_2", [features[1]], "zscore", 2.0),
            ("iqr_all", [], "iqr", 1.5), ("iqr_width_1", [features[1]], "iqr", 1.0)):
        cases.append({"name": name, "kind": "outliers", "method": method, "cut": cut,
                      "columns": columns,
                      "kept": kept(df, outlier_mask(df, columns or features, method, cut))})
    x0 = df[features[0]]
    conditions = [
        ("gt", features[0], "5.8", x0 > 5.8), ("le", features[0], "5", x0 <= 5.0),
        ("lt", features[0], "5", x0 < 5.0), ("ge", features[0], "7.7", x0 >= 7.7),
        ("eq", features[0], "5.1", x0 == 5.1), ("ne", features[0], "5.1", x0 != 5.1),
        ("eq", "species", "setosa", s == "setosa"), ("ne", "species", "setosa", s != "setosa"),
        ("contains", "species", "ver", s.str.contains("ver", na=False)),
        ("is_missing", "species", "", s.isna()), ("not_missing", features[0], "", x0.notna()),
    ]
    for op, column, value, mask in conditions:
        cases.append({"name": f"filter_{op}_{column.split()[0]}", "kind": "filter",
                      "column": column, "operator": op, "value": value,
                      "kept": kept(df, mask)})
    data = {"features": features,
            "X": floats(df[features].to_numpy(dtype=float)),
            "species": labels(df["species"])}
    return data, cases


# ---- imputer ----------------------------------------------------------------------------------

def imputer_data():
    features, X, y = load("wine")
    X = X.copy()
    rng = np.random.RandomState(0)
    for i, j in zip(rng.randint(0, X.shape[0], 60), rng.randint(0, X.shape[1], 60)):
        X[i, j] = np.nan
    n = X.shape[0]
    tie = np.where(np.arange(n) % 2 == 0, 5.0, 2.0)
    tie[[0, 1]] = np.nan              # 88 fives, 88 twos: the tie goes to 2
    empty = np.full(n, np.nan)
    numeric = np.column_stack([X, tie, empty])
    numeric_names = features + ["tie_num", "empty_num"]
    cultivar = y.copy()
    cultivar[rng.choice(n, 15, replace=False)] = np.nan
    tie_cat = np.where(np.arange(n) % 2 == 0, "z", "y").astype(object)
    tie_cat[[2, 3]] = np.nan
    empty_cat = np.full(n, np.nan, dtype=object)
    categorical = np.column_stack([cultivar, tie_cat, empty_cat])
    categorical_names = ["cultivar", "tie_cat", "empty_cat"]
    return numeric_names, numeric, categorical_names, categorical


def imputer_cases():
    numeric_names, numeric, categorical_names, categorical = imputer_data()
    cases = []
    settings = [("mean", None), ("median", None), ("most_frequent", None), ("constant", None),
                ("constant", "-1.5")]
    for strategy, fill in settings:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Skipping features without any observed values"
            kwargs = {"strategy": strategy}
            if fill is not None:
                kwargs["fill_value"] = float(fill)
            num = SimpleImputer(**kwargs).fit(numeric)
            case = {"name": f"{strategy}{'' if fill is None else '_fill'}",
                    "strategy": strategy, "fill_value": fill or "",
                    "numeric_kept": [numeric_names[i] for i in range(len(numeric_names))
                                     if strategy == "constant"
                                     or not np.all(np.isnan(numeric[:, i]))],
                    "statistics": floats(num.statistics_),
                    "numeric_out": floats(num.transform(numeric))}
            if strategy in ("most_frequent", "constant"):
                ckw = {"strategy": strategy, "missing_values": np.nan}
                if fill is not None:
                    ckw["fill_value"] = "unknown"
                    case["fill_value_categorical"] = "unknown"
                cat = SimpleImputer(**ckw).fit(categorical)
                case["categorical_kept"] = [categorical_names[i]
                                            for i in range(len(categorical_names))
                                            if strategy == "constant"
                                            or not all(v is np.nan or v != v
                                                       for v in categorical[:, i])]
                case["categorical_statistics"] = labels(cat.statistics_)
                case["categorical_out"] = [labels(row) for row in cat.transform(categorical)]
            cases.append(case)
    data = {"numeric_names": numeric_names, "numeric": floats(numeric),
            "categorical_names": categorical_names,
            "categorical": [labels(row) for row in categorical]}
    return data, cases


# ---- encoders ---------------------------------------------------------------------------------

def encoder_data():
    features, X, y = load("wine")
    alcohol = X[:, features.index("alcohol")]
    level = np.where(alcohol < 12.5, "low", np.where(alcohol < 13.5, "mid", "high")).astype(object)
    proline_high = np.where(X[:, features.index("proline")] > 750, "yes", "no").astype(object)
    ash = X[:, features.index("ash")]
    hue = X[:, features.index("hue")]
    table = np.column_stack([y, level, proline_high, ash, hue])
    train, test = train_test_split(table, test_size=0.25, random_state=0)
    test = test.copy()
    test[0, 0] = "class_9"     # unseen categories
    test[3, 1] = "extreme"
    test[5, 0] = "class_9"
    return train, test


def encoder_cases():
    train, test = encoder_data()
    cat_train, cat_test = train[:, :3], test[:, :3]
    names = ["cultivar", "alcohol_level", "proline_high"]
    cases = []
    for drop in (None, "first", "if_binary"):
        enc = OneHotEncoder(handle_unknown="ignore", drop=drop, sparse_output=False)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unknown categories with drop: all zeros
            enc.fit(cat_train)
            out_test = enc.transform(cat_test)
        cases.append({"name": f"one_hot_drop_{drop or 'none'}", "encoder": "one_hot",
                      "drop": drop or "none",
                      "feature_names": [str(f) for f in enc.get_feature_names_out(names)],
                      "train_out": floats(enc.transform(cat_train)),
                      "test_out": floats(out_test)})
    ordinal = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1).fit(cat_train)
    cases.append({"name": "ordinal_use_encoded_value", "encoder": "ordinal",
                  "categories": [[str(c) for c in cats] for cats in ordinal.categories_],
                  "train_out": floats(ordinal.transform(cat_train)),
                  "test_out": floats(ordinal.transform(cat_test))})
    data = {"names": names + ["ash", "hue"],
            "train_labels": [labels(row) for row in cat_train],
            "test_labels": [labels(row) for row in cat_test],
            "train_numbers": floats(train[:, 3:].astype(float)),
            "test_numbers": floats(test[:, 3:].astype(float))}
    return data, cases


# ---- t-SNE ------------------------------------------------------------------------------------

def tsne_cases():
    cases = []
    # trustworthiness itself, on fixed embeddings: two raw columns, and the first two PCs.
    for dataset, rows in (("iris", 150), ("digits", 500)):
        _, X, _ = load(dataset)
        X = X[:rows]
        centred = X - X.mean(axis=0)
        pcs = centred @ np.linalg.svd(centred, full_matrices=False)[2][:2].T
        for embedding, Y in (("columns_0_1", X[:, :2] + 1e-9 * np.arange(rows)[:, None]),
                             ("pca", pcs)):
            for k in (5, 10):
                cases.append({"name": f"trust_{dataset}_{embedding}_{k}", "dataset": dataset,
                              "rows": rows, "method": "none", "embedding": embedding,
                              "neighbours": k, "trustworthiness":
                                  float(trustworthiness(X, Y, n_neighbors=k))})
    for dataset, rows in (("iris", 150), ("digits", 500)):
        _, X, _ = load(dataset)
        X = X[:rows]
        for method in ("barnes_hut", "exact"):
            model = TSNE(random_state=0, method=method, init="pca", learning_rate="auto")
            Y = model.fit_transform(X)
            cases.append({"name": f"{dataset}_{method}", "dataset": dataset, "rows": rows,
                          "method": method,
                          "trustworthiness": float(trustworthiness(X, Y, n_neighbors=5)),
                          "kl_divergence": float(model.kl_divergence_),
                          "n_iter": int(model.n_iter_)})
    return cases


def write(name, cases, shared=None):
    OUT.mkdir(exist_ok=True)
    head = {"generator": "tests/data/make_clean_fixtures.py",
            "sklearn": sklearn.__version__, "numpy": np.__version__, "pandas": pd.__version__,
            **(shared or {})}
    dump = lambda value: json.dumps(value, separators=(",", ":"), allow_nan=False)
    with open(OUT / name, "w") as f:
        f.write("{\n")
        for key, value in head.items():
            f.write(f"{dump(key)}:{dump(value)},\n")
        f.write('"cases":[\n')
        f.write(",\n".join(dump(case) for case in cases))
        f.write("\n]}\n")


def main():
    data, cases = filter_cases()
    write("row_filters.json", cases, {"data": data})
    data, cases = imputer_cases()
    write("imputer.json", cases, {"data": data})
    data, cases = encoder_cases()
    write("encoders.json", cases, {"data": data})
    write("tsne.json", tsne_cases())


if __name__ == "__main__":
    main()
