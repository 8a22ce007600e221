#!/usr/bin/python3
"""Writes the scikit-learn fixtures in tests/data/sklearn/ for evaluation, naive Bayes and k-NN.

Run with Debian's interpreter (scikit-learn 1.2, numpy 1.24):
    /usr/bin/python3 tests/data/make_eval_fixtures.py
The tests read the datasets from resources/datasets themselves; these files hold the row
indices used and scikit-learn's outputs. Predictions to score are produced here and written
out, so both sides score the very same numbers. JSON has no NaN or infinity. Deterministic.

Files:
  eval_scores.json   for predictions of real models on real datasets: classification scores,
                     log_loss (labels = the model's classes), roc_auc / roc_auc_ovr,
                     average_precision, roc_curve (drop_intermediate=True) and
                     precision_recall_curve per class; r2, mae, mse, rmse for regression.
  eval_naive_bayes.json  GaussianNB (theta_, var_, class_prior_, predict, predict_proba) on a
                     train_test_split(test_size=0.25, random_state=0) of iris, wine, breast
                     cancer and digits; CategoricalNB on digits' pixel values (fit and predict on all
                     rows; probabilities of the first 300).
  eval_knn.json      KNeighborsClassifier (uniform and distance weights) on the same splits,
                     KNeighborsRegressor on diabetes: predict and predict_proba.
  eval_cross_validation.json  cross_val_score of make_pipeline(StandardScaler(),
                     LogisticRegression()) with StratifiedKFold(5) on iris and breast cancer,
                     of make_pipeline(StandardScaler(), KNeighborsRegressor()) with KFold(5) on
                     diabetes (r2), and learning_curve of the logistic pipeline on breast cancer
                     (iris's first training rows hold one class).
"""
import csv
import json
import pathlib

import numpy as np
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.metrics import (
    average_precision_score,
    log_loss,
    mean_absolute_error,
    mean_squared_error,
    precision_recall_curve,
    r2_score,
    roc_auc_score,
    roc_curve,
)
from sklearn.model_selection import (
    KFold,
    StratifiedKFold,
    cross_val_score,
    learning_curve,
    train_test_split,
)
from sklearn.naive_bayes import CategoricalNB, GaussianNB
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "sklearn"
DATASETS = HERE.parent.parent / "resources" / "datasets"


def load(name):
    """X (float) and the target as strings, straight from the bundled CSV (last column)."""
    with open(DATASETS / f"{name}.csv", newline="") as f:
        rows = list(csv.reader(f))
    body = rows[1:]
    X = np.array([[float(v) for v in row[:-1]] for row in body])
    y = np.array([row[-1] for row in body])
    return X, y


def floats(a):
    a = np.asarray(a, dtype=float)
    if a.ndim == 0:
        return float(a)
    return [floats(v) for v in a]


def split(n):
    train, test = train_test_split(np.arange(n), test_size=0.25, random_state=0)
    return train, test


def write(name, payload):
    OUT.mkdir(exist_ok=True)
    with open(OUT / name, "w") as f:
        json.dump(payload, f, indent=None, separators=(",", ":"))
        f.write("\n")


def curves(y, proba, classes):
    out = {}
    targets = range(1, 2) if len(classes) == 2 else range(len(classes))
    for c in targets:
        positive = (y == classes[c]).astype(int)
        fpr, tpr, thr = roc_curve(positive, proba[:, c])
        precision, recall, pthr = precision_recall_curve(positive, proba[:, c])
        out[str(classes[c])] = {"fpr": floats(fpr), "tpr": floats(tpr), "roc_thresholds": floats(thr),
                                "precision": floats(precision), "recall": floats(recall),
                                "pr_thresholds": floats(pthr)}
    return out


def classification_case(name, y, predicted, proba, classes):
    classes = list(classes)
    case = {"name": name, "classes": classes, "y": list(y), "predicted": list(predicted),
            "proba": floats(proba), "log_loss": log_loss(y, proba, labels=classes),
            "curves": curves(y, proba, classes)}
    if len(classes) == 2:
        case["roc_auc"] = roc_auc_score(y == classes[1], proba[:, 1])
        case["average_precision"] = average_precision_score(y == classes[1], proba[:, 1])
    else:
        case["roc_auc_ovr"] = roc_auc_score(y, proba, multi_class="ovr", labels=classes)
    return case


def scores():
    cases = []
    for name in ["breast_cancer", "iris", "wine"]:
        X, y = load(name)
        train, test = split(len(y))
        model = make_pipeline(StandardScaler(), LogisticRegression()).fit(X[train], y[train])
        proba = model.predict_proba(X[test])
        cases.append(classification_case(name + "_logistic", y[test], model.predict(X[test]),
                                          proba, model.classes_))
    # Tied scores: probabilities rounded to one decimal, so thresholds repeat.
    X, y = load("breast_cancer")
    train, test = split(len(y))
    nb = GaussianNB().fit(X[train], y[train])
    proba = np.round(nb.predict_proba(X[test]), 1)
    proba[:, 0] = 1 - proba[:, 1]
    cases.append(classification_case("breast_cancer_rounded", y[test], nb.predict(X[test]), proba,
                                     nb.classes_))
    X, y = load("diabetes")
    y = y.astype(float)
    train, test = split(len(y))
    predicted = LinearRegression().fit(X[train], y[train]).predict(X[test])
    regression = {"name": "diabetes_linear", "y": floats(y[test]), "predicted": floats(predicted),
                  "r2": r2_score(y[test], predicted),
                  "mae": mean_absolute_error(y[test], predicted),
                  "mse": mean_squared_error(y[test], predicted),
                  "rmse": mean_squared_error(y[test], predicted, squared=False)}
    write("eval_scores.json", {"classification": cases, "regression": [regression]})


def naive_bayes():
    cases = []
    for name in ["iris", "wine", "breast_cancer", "digits"]:
        X, y = load(name)
        train, test = split(len(y))
        nb = GaussianNB().fit(X[train], y[train])
        cases.append({"name": name, "train": train.tolist(), "test": test.tolist(),
                      "classes": [str(c) for c in nb.classes_], "theta": floats(nb.theta_),
                      "var": floats(nb.var_), "prior": floats(nb.class_prior_),
                      "predict": [str(v) for v in nb.predict(X[test])],
                      "proba": floats(nb.predict_proba(X[test]))})
    X, y = load("digits")
    cat = CategoricalNB().fit(X.astype(int), y)
    categorical = {"name": "digits_categorical", "classes": [str(c) for c in cat.classes_],
                   "predict": [str(v) for v in cat.predict(X.astype(int))],
                   "proba_first_300": floats(cat.predict_proba(X[:300].astype(int)))}
    write("eval_naive_bayes.json", {"gaussian": cases, "categorical": [categorical]})


def knn():
    cases = []
    for name in ["iris", "wine", "breast_cancer", "digits"]:
        X, y = load(name)
        train, test = split(len(y))
        for weights in ["uniform", "distance"]:
            m = KNeighborsClassifier(weights=weights).fit(X[train], y[train])
            cases.append({"name": f"{name}_{weights}", "dataset": name, "weights": weights,
                          "train": train.tolist(), "test": test.tolist(),
                          "classes": [str(c) for c in m.classes_],
                          "predict": [str(v) for v in m.predict(X[test])],
                          "proba": floats(m.predict_proba(X[test]))})
    regression = []
    X, y = load("diabetes")
    y = y.astype(float)
    train, test = split(len(y))
    for weights in ["uniform", "distance"]:
        m = KNeighborsRegressor(weights=weights).fit(X[train], y[train])
        regression.append({"name": f"diabetes_{weights}", "dataset": "diabetes",
                           "weights": weights, "train": train.tolist(), "test": test.tolist(),
                           "predict": floats(m.predict(X[test]))})
    write("eval_knn.json", {"classifier": cases, "regressor": regression})


def cross_validation():
    cases = []
    for name in ["iris", "breast_cancer"]:
        X, y = load(name)
        pipe = make_pipeline(StandardScaler(), LogisticRegression())
        scores = cross_val_score(pipe, X, y, cv=StratifiedKFold(5))
        cases.append({"name": name, "dataset": name, "scoring": "accuracy",
                      "folds": floats(scores)})
    X, y = load("diabetes")
    pipe = make_pipeline(StandardScaler(), KNeighborsRegressor())
    cases.append({"name": "diabetes_knn", "dataset": "diabetes", "scoring": "r2",
                  "folds": floats(cross_val_score(pipe, X, y.astype(float), cv=KFold(5)))})
    X, y = load("breast_cancer")
    sizes, train_scores, test_scores = learning_curve(
        make_pipeline(StandardScaler(), LogisticRegression()), X, y, cv=5)
    curve = {"dataset": "breast_cancer", "train_sizes": sizes.tolist(),
             "train_mean": floats(train_scores.mean(axis=1)),
             "train_std": floats(train_scores.std(axis=1)),
             "test_mean": floats(test_scores.mean(axis=1)),
             "test_std": floats(test_scores.std(axis=1))}
    write("eval_cross_validation.json", {"cross_val_score": cases, "learning_curve": curve})


if __name__ == "__main__":
    scores()
    naive_bayes()
    knn()
    cross_validation()
