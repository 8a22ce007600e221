#!/usr/bin/python3
"""Writes tests/data/sklearn/examples.json: scikit-learn's figures for the bundled examples that
tests/cli/tst_cli.cpp runs headless (classroomExamplesMatchScikitLearn).

Run with Debian's interpreter (scikit-learn 1.2): /usr/bin/python3 tests/data/make_example_fixtures.py
Each case does the example's steps on the same CSV file, with the same split (Oficina's split
reproduces train_test_split's rows for the same seed) and the same folds (StratifiedKFold(5)
without shuffling, as the Compare models and Cross-validation nodes use on all the rows).
"""
import csv
import json
import pathlib

import numpy as np
from sklearn.cluster import KMeans
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import (accuracy_score, adjusted_rand_score, mean_squared_error, r2_score,
                             silhouette_score)
from sklearn.model_selection import (StratifiedKFold, cross_val_score, train_test_split,
                                     validation_curve)
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.tree import DecisionTreeClassifier

HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE / "../../resources/datasets"
MISSING = {"", "NA", "?"}


def read(name, target):
    with open(DATA / name, newline="") as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    t = header.index(target)
    return header, rows, t


def numeric(name, target):
    header, rows, t = read(name, target)
    X = np.array([[float(v) for i, v in enumerate(r) if i != t] for r in rows])
    y = np.array([r[t] for r in rows])
    return X, y


cases = {}
folds = StratifiedKFold(5)

X, y = numeric("iris.csv", "species")
Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
logreg = make_pipeline(StandardScaler(), LogisticRegression())
tree = DecisionTreeClassifier(max_depth=3, random_state=0)
cases["iris_lr_vs_tree"] = {
    "logreg_test_accuracy": accuracy_score(yte, logreg.fit(Xtr, ytr).predict(Xte)),
    "tree_test_accuracy": accuracy_score(yte, tree.fit(Xtr, ytr).predict(Xte)),
    "logreg_cv_accuracy": cross_val_score(logreg, X, y, cv=folds).mean(),
    "tree_cv_accuracy": cross_val_score(tree, X, y, cv=folds).mean(),
}
train, test = validation_curve(DecisionTreeClassifier(random_state=0), X, y,
                               param_name="max_depth", param_range=range(1, 9), cv=folds)
cases["iris_lr_vs_tree"]["depth_train_accuracy"] = list(train.mean(axis=1))
cases["iris_lr_vs_tree"]["depth_validation_accuracy"] = list(test.mean(axis=1))

# K-Means on the scaled Iris measurements (one k-means++ start, seed 0, as the example).
X, y = numeric("iris.csv", "species")
scaled = StandardScaler().fit_transform(X)
labels = KMeans(3, n_init=1, random_state=0).fit_predict(scaled)
cases["iris_clustering"] = {"silhouette": silhouette_score(scaled, labels),
                            "ari": adjusted_rand_score(y, labels)}

X, y = numeric("diabetes.csv", "progression")
y = y.astype(float)
Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.25, random_state=0)
predicted = make_pipeline(StandardScaler(), Ridge(alpha=1.0)).fit(Xtr, ytr).predict(Xte)
cases["diabetes_regression"] = {"r2": r2_score(yte, predicted),
                                "rmse": mean_squared_error(yte, predicted) ** 0.5}

X, y = numeric("breast_cancer.csv", "diagnosis")
Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
cases["breast_cancer_cv_onnx"] = {
    "test_accuracy": accuracy_score(yte, logreg.fit(Xtr, ytr).predict(Xte)),
    "cv_accuracy": cross_val_score(logreg, X, y, cv=folds).mean(),
}

# The cleaning example: duplicates dropped (first kept), then rows whose magnesium lies beyond
# 3 IQRs of the quartiles (numpy's linear percentiles; missing cells never count), then the
# split, imputers, one-hot encoding of colour, scaler and logistic regression.
header, rows, t = read("wine_messy.csv", "cultivar")
seen, unique = set(), []
for r in rows:
    if tuple(r) not in seen:
        seen.add(tuple(r))
        unique.append(r)
mg = header.index("magnesium")
values = np.array([float(r[mg]) for r in unique if r[mg] not in MISSING])
q1, q3 = np.percentile(values, [25, 75])
low, high = q1 - 3 * (q3 - q1), q3 + 3 * (q3 - q1)
kept = [r for r in unique if r[mg] in MISSING or low <= float(r[mg]) <= high]
colour = header.index("colour")
num_cols = [i for i in range(len(header)) if i not in (t, colour)]
Xn = np.array([[np.nan if r[i] in MISSING else float(r[i]) for i in num_cols] for r in kept])
Xc = np.array([[np.nan if r[colour] in MISSING else r[colour]] for r in kept], dtype=object)
y = np.array([r[t] for r in kept])
idx_tr, idx_te = train_test_split(np.arange(len(y)), test_size=0.25, stratify=y, random_state=0)
num = SimpleImputer(strategy="median").fit(Xn[idx_tr])
cat = SimpleImputer(strategy="most_frequent").fit(Xc[idx_tr])
onehot = OneHotEncoder(handle_unknown="ignore").fit(cat.transform(Xc[idx_tr]))


def features(idx):
    return np.hstack([num.transform(Xn[idx]),
                      onehot.transform(cat.transform(Xc[idx])).toarray()])


model = make_pipeline(StandardScaler(), LogisticRegression()).fit(features(idx_tr), y[idx_tr])
cases["wine_cleaning"] = {
    "rows": len(rows), "after_duplicates": len(unique), "after_outliers": len(kept),
    "test_accuracy": accuracy_score(y[idx_te], model.predict(features(idx_te))),
}

out = HERE / "sklearn/examples.json"
out.write_text(json.dumps(cases, indent=2) + "\n")
print(json.dumps(cases, indent=2))
