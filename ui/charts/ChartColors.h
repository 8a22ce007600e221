#pragma once

#include <QColor>

namespace oficina::ui {

/// Categorical colours (the matplotlib/Tableau 10 set, known from scikit-learn plots).
inline QColor categoryColor(int index) {
    static const QRgb colors[] = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                  0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
    return QColor(colors[(index < 0 ? -index : index) % 10]);
}

/// Grey for DBSCAN noise and missing labels.
inline QColor noiseColor() { return QColor(0xb0, 0xb0, 0xb0); }

} // namespace oficina::ui
