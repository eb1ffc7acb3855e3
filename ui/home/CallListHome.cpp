#include "home/CallListHome.h"

#include "home/CallTableModel.h"
#include "home/LiveRefresh.h"
#include "shell/DomainText.h"
#include "store/StoreTime.h"
#include "usecases/CallUseCases.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace heart::ui {

CallListHome::CallListHome(Kind kind, Services services, QWidget* parent)
    : QWidget(parent), m_kind(kind), m_services(std::move(services)),
      m_model(new CallTableModel(m_services.clock, this)), m_title(new QLabel(this)),
      m_blurb(new QLabel(this)), m_error(new QLabel(this)), m_summary(new QLabel(this)),
      m_table(new QTableView(this)), m_refresh(new QPushButton(this)),
      m_live(new LiveRefresh(m_services, usecases::Freshness::Calls, this))
{
    setObjectName(QStringLiteral("callListHome"));
    m_title->setObjectName(QStringLiteral("homeTitle"));
    m_table->setObjectName(QStringLiteral("callTable"));
    m_error->setObjectName(QStringLiteral("homeError"));
    m_summary->setObjectName(QStringLiteral("homeSummary"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_blurb->setWordWrap(true);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020; font-weight: 600;"));
    m_error->hide();

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_summary);
    header->addWidget(m_refresh);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_blurb);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);

    connect(m_refresh, &QPushButton::clicked, this, &CallListHome::refresh);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (index.isValid())
            Q_EMIT callActivated(m_model->call(index.row()).id);
    });
    connect(m_live, &LiveRefresh::changed, this, [this] { reload(false); });
    connect(m_live, &LiveRefresh::tick, this, &CallListHome::tick);
    retranslate();
    refresh();
}

int CallListHome::rowCount() const
{
    return m_model->rowCount();
}

void CallListHome::refresh()
{
    reload(true);
}

void CallListHome::tick()
{
    // The age is computed when shown: the view asks again.
    if (m_model->rowCount() > 0)
        Q_EMIT m_model->dataChanged(m_model->index(0, CallTableModel::Age),
                                    m_model->index(m_model->rowCount() - 1, CallTableModel::Age),
                                    {Qt::DisplayRole});
}

void CallListHome::reload(bool fitColumns)
{
    m_live->markCurrent();
    usecases::CallUseCases calls(m_services);
    const QDateTime now = store::toDateTime(m_services.clock.now());
    store::StoreResult<QList<store::CallSummary>> result = QList<store::CallSummary>{};
    switch (m_kind) {
    case Kind::CallQueue:
        result = calls.queue();
        break;
    case Kind::UnitCalls:
        result = calls.unitCalls(now.addSecs(-24 * 3600));
        break;
    case Kind::RecentContacts:
        result = calls.recentContacts(now.addSecs(-48 * 3600));
        break;
    }
    if (!result.ok()) {
        m_error->setText(DomainText::errorText(result.error()));
        m_error->show();
        return;
    }
    m_error->hide();
    // The chosen call and the scroll position stay where they were.
    const QModelIndex current = m_table->currentIndex();
    const QString chosen = current.isValid() ? m_model->call(current.row()).id : QString();
    const int scrolled = m_table->verticalScrollBar()->value();
    const bool first = m_model->rowCount() == 0;
    m_model->setCalls(result.value());
    for (int row = 0; row < m_model->rowCount() && !chosen.isEmpty(); ++row) {
        if (m_model->call(row).id == chosen) {
            m_table->selectionModel()->setCurrentIndex(m_model->index(row, current.column()),
                                                       QItemSelectionModel::ClearAndSelect |
                                                           QItemSelectionModel::Rows);
            break;
        }
    }
    m_table->verticalScrollBar()->setValue(scrolled);
    // A width the user chose stays while the list refreshes itself.
    if (fitColumns || first)
        m_table->resizeColumnsToContents();
    m_summary->setText(tr("%n call(s)", nullptr, static_cast<int>(result.value().size())));
    if (m_model->rowCount() > 0 && !m_table->currentIndex().isValid())
        m_table->setCurrentIndex(m_model->index(0, 0));
}

void CallListHome::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refresh();
    }
    QWidget::changeEvent(event);
}

void CallListHome::retranslate()
{
    m_refresh->setText(tr("&Refresh"));
    m_refresh->setShortcut(QKeySequence(Qt::Key_F5)); // after setText(), which replaces it with the mnemonic
    m_refresh->setToolTip(tr("Reload the list (F5)"));
    switch (m_kind) {
    case Kind::CallQueue:
        m_title->setText(tr("Call queue"));
        m_blurb->setText(
            tr("Active behavioral-health calls in the 911 center, highest risk first, then oldest."));
        m_table->setAccessibleName(tr("Active calls"));
        break;
    case Kind::UnitCalls:
        m_title->setText(tr("My unit's calls"));
        m_blurb->setText(tr("Calls sent to Community Response and Co-Response units in the last 24 hours."));
        m_table->setAccessibleName(tr("Unit calls"));
        break;
    case Kind::RecentContacts:
        m_title->setText(tr("Follow-up queue"));
        m_blurb->setText(
            tr("Crisis Call Diversion and Community Response contacts of the last 48 hours: each "
               "is due a follow-up within 48 hours of the contact."));
        m_table->setAccessibleName(tr("Contacts due a follow-up"));
        break;
    }
}

} // namespace heart::ui
