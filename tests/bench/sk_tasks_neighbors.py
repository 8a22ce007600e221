"""k-NN and naive Bayes (see sk_reference.py)."""


def knn(b):
    # Fit (stores the rows) and predict the first 20,000 test rows: the time is fit + predict.
    from sklearn.neighbors import KNeighborsClassifier
    Xtr, Xte, ytr, yte = b.split_xy(b.load("clf_200k.csv"), "label")
    Xq, yq = Xte[:20000], yte[:20000]
    data_rss = b.rss_mb()
    m = KNeighborsClassifier(n_neighbors=5)
    t0 = b.pc(); m.fit(Xtr, ytr); p = m.predict(Xq); t = b.pc() - t0
    b.out(t, f"acc:{(p == yq).mean():.4f}", data_rss, algorithm=m._fit_method)


def gnb(b):
    from sklearn.naive_bayes import GaussianNB
    Xtr, Xte, ytr, yte = b.split_xy(b.load("clf_200k.csv"), "label")
    data_rss = b.rss_mb()
    m = GaussianNB()
    t0 = b.pc(); m.fit(Xtr, ytr); t = b.pc() - t0
    b.out(t, f"acc:{(m.predict(Xte) == yte).mean():.4f}", data_rss)


TASKS = {"knn": knn, "gnb": gnb}
