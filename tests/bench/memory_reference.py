"""The memory bench's task in pandas + scikit-learn: read, split 75/25, fit least squares,
predict the test rows, score. Run by run_memory_bench.sh under /usr/bin/time."""
import sys

import pandas as pd
from sklearn.linear_model import LinearRegression
from sklearn.metrics import r2_score
from sklearn.model_selection import train_test_split

table = pd.read_csv(sys.argv[1])
features = table.drop(columns="y")
train_x, test_x, train_y, test_y = train_test_split(features, table["y"], test_size=0.25,
                                                    random_state=0)
model = LinearRegression().fit(train_x, train_y)
print(r2_score(test_y, model.predict(test_x)))
