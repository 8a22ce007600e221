"""Linear models (see sk_reference.py)."""
import numpy as np


def logreg(b):
    from sklearn.linear_model import LogisticRegression
    Xtr, Xte, ytr, yte = b.split_xy(b.load("clf_200k.csv"), "label")
    data_rss = b.rss_mb()
    m = LogisticRegression(solver="lbfgs", max_iter=200)
    t0 = b.pc(); m.fit(Xtr, ytr); t = b.pc() - t0
    b.out(t, f"acc:{(m.predict(Xte) == yte).mean():.4f}", data_rss, n_iter=int(m.n_iter_[0]))


def _regression(b, model):
    Xtr, Xte, ytr, yte = b.split_xy(b.load("reg_200k.csv"), "target")
    data_rss = b.rss_mb()
    t0 = b.pc(); model.fit(Xtr, ytr); t = b.pc() - t0
    b.out(t, f"r2:{model.score(Xte, yte):.4f}", data_rss)


def linreg(b):
    from sklearn.linear_model import LinearRegression
    _regression(b, LinearRegression())


def ridge(b):
    from sklearn.linear_model import Ridge
    _regression(b, Ridge())


def linear_svc(b):
    import warnings
    from sklearn.svm import LinearSVC
    Xtr, Xte, ytr, yte = b.split_xy(b.load("clf_200k.csv"), "label")
    data_rss = b.rss_mb()
    m = LinearSVC(random_state=0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t0 = b.pc(); m.fit(Xtr, ytr); t = b.pc() - t0
    b.out(t, f"acc:{(m.predict(Xte) == yte).mean():.4f}", data_rss,
          converged=int(not caught))


TASKS = {"logreg": logreg, "linreg": linreg, "ridge": ridge, "linear_svc": linear_svc}
