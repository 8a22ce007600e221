// Reading the pages of a NodeOutputsView's tab widget in UI tests. Test-only.
#pragma once

#include <QStringList>
#include <QTabWidget>

/// The tab titles, in order.
inline QStringList tabTitles(const QTabWidget* tabs) {
    QStringList titles;
    for (int i = 0; i < tabs->count(); ++i) titles << tabs->tabText(i);
    return titles;
}

/// The first page of type T, or nullptr.
template <typename T>
T* tab(const QTabWidget* tabs) {
    for (int i = 0; i < tabs->count(); ++i)
        if (auto* page = qobject_cast<T*>(tabs->widget(i))) return page;
    return nullptr;
}
