#!/usr/bin/python3
"""Reference results for tests/cli/tst_cli.cpp: the Iris example pipeline done in scikit-learn.

Run with Debian's interpreter (python3-sklearn 1.2): /usr/bin/python3 make_cli_fixtures.py
Writes sklearn/iris_cli.json. Same split (train_test_split, same seed), StandardScaler fitted on
the training rows, LogisticRegression with its defaults, scored on the test rows.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
iris = pd.read_csv(os.path.join(HERE, "../../resources/datasets/iris.csv"))
X = iris.drop(columns="species").to_numpy()
y = iris["species"].to_numpy()

cases = []
for test_size, seed, stratify in [(0.25, 0, False), (0.3, 42, True), (0.5, 7, False)]:
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=test_size, random_state=seed, stratify=y if stratify else None)
    scaler = StandardScaler().fit(X_train)
    model = LogisticRegression().fit(scaler.transform(X_train), y_train)
    predicted = model.predict(scaler.transform(X_test))
    labels = sorted(set(y))
    cases.append({
        "test_size": test_size,
        "seed": seed,
        "stratify": stratify,
        "test_rows": len(y_test),
        "truth": list(y_test),
        "predicted": list(predicted),
        "labels": labels,
        "accuracy": accuracy_score(y_test, predicted),
        "f1_macro": f1_score(y_test, predicted, average="macro"),
        "confusion_matrix": confusion_matrix(y_test, predicted, labels=labels).tolist(),
    })

with open(os.path.join(HERE, "sklearn/iris_cli.json"), "w") as out:
    json.dump({"sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases}, out,
              indent=1)
    out.write("\n")
