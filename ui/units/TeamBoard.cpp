#include "units/TeamBoard.h"

#include "home/CallTableModel.h"
#include "home/LiveRefresh.h"
#include "shell/DomainText.h"
#include "store/StoreTime.h"
#include "usecases/UnitUseCases.h"

#include <QColor>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace heart::ui {

using units::UnitStatus;

QString UnitBoardModel::statusName(UnitStatus status)
{
    switch (status) {
    case UnitStatus::Available:
        return tr("Available");
    case UnitStatus::Dispatched:
        return tr("Dispatched");
    case UnitStatus::EnRoute:
        return tr("En route");
    case UnitStatus::OnScene:
        return tr("On scene");
    case UnitStatus::Transporting:
        return tr("Transporting");
    case UnitStatus::Clear:
        return tr("Clear");
    case UnitStatus::OutOfService:
        return tr("Out of service");
    }
    return {};
}

QColor UnitBoardModel::statusColor(UnitStatus status)
{
    switch (status) {
    case UnitStatus::Available:
        return QColor(0xd8, 0xf0, 0xdc);
    case UnitStatus::Dispatched:
    case UnitStatus::EnRoute:
        return QColor(0xfd, 0xf0, 0xc8);
    case UnitStatus::OnScene:
    case UnitStatus::Transporting:
        return QColor(0xf8, 0xd7, 0xda);
    case UnitStatus::Clear:
        return QColor(0xe3, 0xec, 0xf8);
    case UnitStatus::OutOfService:
        return QColor(0xe6, 0xe6, 0xe6);
    }
    return {};
}

void UnitBoardModel::setUnits(QList<store::Unit> units)
{
    beginResetModel();
    m_units = std::move(units);
    endResetModel();
}

void UnitBoardModel::tick()
{
    if (!m_units.isEmpty())
        Q_EMIT dataChanged(index(0, Since), index(rowCount() - 1, Since), {Qt::DisplayRole});
}

QVariant UnitBoardModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_units.size())
        return {};
    const store::Unit& unit = m_units.at(index.row());
    if (role == Qt::BackgroundRole)
        return statusColor(unit.status);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Code:
        return unit.code;
    case Kind:
        return unit.kind == units::UnitKind::CoResponse ? DomainText::programName(QStringLiteral("cor"))
                                                        : DomainText::programName(QStringLiteral("crt"));
    case Status:
        return statusName(unit.status);
    case Since: {
        const qint64 minutes = unit.statusSince.secsTo(store::toDateTime(m_clock.now())) / 60;
        return CallTableModel::ageText(qMax<qint64>(0, minutes));
    }
    case Call:
        return unit.callCad;
    case Members: {
        QStringList names;
        for (const store::UnitMember& member : unit.members)
            names << member.displayName;
        return names.join(QStringLiteral(", "));
    }
    }
    return {};
}

QVariant UnitBoardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Code:
        return tr("Unit");
    case Kind:
        return tr("Program");
    case Status:
        return tr("Status");
    case Since:
        return tr("For");
    case Call:
        return tr("Call");
    case Members:
        return tr("On the unit");
    }
    return {};
}

TeamBoard::TeamBoard(Services services, QWidget* parent)
    : QWidget(parent), m_services(std::move(services)), m_model(new UnitBoardModel(m_services.clock, this)),
      m_title(new QLabel(this)), m_error(new QLabel(this)), m_table(new QTableView(this)),
      m_live(new LiveRefresh(m_services, usecases::Freshness::Units, this))
{
    setObjectName(QStringLiteral("teamBoard"));
    m_table->setObjectName(QStringLiteral("unitTable"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);
    connect(m_live, &LiveRefresh::changed, this, &TeamBoard::refresh);
    connect(m_live, &LiveRefresh::tick, m_model, &UnitBoardModel::tick);
    retranslate();
    refresh();
}

void TeamBoard::refresh()
{
    m_live->markCurrent();
    auto board = usecases::UnitUseCases(m_services).board();
    if (!board.ok()) {
        m_error->setText(DomainText::errorText(board.error()));
        m_error->show();
        return;
    }
    m_error->hide();
    // The chosen unit and the scroll position stay where they were.
    const QModelIndex current = m_table->currentIndex();
    const QString chosen = current.isValid() ? m_model->unit(current.row()).id : QString();
    const int scrolled = m_table->verticalScrollBar()->value();
    m_model->setUnits(board.value());
    for (int row = 0; row < m_model->rowCount() && !chosen.isEmpty(); ++row) {
        if (m_model->unit(row).id == chosen)
            m_table->setCurrentIndex(m_model->index(row, current.column()));
    }
    m_table->verticalScrollBar()->setValue(scrolled);
    // Columns fit the first rows; then only grow, so a width the user chose stays.
    for (int column = 0; column < UnitBoardModel::ColumnCount; ++column) {
        const int wanted = static_cast<const QAbstractItemView*>(m_table)->sizeHintForColumn(column);
        if (!m_sized || wanted > m_table->columnWidth(column))
            m_table->setColumnWidth(column,
                                    std::max(wanted, m_table->horizontalHeader()->sectionSizeHint(column)));
    }
    m_sized = m_model->rowCount() > 0;
}

void TeamBoard::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refresh();
    }
    QWidget::changeEvent(event);
}

void TeamBoard::retranslate()
{
    m_title->setText(tr("Team board"));
    m_table->setAccessibleName(tr("Units and their status"));
}

} // namespace heart::ui
