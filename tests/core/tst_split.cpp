// Train/test split and k-fold indices against scikit-learn 1.2: the fixtures come from
// tests/data/make_split_fixtures.py and every index list must match, order included.
#include "data/NumpyRandom.h"
#include "data/Split.h"
#include "util/Error.h"

#include "../JsonFixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <limits>

using namespace oficina::core;

namespace {

// The "cases" of tests/data/split/<file>: an array, or in numpy_random.json an object of arrays.
QJsonValue splitCases(const char* file) {
    return fixture::read(QStringLiteral("split/") + QLatin1String(file))
        .object()
        .value(QLatin1String("cases"));
}

uint32_t seedOf(const QJsonObject& c) {
    return uint32_t(c.value(QLatin1String("seed")).toInteger());
}

QByteArray caseName(const QJsonObject& c, std::initializer_list<const char*> keys) {
    QByteArray name;
    for (const char* key : keys) {
        if (!name.isEmpty()) name += ' ';
        const QJsonValue v = c.value(QLatin1String(key));
        name += key;
        name += '=';
        name += v.isString() ? v.toString().toUtf8()
                : v.isBool() ? QByteArray(v.toBool() ? "true" : "false")
                             : QByteArray::number(v.toDouble());
    }
    return name;
}

void addCases(const char* file, std::initializer_list<const char*> keys) {
    QTest::addColumn<QJsonObject>("testCase");
    for (const QJsonValue& v : splitCases(file).toArray()) {
        const QJsonObject c = v.toObject();
        QTest::newRow(caseName(c, keys).constData()) << c;
    }
}

void compareFolds(const std::vector<TrainTestIndices>& folds, const QJsonArray& expected) {
    QCOMPARE(folds.size(), size_t(expected.size()));
    for (size_t i = 0; i < folds.size(); ++i) {
        const QJsonObject fold = expected[qsizetype(i)].toObject();
        QCOMPARE(folds[i].train, fixture::integers<size_t>(fold.value(QLatin1String("train"))));
        QCOMPARE(folds[i].test, fixture::integers<size_t>(fold.value(QLatin1String("test"))));
    }
}

} // namespace

class TestSplit : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void permutationOfTenWithSeedZero() {
        // np.random.RandomState(0).permutation(10)
        const std::vector<size_t> expected{2, 8, 4, 9, 1, 6, 7, 3, 0, 5};
        QCOMPARE(NumpyRandomState(0).permutation(10), expected);
    }

    void permutation_data() {
        QTest::addColumn<QJsonObject>("testCase");
        for (const QJsonValue& v :
             splitCases("numpy_random.json")[QLatin1String("permutation")].toArray()) {
            const QJsonObject c = v.toObject();
            QTest::newRow(caseName(c, {"seed", "n"}).constData()) << c;
        }
    }
    void permutation() {
        QFETCH(QJsonObject, testCase);
        NumpyRandomState random(seedOf(testCase));
        QCOMPARE(random.permutation(size_t(testCase[QLatin1String("n")].toInteger())),
                 fixture::integers<size_t>(testCase[QLatin1String("result")]));
    }

    void randomInterval_data() {
        QTest::addColumn<QJsonObject>("testCase");
        for (const QJsonValue& v :
             splitCases("numpy_random.json")[QLatin1String("random_interval")].toArray()) {
            const QJsonObject c = v.toObject();
            QTest::newRow(caseName(c, {"seed", "max"}).constData()) << c;
        }
    }
    void randomInterval() {
        QFETCH(QJsonObject, testCase);
        NumpyRandomState random(seedOf(testCase));
        const uint64_t max = testCase[QLatin1String("max")].toString().toULongLong();
        for (const QJsonValue& v : testCase[QLatin1String("result")].toArray())
            QCOMPARE(random.randomInterval(max), v.toString().toULongLong());
    }

    void approximateMode_data() {
        QTest::addColumn<QJsonObject>("testCase");
        for (const QJsonValue& v :
             splitCases("numpy_random.json")[QLatin1String("approximate_mode")].toArray()) {
            const QJsonObject c = v.toObject();
            QTest::newRow(caseName(c, {"draws", "seed"}).constData()) << c;
        }
    }
    void approximateMode() {
        QFETCH(QJsonObject, testCase);
        NumpyRandomState random(seedOf(testCase));
        const auto draws = size_t(testCase[QLatin1String("draws")].toInteger());
        QCOMPARE(oficina::core::approximateMode(
                     fixture::integers<size_t>(testCase[QLatin1String("counts")]), draws, random),
                 fixture::integers<size_t>(testCase[QLatin1String("result")]));
    }

    void trainTestSplit_data() { addCases("train_test_split.json", {"n", "test_size", "seed"}); }
    void trainTestSplit() {
        QFETCH(QJsonObject, testCase);
        const auto rows = size_t(testCase[QLatin1String("n")].toInteger());
        const double fraction = testCase[QLatin1String("test_size")].toDouble();
        if (testCase[QLatin1String("error")].toBool()) {
            QVERIFY_THROWS_EXCEPTION(
                Error, oficina::core::trainTestSplit(rows, fraction, seedOf(testCase)));
            return;
        }
        const TrainTestIndices split =
            oficina::core::trainTestSplit(rows, fraction, seedOf(testCase));
        QCOMPARE(split.train, fixture::integers<size_t>(testCase[QLatin1String("train")]));
        QCOMPARE(split.test, fixture::integers<size_t>(testCase[QLatin1String("test")]));
    }

    void stratifiedTrainTestSplit_data() {
        addCases("stratified_train_test_split.json", {"labels_name", "test_size", "seed"});
    }
    void stratifiedTrainTestSplit() {
        QFETCH(QJsonObject, testCase);
        const std::vector<int32_t> y =
            fixture::integers<int32_t>(testCase[QLatin1String("labels")]);
        const double fraction = testCase[QLatin1String("test_size")].toDouble();
        if (testCase[QLatin1String("error")].toBool()) {
            QVERIFY_THROWS_EXCEPTION(
                Error, oficina::core::stratifiedTrainTestSplit(y, fraction, seedOf(testCase)));
            return;
        }
        const TrainTestIndices split =
            oficina::core::stratifiedTrainTestSplit(y, fraction, seedOf(testCase));
        QCOMPARE(split.train, fixture::integers<size_t>(testCase[QLatin1String("train")]));
        QCOMPARE(split.test, fixture::integers<size_t>(testCase[QLatin1String("test")]));
    }

    void kFold_data() { addCases("kfold.json", {"n", "n_splits", "shuffle", "seed"}); }
    void kFold() {
        QFETCH(QJsonObject, testCase);
        const auto rows = size_t(testCase[QLatin1String("n")].toInteger());
        const int folds = testCase[QLatin1String("n_splits")].toInt();
        const bool shuffle = testCase[QLatin1String("shuffle")].toBool();
        if (testCase[QLatin1String("error")].toBool()) {
            QVERIFY_THROWS_EXCEPTION(Error,
                                     oficina::core::kFold(rows, folds, shuffle, seedOf(testCase)));
            return;
        }
        compareFolds(oficina::core::kFold(rows, folds, shuffle, seedOf(testCase)),
                     testCase[QLatin1String("folds")].toArray());
    }

    void stratifiedKFold_data() {
        addCases("stratified_kfold.json", {"labels_name", "n_splits", "shuffle", "seed"});
    }
    void stratifiedKFold() {
        QFETCH(QJsonObject, testCase);
        const std::vector<int32_t> y =
            fixture::integers<int32_t>(testCase[QLatin1String("labels")]);
        const int folds = testCase[QLatin1String("n_splits")].toInt();
        const bool shuffle = testCase[QLatin1String("shuffle")].toBool();
        std::vector<Message> warnings;
        if (testCase[QLatin1String("error")].toBool()) {
            QVERIFY_THROWS_EXCEPTION(Error, oficina::core::stratifiedKFold(
                                                y, folds, shuffle, seedOf(testCase), &warnings));
            return;
        }
        compareFolds(oficina::core::stratifiedKFold(y, folds, shuffle, seedOf(testCase), &warnings),
                     testCase[QLatin1String("folds")].toArray());
        QCOMPARE(qsizetype(warnings.size()), testCase[QLatin1String("warnings")].toInteger());
    }

    void errorsSayWhatIsWrong_data() {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fraction NaN")
            << 0 << "the test fraction must be greater than 0 and less than 1, got nan";
        QTest::newRow("empty train")
            << 1 << "with 10 rows and a test fraction of 0.95 the training set would be empty";
        QTest::newRow("missing label")
            << 2 << "the class label of row 3 is missing; a stratified split needs every label";
        QTest::newRow("singleton class")
            << 3
            << "the least populated class has only 1 row; a stratified split needs at least 2 "
               "rows per class";
        QTest::newRow("one fold") << 4 << "k-fold cross-validation needs at least 2 folds, got 1";
        QTest::newRow("more folds than rows") << 5 << "cannot make 10 folds from 7 rows";
        QTest::newRow("folds above every class")
            << 6 << "3 folds are more than the number of rows of every class";
    }
    void errorsSayWhatIsWrong() {
        QFETCH(int, which);
        QFETCH(QString, expected);
        const double nan = std::numeric_limits<double>::quiet_NaN();
        try {
            switch (which) {
            case 0:
                (void)oficina::core::trainTestSplit(10, nan, 0);
                break;
            case 1:
                (void)oficina::core::trainTestSplit(10, 0.95, 0);
                break;
            case 2:
                (void)oficina::core::stratifiedTrainTestSplit({0, 1, -1, 1, 0}, 0.5, 0);
                break;
            case 3:
                (void)oficina::core::stratifiedTrainTestSplit({0, 0, 1}, 0.5, 0);
                break;
            case 4:
                (void)oficina::core::kFold(5, 1, false, 0);
                break;
            case 5:
                (void)oficina::core::kFold(7, 10, true, 0);
                break;
            case 6:
                (void)oficina::core::stratifiedKFold({0, 0, 1, 1}, 3, false, 0);
                break;
            }
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(QString::fromStdString(e.message().english()), expected);
        }
    }

    void stratifiedKFoldWarningNamesTheClassSize() {
        std::vector<Message> warnings;
        (void)oficina::core::stratifiedKFold({0, 0, 0, 1, 1, 1, 2}, 3, false, 0, &warnings);
        QCOMPARE(warnings.size(), size_t(1));
        QCOMPARE(warnings[0].english(),
                 std::string("the smallest class has fewer rows (1) than there are folds (3)"));
    }

    void everyRowLandsInExactlyOneTestFold() {
        std::vector<int32_t> y;
        for (int i = 0; i < 1000; ++i)
            y.push_back(int32_t((i * 7919) % 13 % 4));
        const auto folds = oficina::core::stratifiedKFold(y, 6, true, 77);
        std::vector<int> seen(y.size(), 0);
        for (const auto& fold : folds) {
            QCOMPARE(fold.train.size() + fold.test.size(), y.size());
            for (const size_t row : fold.test)
                ++seen[row];
        }
        QVERIFY(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; }));
    }
};

QTEST_APPLESS_MAIN(TestSplit)
#include "tst_split.moc"
