#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace oficina::ui {

/// A bundled example pipeline (resources/examples/<file>.oficina) as the start screen and
/// Help → Examples present it. Texts are translated when the catalog is built.
struct Example {
    QString file;         ///< "wine_clusters_vs_classes.oficina"
    QString title;        ///< "Wine: clusters vs classes"
    QString description;  ///< one or two sentences: what it shows
    QString topic;        ///< the lesson it belongs to: "Unsupervised learning", …
    QString showcaseNode; ///< node selected after opening, whose outputs tell the story
    QString showcaseView; ///< output view class brought to the front after the run
};

/// Every bundled example, in the order a course would meet them. tests/ui/tst_startpage.cpp
/// checks that each file in resources/examples has an entry and each entry a file.
class ExampleCatalog {
    Q_DECLARE_TR_FUNCTIONS(ExampleCatalog)
public:
    [[nodiscard]] static QList<Example> examples();
    /// The entry for a file name, or nullptr-like empty Example (file empty) when none.
    [[nodiscard]] static Example find(const QString& file);
    /// The node titles the example files give, in English as in the files: each is translated
    /// when an example opens (nodeTitle). tst_startpage checks that the list holds them all.
    [[nodiscard]] static QStringList nodeTitles();
    /// An example node's title in the interface's language.
    [[nodiscard]] static QString nodeTitle(const QString& englishTitle);
};

} // namespace oficina::ui
