"""PCA and scalers (see sk_reference.py). blobs_1m.csv: 1,000,000 x 10, no target; every row
is used for fitting, as Oficina's side does."""
import numpy as np


def _blobs(b):
    X = b.load("blobs_1m.csv").to_numpy(dtype=np.float64)
    return X, b.rss_mb()


def pca(b):
    from sklearn.decomposition import PCA
    X, data_rss = _blobs(b)
    m = PCA(n_components=5, random_state=0)  # 'auto' picks the randomized solver here
    t0 = b.pc(); m.fit(X); t = b.pc() - t0
    b.out(t, f"evr:{m.explained_variance_ratio_.sum():.6f}", data_rss, solver=m._fit_svd_solver)


def scale_standard(b):
    from sklearn.preprocessing import StandardScaler
    X, data_rss = _blobs(b)
    m = StandardScaler()
    t0 = b.pc(); m.fit(X); t = b.pc() - t0
    b.out(t, f"scale0:{m.scale_[0]:.6f}", data_rss)


def scale_minmax(b):
    from sklearn.preprocessing import MinMaxScaler
    X, data_rss = _blobs(b)
    m = MinMaxScaler()
    t0 = b.pc(); m.fit(X); t = b.pc() - t0
    b.out(t, f"scale0:{m.scale_[0]:.6f}", data_rss)


TASKS = {"pca": pca, "scale_standard": scale_standard, "scale_minmax": scale_minmax}
