"""Clustering (see sk_reference.py)."""
import numpy as np


def kmeans(b):
    from sklearn.cluster import KMeans
    X = b.load("blobs_1m.csv").to_numpy(dtype=np.float64)
    data_rss = b.rss_mb()
    m = KMeans(n_clusters=8, n_init=1, init="k-means++", algorithm="lloyd", max_iter=100,
               random_state=0)
    t0 = b.pc(); m.fit(X); t = b.pc() - t0
    b.out(t, f"inertia:{m.inertia_:.6g}", data_rss, n_iter=int(m.n_iter_))


def dbscan(b):
    from sklearn.cluster import DBSCAN
    X = b.load("moons_20k.csv").to_numpy(dtype=np.float64)
    data_rss = b.rss_mb()
    t0 = b.pc(); labels = DBSCAN(eps=0.1, min_samples=5).fit(X).labels_; t = b.pc() - t0
    b.out(t, f"clusters:{labels.max() + 1}", data_rss, noise=int((labels == -1).sum()))


def agglomerative(b):
    from sklearn.cluster import AgglomerativeClustering
    X = b.load("moons_20k.csv").to_numpy(dtype=np.float64)[:10000]
    data_rss = b.rss_mb()
    t0 = b.pc(); labels = AgglomerativeClustering(n_clusters=2, linkage="ward").fit(X).labels_
    t = b.pc() - t0
    b.out(t, f"size0:{int((labels == 0).sum())}", data_rss)


TASKS = {"kmeans": kmeans, "dbscan": dbscan, "agglomerative": agglomerative}
