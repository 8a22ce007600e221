#include "start/ExampleCatalog.h"

namespace oficina::ui {

QList<Example> ExampleCatalog::examples() {
    const QString supervised = tr("Supervised learning");
    const QString unsupervised = tr("Unsupervised learning");
    const QString data = tr("Preparing data");
    const QString deep = tr("Neural networks");
    return {
        {"iris_classification.oficina", tr("Iris: a first classifier"),
         tr("Split the flowers into training and test rows, scale them, train a logistic "
            "regression and score it on rows it never saw."),
         supervised, "score", "ConfusionMatrixView"},
        {"iris_lr_vs_tree.oficina", tr("Iris: logistic regression vs decision tree"),
         tr("Two algorithms learn from the same rows; their cross-validated scores side by side "
            "and their scores on the test rows show which model to trust, and a validation "
            "curve shows the tree depth past which it memorises instead of learning."),
         supervised, "compare", "ScoreBarsChart"},
        {"wine_clusters_vs_classes.oficina", tr("Wine: clusters vs classes"),
         tr("K-Means groups the wines without seeing their cultivar, a classifier learns it from "
            "the labels: the same projection coloured both ways, with their agreement."),
         unsupervised, "compare", "ClustersVsClassesView"},
        {"iris_clustering.oficina", tr("Iris: K-Means clustering"),
         tr("Find three groups of flowers from their measurements alone, and measure how "
            "compact and separate the groups are."),
         unsupervised, "kmeans", "ScatterPlot"},
        {"diabetes_regression.oficina", tr("Diabetes: regression and residuals"),
         tr("Predict disease progression with a ridge regression; the residual plot shows where "
            "the model is wrong and by how much."),
         supervised, "score", "ResidualPlot"},
        {"breast_cancer_cv_onnx.oficina", tr("Breast cancer: cross-validation and ONNX export"),
         tr("Estimate a logistic regression's accuracy with 5-fold cross-validation, test it "
            "once on held-out rows, and export the trained pipeline (scaler and model) to "
            "breast_cancer.onnx in your Documents folder, ready for ONNX Runtime."),
         supervised, "cv", "ScoreBarsChart"},
        {"wine_cleaning.oficina", tr("Messy data: cleaning before learning"),
         tr("A careless export of the Wine data: remove duplicated rows and rows with mistyped "
            "values, fill missing cells and encode a categorical column, then train a "
            "classifier."),
         data, "dedupe", "DataPreview"},
        {"digits_cnn.oficina", tr("Digits: a convolutional network"),
         tr("A small CNN reads 8×8 images of handwritten digits; watch the loss curve fall while "
            "it trains."),
         deep, "cnn", "LossChart"},
        {"sunspots_lstm.oficina", tr("Sunspots: forecasting with an LSTM"),
         tr("Windows of past years feed a recurrent network that forecasts next year's sunspot "
            "number, scored against the naive 'same as this year' forecast."),
         deep, "lstm", "LossChart"},
    };
}

namespace {

const char* const kNodeTitles[] = {
    QT_TRANSLATE_NOOP("ExampleCatalog", "Breast cancer biopsies"),
    QT_TRANSLATE_NOOP("ExampleCatalog", "CNN on 8×8 images"),
    QT_TRANSLATE_NOOP("ExampleCatalog", "Compare on 5 folds"),
    QT_TRANSLATE_NOOP("ExampleCatalog", "Diabetes patients"),
    QT_TRANSLATE_NOOP("ExampleCatalog", "Drop mistyped magnesium"),
    QT_TRANSLATE_NOOP("ExampleCatalog", "Fill colour (most frequent)"),
    QT_TRANSLATE_NOOP("ExampleCatalog", "Fill numbers (median)"),
    QT_TRANSLATE_NOOP("ExampleCatalog", "Handwritten digits"),
    QT_TRANSLATE_NOOP("ExampleCatalog", "How deep should the tree be?"),
    QT_TRANSLATE_NOOP("ExampleCatalog", "Iris flowers"),
    QT_TRANSLATE_NOOP("ExampleCatalog", "K-Means (labels hidden)"),
    QT_TRANSLATE_NOOP("ExampleCatalog", "LSTM forecast"),
    QT_TRANSLATE_NOOP("ExampleCatalog", "Last 12 years"),
    QT_TRANSLATE_NOOP("ExampleCatalog", "Last fifth for testing"),
    QT_TRANSLATE_NOOP("ExampleCatalog", "Logistic regression (labels used)"),
    QT_TRANSLATE_NOOP("ExampleCatalog", "Logistic regression on the test rows"),
    QT_TRANSLATE_NOOP("ExampleCatalog", "Messy wine export"),
    QT_TRANSLATE_NOOP("ExampleCatalog", "Tree on the test rows"),
    QT_TRANSLATE_NOOP("ExampleCatalog", "Wine"),
    QT_TRANSLATE_NOOP("ExampleCatalog", "Yearly sunspots"),
};

} // namespace

QStringList ExampleCatalog::nodeTitles() {
    QStringList titles;
    for (const char* title : kNodeTitles) titles << QString::fromUtf8(title);
    return titles;
}

QString ExampleCatalog::nodeTitle(const QString& englishTitle) {
    return QCoreApplication::translate("ExampleCatalog", englishTitle.toUtf8().constData());
}

Example ExampleCatalog::find(const QString& file) {
    for (const Example& e : examples())
        if (e.file == file) return e;
    return {};
}

} // namespace oficina::ui
