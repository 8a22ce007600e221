#!/usr/bin/python3
"""Writes tests/data/sklearn/teaching.json, the scikit-learn figures for the teaching nodes.

Run with Debian's interpreter (scikit-learn 1.2, numpy 1.24):
    /usr/bin/python3 tests/data/make_teaching_fixtures.py
The data are the bundled CSV files in resources/datasets. Deterministic: fixed seeds only.

Cases:
  clusters_vs_classes  Wine: StandardScaler on the 13 measurements, KMeans(3, random_state=0,
                       n_init=10) on them (the cultivar is never shown to it); adjusted Rand
                       index and NMI against the cultivar, the contingency table (clusters ×
                       classes) and the first rows of PCA(2) of the scaled features; the
                       out-of-fold accuracy of make_pipeline(StandardScaler(),
                       LogisticRegression()) under StratifiedKFold(5) (the scaler refitted on
                       each fold, as Oficina's Cross-validation node refits the recipe).
                       The same steps as resources/examples/wine_clusters_vs_classes.oficina.
  dbscan_noise         Iris: StandardScaler, DBSCAN(eps=0.5, min_samples=5); noise rows and
                       adjusted_rand_score against the species (noise, label -1, as a group).
  tree_depth           validation_curve of DecisionTreeClassifier(random_state=0) over
                       max_depth 1..8 on Wine, cv=StratifiedKFold(5), accuracy.
  polynomial_degree    validation_curve of make_pipeline(StandardScaler(),
                       PolynomialFeatures(include_bias=False), LinearRegression()) over degree
                       1..8 on Diabetes' bmi alone, cv=KFold(5), R².
"""
import csv
import json
import pathlib

import numpy as np
from sklearn.cluster import DBSCAN, KMeans
from sklearn.decomposition import PCA
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.metrics import adjusted_rand_score, accuracy_score, normalized_mutual_info_score
from sklearn.metrics.cluster import contingency_matrix
from sklearn.model_selection import KFold, StratifiedKFold, cross_val_predict, validation_curve
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler
from sklearn.tree import DecisionTreeClassifier

HERE = pathlib.Path(__file__).resolve().parent
DATASETS = HERE.parent.parent / "resources" / "datasets"


def load(name):
    with open(DATASETS / f"{name}.csv", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    return header, body


def floats(a):
    return np.asarray(a, dtype=float).tolist()


def curve(values, train, test):
    return {"values": floats(values),
            "train_mean": floats(train.mean(axis=1)), "train_std": floats(train.std(axis=1)),
            "test_mean": floats(test.mean(axis=1)), "test_std": floats(test.std(axis=1))}


def main():
    _, body = load("wine")
    X = np.array([[float(v) for v in row[:-1]] for row in body])
    y = np.array([row[-1] for row in body])
    classes = sorted(set(y))
    Xs = StandardScaler().fit_transform(X)
    labels = KMeans(n_clusters=3, random_state=0, n_init=10).fit_predict(Xs)
    projection = PCA(n_components=2).fit_transform(Xs)
    oof = cross_val_predict(make_pipeline(StandardScaler(), LogisticRegression()), X, y,
                            cv=StratifiedKFold(5))
    clusters = {
        "ari": adjusted_rand_score(y, labels),
        "nmi": normalized_mutual_info_score(y, labels),
        "classes": classes,
        "labels": [int(v) for v in labels],
        "contingency": contingency_matrix(labels, y).tolist(),
        "projection_head": floats(projection[:5]),
        "accuracy": accuracy_score(y, oof),
    }

    _, body = load("iris")
    Xi = np.array([[float(v) for v in row[:-1]] for row in body])
    yi = np.array([row[-1] for row in body])
    noisy = DBSCAN(eps=0.5, min_samples=5).fit_predict(StandardScaler().fit_transform(Xi))
    dbscan = {"noise": int((noisy == -1).sum()), "ari": adjusted_rand_score(yi, noisy)}

    depths = np.arange(1, 9)
    train, test = validation_curve(DecisionTreeClassifier(random_state=0), X, y,
                                   param_name="max_depth", param_range=depths,
                                   cv=StratifiedKFold(5), scoring="accuracy")
    tree = curve(depths, train, test)

    header, body = load("diabetes")
    bmi = header.index("bmi")
    Xd = np.array([[float(row[bmi])] for row in body])
    yd = np.array([float(row[-1]) for row in body])
    degrees = np.arange(1, 9)
    pipe = make_pipeline(StandardScaler(), PolynomialFeatures(include_bias=False),
                         LinearRegression())
    train, test = validation_curve(pipe, Xd, yd, param_name="polynomialfeatures__degree",
                                   param_range=degrees, cv=KFold(5), scoring="r2")
    poly = curve(degrees, train, test)

    out = {"generator": "tests/data/make_teaching_fixtures.py",
           "clusters_vs_classes": clusters, "dbscan_noise": dbscan, "tree_depth": tree, "polynomial_degree": poly}
    with open(HERE / "sklearn" / "teaching.json", "w") as f:
        json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
