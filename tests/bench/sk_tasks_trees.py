"""Trees (see sk_reference.py): CART, a 100-tree forest on 2 threads, and gradient boosting
(scikit-learn's HistGradientBoostingClassifier and XGBoost's XGBClassifier(tree_method="hist"),
both on 2 threads with XGBoost's default 100 rounds)."""


def _acc(m, Xte, yte):
    return f"acc:{(m.predict(Xte) == yte).mean():.4f}"


def tree(b):
    from sklearn.tree import DecisionTreeClassifier
    Xtr, Xte, ytr, yte = b.split_xy(b.load("clf_200k.csv"), "label")
    data_rss = b.rss_mb()
    m = DecisionTreeClassifier(random_state=0)
    t0 = b.pc(); m.fit(Xtr, ytr); t = b.pc() - t0
    b.out(t, _acc(m, Xte, yte), data_rss, nodes=m.tree_.node_count)


def forest(b):
    from sklearn.ensemble import RandomForestClassifier
    Xtr, Xte, ytr, yte = b.split_xy(b.load("clf_200k.csv"), "label")
    data_rss = b.rss_mb()
    m = RandomForestClassifier(n_estimators=100, n_jobs=2, random_state=0)
    t0 = b.pc(); m.fit(Xtr, ytr); t = b.pc() - t0
    b.out(t, _acc(m, Xte, yte), data_rss)


def gbt_hgb(b):
    import os
    os.environ.setdefault("OMP_NUM_THREADS", "2")
    from sklearn.ensemble import HistGradientBoostingClassifier
    Xtr, Xte, ytr, yte = b.split_xy(b.load("clf_200k.csv"), "label")
    data_rss = b.rss_mb()
    m = HistGradientBoostingClassifier(max_iter=100, early_stopping=False, random_state=0)
    t0 = b.pc(); m.fit(Xtr, ytr); t = b.pc() - t0
    b.out(t, _acc(m, Xte, yte), data_rss, rounds=m.n_iter_)


def gbt_xgb(b):
    from xgboost import XGBClassifier
    Xtr, Xte, ytr, yte = b.split_xy(b.load("clf_200k.csv"), "label")
    data_rss = b.rss_mb()
    m = XGBClassifier(tree_method="hist", n_jobs=2, random_state=0)
    t0 = b.pc(); m.fit(Xtr, ytr); t = b.pc() - t0
    b.out(t, _acc(m, Xte, yte), data_rss, rounds=m.n_estimators)


TASKS = {"tree": tree, "forest": forest, "gbt_hgb": gbt_hgb, "gbt_xgb": gbt_xgb}
