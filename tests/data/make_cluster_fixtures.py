#!/usr/bin/python3
"""Writes the scikit-learn fixtures in tests/data/sklearn/ for clustering and cluster metrics.

Run with Debian's interpreter (scikit-learn 1.2, numpy 1.24, scipy 1.10):
    /usr/bin/python3 tests/data/make_cluster_fixtures.py
The real datasets are read by the tests from resources/datasets (features = every column but
the last); the synthetic ones are written out in full. Deterministic: fixed seeds only.

Files:
  kmeans.json            KMeans with explicit initial centres (rows "init_rows" of the data),
                         Lloyd and Elkan: labels, inertia, centres, n_iter; KMeans(random_state=0,
                         n_init=1 and 3) seeded k-means++ runs; MiniBatchKMeans inertia.
  dbscan.json            DBSCAN labels (-1 = noise) on real and synthetic data.
  agglomerative.json     AgglomerativeClustering labels, children_ and distances_ for every
                         linkage; scipy's linkage matrix for the same data.
  cluster_metrics.json   silhouette (full and sampled), Davies-Bouldin, Calinski-Harabasz,
                         adjusted Rand index and normalized mutual information.
"""
import csv
import json
import pathlib
import warnings

import numpy as np
from scipy.cluster import hierarchy
from sklearn.cluster import DBSCAN, AgglomerativeClustering, KMeans, MiniBatchKMeans
from sklearn.datasets import make_blobs, make_moons
from sklearn.metrics import (
    adjusted_rand_score,
    calinski_harabasz_score,
    davies_bouldin_score,
    normalized_mutual_info_score,
    silhouette_score,
)

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "sklearn"
DATASETS = HERE.parent.parent / "resources" / "datasets"


def load(name):
    with open(DATASETS / f"{name}.csv", newline="") as f:
        rows = list(csv.reader(f))
    body = rows[1:]
    X = np.array([[float(v) for v in row[:-1]] for row in body])
    y = np.array([row[-1] for row in body])
    return X, y


def floats(a):
    return np.asarray(a, dtype=float).tolist()


def ints(a):
    return [int(v) for v in np.asarray(a).ravel()]


def write(name, cases):
    with open(OUT / name, "w") as f:
        json.dump({"generator": "tests/data/make_cluster_fixtures.py", "cases": cases}, f)
        f.write("\n")


def synthetic():
    moons, _ = make_moons(n_samples=1000, noise=0.08, random_state=0)
    blobs, _ = make_blobs(n_samples=600, centers=4, n_features=3, cluster_std=1.2,
                          random_state=1)
    return {"moons": moons, "blobs": blobs}


def kmeans_cases():
    cases = []
    for name, k in [("iris", 3), ("wine", 3), ("breast_cancer", 2), ("digits", 10)]:
        X, _ = load(name)
        rows = np.random.RandomState(42).choice(X.shape[0], k, replace=False)
        for algorithm in ("lloyd", "elkan"):
            km = KMeans(n_clusters=k, init=X[rows], n_init=1, algorithm=algorithm).fit(X)
            cases.append({"dataset": name, "kind": "explicit", "algorithm": algorithm,
                          "k": k, "init_rows": ints(rows), "labels": ints(km.labels_),
                          "inertia": float(km.inertia_), "centers": floats(km.cluster_centers_),
                          "n_iter": int(km.n_iter_)})
        for n_init in (1, 3):
            km = KMeans(n_clusters=k, n_init=n_init, random_state=0).fit(X)
            cases.append({"dataset": name, "kind": "seeded", "algorithm": "lloyd", "k": k,
                          "n_init": n_init, "seed": 0, "labels": ints(km.labels_),
                          "inertia": float(km.inertia_), "centers": floats(km.cluster_centers_),
                          "n_iter": int(km.n_iter_)})
        mb = MiniBatchKMeans(n_clusters=k, batch_size=256, n_init=1, random_state=0).fit(X)
        cases.append({"dataset": name, "kind": "minibatch", "k": k, "batch_size": 256,
                      "inertia": float(mb.inertia_)})
    return cases


def dbscan_cases(data):
    cases = []
    for name, eps, min_samples in [("iris", 0.5, 5), ("iris", 0.3, 4), ("wine", 30.0, 5),
                                   ("breast_cancer", 60.0, 5)]:
        X, _ = load(name)
        labels = DBSCAN(eps=eps, min_samples=min_samples).fit(X).labels_
        cases.append({"dataset": name, "eps": eps, "min_samples": min_samples,
                      "labels": ints(labels)})
    for name, eps, min_samples in [("moons", 0.1, 5), ("moons", 0.05, 8), ("blobs", 0.8, 5)]:
        X = data[name]
        labels = DBSCAN(eps=eps, min_samples=min_samples).fit(X).labels_
        cases.append({"dataset": name, "X": floats(X), "eps": eps, "min_samples": min_samples,
                      "labels": ints(labels)})
    return cases


def agglomerative_cases(data):
    cases = []
    inputs = [("iris", load("iris")[0], 3), ("wine", load("wine")[0], 3),
              ("moons", data["moons"][:400], 2)]
    for name, X, k in inputs:
        for linkage in ("ward", "complete", "average", "single"):
            model = AgglomerativeClustering(n_clusters=k, linkage=linkage,
                                            compute_distances=True).fit(X)
            Z = hierarchy.linkage(X, method=linkage)
            case = {"dataset": name, "linkage": linkage, "n_clusters": k,
                    "labels": ints(model.labels_), "children": floats(model.children_),
                    "distances": floats(model.distances_), "scipy_linkage": floats(Z)}
            if name != "iris":
                case["X"] = floats(X)
            cases.append(case)
    X = load("iris")[0]
    for linkage, threshold in [("ward", 10.0), ("average", 1.5)]:
        model = AgglomerativeClustering(n_clusters=None, distance_threshold=threshold,
                                        linkage=linkage).fit(X)
        cases.append({"dataset": "iris", "linkage": linkage, "distance_threshold": threshold,
                      "n_clusters_found": int(model.n_clusters_),
                      "labels": ints(model.labels_)})
    return cases


def metric_cases():
    cases = []
    for name, k in [("iris", 3), ("wine", 3), ("breast_cancer", 2)]:
        X, y = load(name)
        _, truth = np.unique(y, return_inverse=True)
        predicted = KMeans(n_clusters=k, n_init=1, random_state=0).fit(X).labels_
        noisy = np.random.RandomState(0).randint(0, 4, X.shape[0])
        for labelling, labels in [("kmeans", predicted), ("random", noisy), ("truth", truth)]:
            cases.append({
                "dataset": name, "labelling": labelling, "labels": ints(labels),
                "truth": ints(truth),
                "silhouette": float(silhouette_score(X, labels)),
                "silhouette_sampled_100": float(silhouette_score(X, labels, sample_size=100,
                                                                 random_state=0)),
                "davies_bouldin": float(davies_bouldin_score(X, labels)),
                "calinski_harabasz": float(calinski_harabasz_score(X, labels)),
                "ari": float(adjusted_rand_score(truth, labels)),
                "nmi": float(normalized_mutual_info_score(truth, labels)),
            })
    pairs = [([0, 0, 1, 1], [1, 1, 0, 0]), ([0, 0, 0, 0], [0, 0, 0, 0]),
             ([0, 0, 0, 0], [0, 1, 2, 3]), ([0, 1, 2, 0, 1, 2], [0, 0, 1, 1, 2, 2])]
    for truth, labels in pairs:
        cases.append({"dataset": "pairs", "labels": labels, "truth": truth,
                      "ari": float(adjusted_rand_score(truth, labels)),
                      "nmi": float(normalized_mutual_info_score(truth, labels))})
    return cases


def main():
    warnings.simplefilter("ignore")
    data = synthetic()
    write("kmeans.json", kmeans_cases())
    write("dbscan.json", dbscan_cases(data))
    write("agglomerative.json", agglomerative_cases(data))
    write("cluster_metrics.json", metric_cases())


if __name__ == "__main__":
    main()
