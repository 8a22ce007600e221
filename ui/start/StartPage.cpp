#include "start/StartPage.h"

#include "start/ExampleCatalog.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QStyle>

#include <algorithm>
#include <map>

namespace oficina::ui {

namespace {

QLabel* heading(const QString& text, double scale, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(true);
    label->setFont(font);
    return label;
}

/// Example cards in as many columns as the width holds (at least one), reflowed on resize, so
/// no card hides behind a horizontal scroll bar.
class CardGrid : public QWidget {
public:
    static constexpr int kMinCardWidth = 260;
    static constexpr int kMaxColumns = 3;
    static constexpr int kSpacing = 12;

    explicit CardGrid(QWidget* parent) : QWidget(parent), m_grid(new QGridLayout(this)) {
        m_grid->setContentsMargins(0, 0, 0, 0);
        m_grid->setSpacing(kSpacing);
    }
    void addCard(QWidget* card) {
        card->setMinimumWidth(kMinCardWidth);
        m_cards << card;
        place(columnsFor(width()));
    }

protected:
    void resizeEvent(QResizeEvent* event) override {
        QWidget::resizeEvent(event);
        if (const int columns = columnsFor(width()); columns != m_columns) place(columns);
    }

private:
    static int columnsFor(int width) {
        return std::clamp((width + kSpacing) / (kMinCardWidth + kSpacing), 1, kMaxColumns);
    }
    void place(int columns) {
        m_columns = columns;
        for (QWidget* card : m_cards) m_grid->removeWidget(card);
        for (int i = 0; i < m_cards.size(); ++i)
            m_grid->addWidget(m_cards[i], i / columns, i % columns);
        for (int c = 0; c < kMaxColumns; ++c) m_grid->setColumnStretch(c, c < columns ? 1 : 0);
    }

    QGridLayout* m_grid;
    QList<QWidget*> m_cards;
    int m_columns = 0;
};

} // namespace

StartPage::StartPage(QString examplesDirectory, QWidget* parent)
    : QWidget(parent), m_examplesDirectory(std::move(examplesDirectory)) {
    setObjectName("startPage");
    setAcceptDrops(true);
    auto* start = new QWidget(this);
    start->setMaximumWidth(320);
    auto* startLayout = new QVBoxLayout(start);
    startLayout->addWidget(heading(tr("Oficina"), 2.0, start));
    auto* tagline = new QLabel(
        tr("Load data, clean it, train and evaluate models by connecting nodes on a canvas."),
        start);
    tagline->setWordWrap(true);
    startLayout->addWidget(tagline);
    startLayout->addSpacing(16);
    auto* newButton = new QPushButton(style()->standardIcon(QStyle::SP_FileIcon),
                                      tr("New empty pipeline"), start);
    newButton->setObjectName("newButton");
    auto* openButton = new QPushButton(style()->standardIcon(QStyle::SP_DialogOpenButton),
                                       tr("Open a pipeline…"), start);
    openButton->setObjectName("openButton");
    for (QPushButton* b : {newButton, openButton}) {
        b->setStyleSheet("text-align: left; padding: 6px 10px;");
        startLayout->addWidget(b);
    }
    connect(newButton, &QPushButton::clicked, this, &StartPage::newRequested);
    connect(openButton, &QPushButton::clicked, this, &StartPage::openRequested);
    m_return = new QPushButton(style()->standardIcon(QStyle::SP_ArrowBack),
                               tr("Back to the pipeline"), start);
    m_return->setObjectName("returnButton");
    m_return->setStyleSheet(newButton->styleSheet());
    m_return->setVisible(false);
    connect(m_return, &QPushButton::clicked, this, &StartPage::canvasRequested);
    startLayout->addWidget(m_return);
    startLayout->addSpacing(16);
    startLayout->addWidget(heading(tr("Recent"), 1.2, start));
    m_recent = new QListWidget(start);
    m_recent->setObjectName("recentList");
    m_recent->setFrameShape(QFrame::NoFrame);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        Q_EMIT recentRequested(item->data(Qt::UserRole).toString());
    });
    startLayout->addWidget(m_recent, 1);

    auto* scroll = new QScrollArea(this);
    scroll->setObjectName("examplesScroll");
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the cards reflow instead
    scroll->setWidget(makeExampleCards());

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(32);
    layout->addWidget(start);
    layout->addWidget(scroll, 1);
}

QWidget* StartPage::makeExampleCards() {
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(heading(tr("Examples"), 1.5, page));
    auto* hint =
        new QLabel(tr("Each example opens, runs and shows its most telling result."), page);
    hint->setWordWrap(true);
    layout->addWidget(hint);

    // One heading per lesson, its examples in the catalog's order.
    QStringList topics;
    std::map<QString, CardGrid*> grids;
    for (const Example& example : ExampleCatalog::examples()) {
        const QString path = QDir(m_examplesDirectory).filePath(example.file);
        if (!QFileInfo::exists(path)) continue;
        if (!grids.contains(example.topic)) topics << example.topic;
        CardGrid*& grid = grids[example.topic];
        if (!grid) grid = new CardGrid(page);
        auto* card = new QFrame(page);
        card->setObjectName("example_" + QFileInfo(example.file).completeBaseName());
        card->setFrameShape(QFrame::StyledPanel);
        auto* cardLayout = new QVBoxLayout(card);
        auto* title = new QLabel("<b>" + example.title.toHtmlEscaped() + "</b>", card);
        title->setWordWrap(true);
        auto* description = new QLabel(example.description, card);
        description->setWordWrap(true);
        description->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        auto* open = new QPushButton(tr("Open and run"), card);
        open->setObjectName("openExample");
        connect(open, &QPushButton::clicked, this, [this, path] { Q_EMIT exampleRequested(path); });
        cardLayout->addWidget(title);
        cardLayout->addWidget(description, 1);
        cardLayout->addWidget(open, 0, Qt::AlignRight);
        grid->addCard(card);
    }
    for (const QString& topic : topics) {
        layout->addSpacing(12);
        QLabel* label = heading(topic, 1.15, page);
        label->setObjectName("topicHeading");
        layout->addWidget(label);
        layout->addWidget(grids.at(topic));
    }
    layout->addStretch(1);
    return page;
}

void StartPage::setCanReturn(bool canReturn) {
    m_return->setVisible(canReturn);
}

// A node dragged from the palette is headed for the canvas: show it under the cursor, where
// the drag goes on.
void StartPage::dragEnterEvent(QDragEnterEvent* event) {
    event->ignore();
    Q_EMIT canvasRequested();
}

void StartPage::setRecentFiles(const QStringList& paths) {
    m_recent->clear();
    for (const QString& path : paths) {
        auto* item = new QListWidgetItem(QFileInfo(path).completeBaseName(), m_recent);
        item->setToolTip(QDir::toNativeSeparators(path));
        item->setData(Qt::UserRole, path);
    }
    if (paths.isEmpty()) {
        auto* none = new QListWidgetItem(tr("No recent pipelines"), m_recent);
        none->setFlags(Qt::NoItemFlags);
    }
}

} // namespace oficina::ui
