#include "data/SampleData.h"

#include "util/Tr.h"

#include <cstdlib>
#include <filesystem>

namespace oficina::core {

const std::vector<SampleDataset>& sampleDatasets() {
    static const std::vector<SampleDataset> datasets = {
        {"iris", OFICINA_TR_NOOP("Iris"),
         OFICINA_TR_NOOP("150 flowers, 4 measurements (cm); classify the species (3 classes)."),
         "R. A. Fisher (1936), Iris. UCI Machine Learning Repository, CC BY 4.0. "
         "doi:10.24432/C56C76",
         "iris.csv", "species"},
        {"wine", OFICINA_TR_NOOP("Wine"),
         OFICINA_TR_NOOP("178 wines, 13 chemical measurements; classify the cultivar (3 classes)."),
         "S. Aeberhard, M. Forina (1991), Wine. UCI Machine Learning Repository, CC BY 4.0. "
         "doi:10.24432/C5PC7J",
         "wine.csv", "cultivar"},
        {"breast_cancer", OFICINA_TR_NOOP("Breast cancer (Wisconsin diagnostic)"),
         OFICINA_TR_NOOP("569 tumours, 30 cell-nucleus features; classify malignant or benign."),
         "W. Wolberg, O. Mangasarian, N. Street, W. Street (1995), Breast Cancer Wisconsin "
         "(Diagnostic). UCI Machine Learning Repository, CC BY 4.0. doi:10.24432/C5DW2B",
         "breast_cancer.csv", "diagnosis"},
        {"diabetes", OFICINA_TR_NOOP("Diabetes"),
         OFICINA_TR_NOOP("442 patients, 10 baseline variables; predict disease progression after "
                         "one year (regression)."),
         "B. Efron, T. Hastie, I. Johnstone, R. Tibshirani (2004), Least Angle Regression, "
         "Annals of Statistics 32(2). As shipped by scikit-learn (BSD-3-Clause).",
         "diabetes.csv", "progression"},
        {"digits", OFICINA_TR_NOOP("Handwritten digits (8×8)"),
         OFICINA_TR_NOOP("1,797 images of 8×8 pixels (0–16); classify the digit (10 classes)."),
         "E. Alpaydin, C. Kaynak (1998), Optical Recognition of Handwritten Digits. UCI Machine "
         "Learning Repository, CC BY 4.0. doi:10.24432/C50P49",
         "digits.csv", "digit"},
        {"wine_messy", OFICINA_TR_NOOP("Wine, messy export"),
         OFICINA_TR_NOOP("The Wine data as a careless export: 14 duplicated rows, missing cells "
                         "(empty, NA, ?), a colour category instead of the colour intensity, "
                         "four mistyped magnesium values; classify the cultivar."),
         "Derived from S. Aeberhard, M. Forina (1991), Wine, UCI Machine Learning Repository, "
         "CC BY 4.0, doi:10.24432/C5PC7J, by resources/datasets/make_wine_messy.py.",
         "wine_messy.csv", "cultivar"},
        {"linnerud", OFICINA_TR_NOOP("Linnerud"),
         OFICINA_TR_NOOP("20 men: 3 exercise counts and 3 physiological measurements "
                         "(multi-output regression; the pulse is the default target)."),
         "A. C. Linnerud, via Tenenhaus (1998), La régression PLS. As shipped by scikit-learn "
         "(BSD-3-Clause).",
         "linnerud.csv", "Pulse"},
        {"sunspots", OFICINA_TR_NOOP("Sunspots"),
         OFICINA_TR_NOOP("Yearly Wolf sunspot numbers 1700–2008 (time series)."),
         "Wolf sunspot numbers, SIDC. As shipped by statsmodels (BSD-3-Clause), public domain "
         "data.",
         "sunspots.csv", "SUNACTIVITY"},
        {"co2", OFICINA_TR_NOOP("Mauna Loa CO₂"),
         OFICINA_TR_NOOP("Weekly atmospheric CO₂ (ppm) 1958–2001 with gaps (time series with "
                         "missing values)."),
         "C. D. Keeling, T. P. Whorf, Scripps Institution of Oceanography. As shipped by "
         "statsmodels (BSD-3-Clause).",
         "co2.csv", "co2"},
    };
    return datasets;
}

const SampleDataset* findSampleDataset(const std::string& key) {
    for (const auto& d : sampleDatasets())
        if (d.key == key) return &d;
    return nullptr;
}

std::string findShareDirectory() {
    namespace fs = std::filesystem;
    if (const char* env = std::getenv("OFICINA_SHARE_DIR"); env && *env) return env;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    const fs::path share = exe.parent_path().parent_path() / "share" / "oficina";
    return fs::is_directory(share, ec) ? share.string() : std::string();
}

} // namespace oficina::core
