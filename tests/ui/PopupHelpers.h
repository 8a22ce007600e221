// Answering the modal dialogs and popup menus the code under test opens. Test-only.
#pragma once

#include <QApplication>
#include <QTimer>
#include <QWidget>

#include <functional>

/// Runs `act` on the next modal dialog or popup menu that opens (from the event loop it
/// starts), so the code under test does not block.
inline void onNextPopup(std::function<void(QWidget*)> act) {
    auto* timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, act] {
        QWidget* popup = QApplication::activeModalWidget();
        if (!popup) popup = QApplication::activePopupWidget();
        if (!popup) return;
        timer->stop();
        timer->deleteLater();
        act(popup);
    });
    timer->start();
}
