#!/usr/bin/python3
"""Writes the scikit-learn / XGBoost fixtures in tests/data/sklearn/ for the tree models.

Run with Debian's interpreter (scikit-learn 1.2, numpy 1.24, xgboost 1.7):
    /usr/bin/python3 tests/data/make_tree_fixtures.py
The data are the bundled CSV files in resources/datasets (last column = target); each case
holds the train/test row indices of train_test_split(test_size=0.25, random_state=0), so the
tests read the same CSV and take the same rows. Deterministic: fixed seeds only.

Files:
  decision_tree.json      DecisionTreeClassifier/Regressor(random_state=0) with several
                          criteria and depths: test predictions (and probabilities), node count,
                          depth, leaves, feature importances and the root split.
  random_forest.json      RandomForestClassifier/Regressor(random_state=0, oob_score=True):
                          test predictions, test score, oob score, importances.
  gradient_boosting.json  xgboost.XGBClassifier/XGBRegressor(tree_method="hist",
                          random_state=0) with the defaults Oficina uses: test predictions,
                          probabilities and score, and XGBoost's own evaluation of the training
                          rows after every round (train_loss: mlogloss, logloss or rmse).
"""
import csv
import json
import pathlib

import numpy as np
import sklearn
import xgboost
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.metrics import accuracy_score, r2_score
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "sklearn"
DATASETS = HERE.parent.parent / "resources" / "datasets"
CLASSIFICATION = ("iris", "wine", "breast_cancer")
REGRESSION = ("diabetes",)


def load(name):
    with open(DATASETS / f"{name}.csv", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    X = np.array([[float(v) for v in row[:-1]] for row in body])
    y = np.array([row[-1] for row in body])
    if name in REGRESSION:
        y = y.astype(float)
    return header[:-1], X, y


def split(n):
    return train_test_split(np.arange(n), test_size=0.25, random_state=0)


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=float).ravel()]


def base_case(name, params, train, test):
    return {"dataset": name, "name": name + "_" + "_".join(f"{k}{v}" for k, v in params.items()),
            "params": params, "train": [int(i) for i in train], "test": [int(i) for i in test]}


def tree_cases():
    cases = []
    for name in CLASSIFICATION + REGRESSION:
        _, X, y = load(name)
        train, test = split(len(y))
        regression = name in REGRESSION
        grid = ([{"criterion": "squared_error"}, {"criterion": "squared_error", "max_depth": 4},
                 {"criterion": "squared_error", "min_samples_leaf": 5}] if regression else
                [{"criterion": "gini"}, {"criterion": "entropy"},
                 {"criterion": "gini", "max_depth": 3},
                 {"criterion": "gini", "min_samples_split": 10, "min_samples_leaf": 3},
                 {"criterion": "gini", "max_features": "sqrt"}])
        for params in grid:
            cls = DecisionTreeRegressor if regression else DecisionTreeClassifier
            model = cls(random_state=0, **params).fit(X[train], y[train])
            case = base_case(name, params, train, test)
            t = model.tree_
            case.update({
                "regression": regression,
                "predict": floats(model.predict(X[test])) if regression
                else [str(v) for v in model.predict(X[test])],
                "score": float(model.score(X[test], y[test])),
                "node_count": int(t.node_count),
                "depth": int(model.get_depth()),
                "leaves": int(model.get_n_leaves()),
                "importances": floats(model.feature_importances_),
                "root": {"feature": int(t.feature[0]), "threshold": float(t.threshold[0]),
                         "impurity": float(t.impurity[0]), "samples": int(t.n_node_samples[0])},
            })
            if not regression:
                case["classes"] = [str(c) for c in model.classes_]
                case["proba"] = floats(model.predict_proba(X[test]))
            cases.append(case)
    return cases


def forest_cases():
    cases = []
    for name in CLASSIFICATION + REGRESSION:
        _, X, y = load(name)
        train, test = split(len(y))
        regression = name in REGRESSION
        cls = RandomForestRegressor if regression else RandomForestClassifier
        params = {"n_estimators": 100}
        model = cls(random_state=0, oob_score=True, **params).fit(X[train], y[train])
        case = base_case(name, params, train, test)
        case.update({
            "regression": regression,
            "predict": floats(model.predict(X[test])) if regression
            else [str(v) for v in model.predict(X[test])],
            "score": float(model.score(X[test], y[test])),
            "oob_score": float(model.oob_score_),
            "importances": floats(model.feature_importances_),
        })
        if not regression:
            case["proba"] = floats(model.predict_proba(X[test]))
        cases.append(case)
    return cases


def boosting_cases():
    cases = []
    for name in CLASSIFICATION + REGRESSION:
        _, X, y = load(name)
        train, test = split(len(y))
        regression = name in REGRESSION
        params = {"n_estimators": 100, "learning_rate": 0.3, "max_depth": 6}
        case = base_case(name, params, train, test)
        if regression:
            model = xgboost.XGBRegressor(tree_method="hist", random_state=0, **params)
            model.fit(X[train], y[train], eval_set=[(X[train], y[train])], verbose=False)
            predicted = model.predict(X[test])
            case.update({"regression": True, "predict": floats(predicted),
                         "score": float(r2_score(y[test], predicted))})
        else:
            classes, codes = np.unique(y, return_inverse=True)
            model = xgboost.XGBClassifier(tree_method="hist", random_state=0, **params)
            model.fit(X[train], codes[train], eval_set=[(X[train], codes[train])], verbose=False)
            proba = model.predict_proba(X[test])
            predicted = classes[proba.argmax(axis=1)]
            case.update({"regression": False, "classes": [str(c) for c in classes],
                         "predict": [str(v) for v in predicted], "proba": floats(proba),
                         "score": float(accuracy_score(y[test], predicted))})
        (losses,) = model.evals_result()["validation_0"].values()
        case["train_loss"] = floats(losses)
        cases.append(case)
    return cases


def write(name, cases):
    OUT.mkdir(exist_ok=True)
    head = {"generator": "tests/data/make_tree_fixtures.py", "sklearn": sklearn.__version__,
            "xgboost": xgboost.__version__, "numpy": np.__version__}
    dump = lambda value: json.dumps(value, separators=(",", ":"), allow_nan=False)
    with open(OUT / name, "w") as f:
        f.write("{\n")
        for key, value in head.items():
            f.write(f"{dump(key)}:{dump(value)},\n")
        f.write('"cases":[\n')
        f.write(",\n".join(dump(case) for case in cases))
        f.write("\n]}\n")


def main():
    write("decision_tree.json", tree_cases())
    write("random_forest.json", forest_cases())
    write("gradient_boosting.json", boosting_cases())


if __name__ == "__main__":
    main()
