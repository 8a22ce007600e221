"""Linear models (see sk_reference.py)."""
import numpy as np


def logreg(b):
    from sklearn.linear_model import LogisticRegression
    Xtr, Xte, ytr, yte = b.split_xy(b.load("clf_200k.csv"), "label")
    data_rss = b.rss_mb()
    m = LogisticRegression(solver="lbfgs", max_iter=200)
    t0 = b.pc(); m.fit(Xtr, ytr); t = b.pc() - t0
    b.out(t, f"acc:{(m.predict(Xte) == yte).mean():.4f}", data_rss, n_iter=int(m.n_iter_[0]))


TASKS = {"logreg": logreg}
