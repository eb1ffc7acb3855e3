#include "roster/RosterWidget.h"

#include "core/Permissions.h"
#include "core/roster/RotationGenerator.h"
#include "core/roster/RotationValidator.h"
#include "core/roster/ShiftCalendar.h"
#include "home/LiveRefresh.h"
#include "roster/CoveragePage.h"
#include "roster/RosterCellDelegate.h"
#include "roster/RosterSidePanel.h"
#include "roster/RosterTableModel.h"
#include "roster/SwapDutyDialog.h"
#include "roster/ViolationText.h"
#include "shell/DomainText.h"
#include "shell/ProgramTime.h"
#include "store/PrivateFiles.h"
#include "usecases/RosterUseCases.h"

#include <QContextMenuEvent>
#include <QDate>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace heart::ui {
namespace {

QDate qDate(const std::chrono::year_month_day& d)
{
    return QDate(int(d.year()), int(unsigned(d.month())), int(unsigned(d.day())));
}

} // namespace

RosterWidget::RosterWidget(Services services, QWidget* parent)
    : QWidget(parent), m_services(std::move(services)),
      m_editable(permits(m_services.actor.role(), Action::EditRoster)),
      m_zone(roster::TimeZoneRule::newYork()), m_model(new RosterTableModel(this)), m_title(new QLabel(this)),
      m_summary(new QLabel(this)), m_message(new QLabel(this)), m_tabs(new QTabWidget(this)),
      m_table(new QTableView(this)), m_legend(new QLabel(this)), m_violationsLabel(new QLabel(this)),
      m_violations(new QListWidget(this)), m_side(new RosterSidePanel(m_editable, this)),
      m_coverage(new CoveragePage(m_services, this)), m_teamsLabel(new QLabel(this)),
      m_teams(new QSpinBox(this)), m_generate(new QPushButton(this)), m_changeShift(new QPushButton(this)),
      m_exportCsv(new QPushButton(this)), m_exportIcs(new QPushButton(this)),
      m_live(new LiveRefresh(m_services, usecases::Freshness::Roster, this))
{
    setObjectName(QStringLiteral("rosterWidget"));
    m_title->setObjectName(QStringLiteral("rosterTitle"));
    m_summary->setObjectName(QStringLiteral("rosterSummary"));
    m_message->setObjectName(QStringLiteral("rosterMessage"));
    m_tabs->setObjectName(QStringLiteral("rosterTabs"));
    m_table->setObjectName(QStringLiteral("rosterTable"));
    m_violations->setObjectName(QStringLiteral("rosterViolations"));
    m_teams->setObjectName(QStringLiteral("rosterTeams"));
    m_generate->setObjectName(QStringLiteral("rosterGenerate"));
    m_changeShift->setObjectName(QStringLiteral("rosterChangeShift"));
    m_exportCsv->setObjectName(QStringLiteral("rosterExportCsv"));
    m_exportIcs->setObjectName(QStringLiteral("rosterExportIcs"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_summary->setStyleSheet(QStringLiteral("color: palette(dark);"));
    m_message->setWordWrap(true);
    m_message->hide();
    m_legend->setWordWrap(true);
    m_legend->setTextFormat(Qt::RichText);
    m_teams->setRange(1, 10);
    m_teamsLabel->setBuddy(m_teams);
    m_violationsLabel->setBuddy(m_violations);

    m_table->setModel(m_model);
    m_table->setItemDelegate(new RosterCellDelegate(m_table));
    m_table->horizontalHeader()->setMinimumSectionSize(20); // first: it bounds the default
    m_table->horizontalHeader()->setDefaultSectionSize(23);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(23);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setGridStyle(Qt::DotLine);
    m_table->installEventFilter(this);
    m_table->viewport()->installEventFilter(this);
    m_violations->setIconSize(QSize(16, 16));
    m_violations->setMinimumHeight(90);

    auto* heading = new QVBoxLayout;
    heading->setSpacing(0);
    heading->addWidget(m_title);
    heading->addWidget(m_summary);
    auto* tools = new QHBoxLayout;
    tools->addLayout(heading, 1);
    tools->addWidget(m_changeShift);
    tools->addSpacing(12);
    tools->addWidget(m_teamsLabel);
    tools->addWidget(m_teams);
    tools->addWidget(m_generate);
    tools->addSpacing(12);
    tools->addWidget(m_exportCsv);
    tools->addWidget(m_exportIcs);

    auto* gridPane = new QWidget(this);
    auto* grid = new QVBoxLayout(gridPane);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_table, 10);
    grid->addWidget(m_legend);
    grid->addSpacing(4);
    grid->addWidget(m_violationsLabel);
    grid->addWidget(m_violations, 1);
    m_side->setMinimumWidth(220);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("rosterSplit"));
    split->addWidget(gridPane);
    split->addWidget(m_side);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 0);
    split->setSizes({1130, 270});
    split->setChildrenCollapsible(false);

    m_tabs->addTab(split, QString());
    m_tabs->addTab(m_coverage, QString());

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(tools);
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);

    for (QWidget* edit : std::initializer_list<QWidget*>{m_changeShift, m_teamsLabel, m_teams, m_generate})
        edit->setVisible(m_editable);
    connect(m_generate, &QPushButton::clicked, this, &RosterWidget::confirmAndGenerate);
    connect(m_changeShift, &QPushButton::clicked, this, [this] {
        if (m_table->currentIndex().isValid())
            changeFixedShift(m_table->currentIndex().row());
    });
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { chooseExport(false); });
    connect(m_exportIcs, &QPushButton::clicked, this, [this] { chooseExport(true); });
    // Moving through the rule check shows each problem's cell; Enter (or a double click) goes there.
    connect(m_violations, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        const int row = item ? item->data(Qt::UserRole).toInt() : -1;
        const int day = item ? item->data(Qt::UserRole + 1).toInt() : -1;
        if (row >= 0 && day >= 0)
            m_table->setCurrentIndex(m_model->index(row, day));
        else if (day >= 0 && m_model->rowCount() > 0)
            m_table->scrollTo(m_model->index(0, day));
    });
    connect(m_violations, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const int row = item->data(Qt::UserRole).toInt();
        const int day = item->data(Qt::UserRole + 1).toInt();
        if (day >= 0)
            m_table->setCurrentIndex(m_model->index(std::max(row, 0), day));
        m_table->setFocus();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &RosterWidget::refreshCellInfo);
    // Changed at another workstation: read again; and on duty moves with the clock.
    connect(m_live, &LiveRefresh::changed, this, &RosterWidget::reload);
    connect(m_live, &LiveRefresh::tick, this, &RosterWidget::showOnDuty);
    retranslate();
    reload();
    // Start on today's cell, but show the cycle from its first day: no scrolling before the grid has its
    // size.
    if (m_hasCycle && m_model->rowCount() > 0) {
        m_table->setAutoScroll(false);
        m_table->setCurrentIndex(m_model->index(0, todayIndex()));
        m_table->setAutoScroll(true);
    }
}

void RosterWidget::addTab(QWidget* page, const QString& title)
{
    m_tabs->addTab(page, title);
}

void RosterWidget::addSidePanel(QWidget* panel)
{
    m_side->addPanel(panel);
}

int RosterWidget::todayIndex() const
{
    if (!m_hasCycle)
        return -1;
    using namespace std::chrono;
    const roster::LocalDateTime now = m_zone.toLocal(m_services.clock.now());
    const int days = static_cast<int>((sys_days{now.date} - sys_days{m_cycle.schedule.start}).count());
    const int length = m_cycle.schedule.dayCount();
    return ((days % length) + length) % length; // the rotation repeats
}

void RosterWidget::reload()
{
    m_live->markCurrent();
    auto cycle = usecases::RosterUseCases(m_services).currentCycle();
    m_hasCycle = cycle.ok();
    if (!cycle.ok() && cycle.error().code != store::StoreErrorCode::NotFound)
        showMessage(DomainText::errorText(cycle.error()), true);
    if (m_hasCycle) {
        m_cycle = cycle.value();
        m_rules.teamsPerShift = m_cycle.teamsPerShift;
        m_teams->setValue(m_cycle.teamsPerShift);
    }
    m_coverage->reloadDemand(m_zone);
    refreshDerived();
}

void RosterWidget::refreshDerived()
{
    const QModelIndex keep = m_table->currentIndex();
    m_model->setSchedule(m_hasCycle ? m_cycle.schedule : roster::Schedule{}, m_rules, todayIndex());
    if (keep.isValid() && keep.row() < m_model->rowCount() && keep.column() < m_model->columnCount())
        m_table->setCurrentIndex(m_model->index(keep.row(), keep.column()));
    // The grid is as tall as its rows (the rule check takes the rest), scrolling only when they do not fit.
    m_table->setMaximumHeight(
        m_table->horizontalHeader()->sizeHint().height() + m_table->verticalHeader()->length() +
        m_table->horizontalScrollBar()->sizeHint().height() + 2 * m_table->frameWidth());

    const roster::Schedule& schedule = m_cycle.schedule;
    if (m_hasCycle) {
        const QDate first = qDate(schedule.start);
        const int today = todayIndex();
        m_summary->setText(tr("%1 – %2, then repeats · %n responder(s) · today is day %3 of week %4", nullptr,
                              static_cast<int>(schedule.staff.size()))
                               .arg(ProgramTime::dateText(first),
                                    ProgramTime::dateText(first.addDays(schedule.dayCount() - 1)))
                               .arg(today % 7 + 1)
                               .arg(today / 7 + 1));
    } else {
        m_summary->setText(m_editable ? tr("No rotation yet: choose the teams per shift and generate one.")
                                      : tr("No rotation yet."));
    }

    m_violations->clear();
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    const std::vector<roster::Violation> violations =
        m_hasCycle ? roster::validateRotation(schedule, m_rules) : std::vector<roster::Violation>{};
    for (const roster::Violation& v : violations) {
        auto* item = new QListWidgetItem(warning, ViolationText::describe(v, schedule), m_violations);
        item->setData(Qt::UserRole, v.person);
        item->setData(Qt::UserRole + 1, v.day >= 0 ? v.day : (v.week >= 0 ? v.week * 7 : 0));
    }
    if (violations.empty()) {
        auto* item = new QListWidgetItem(
            m_hasCycle ? tr("Every rule holds.") : tr("No rotation yet: generate one."), m_violations);
        item->setIcon(style()->standardIcon(m_hasCycle ? QStyle::SP_DialogApplyButton
                                                       : QStyle::SP_MessageBoxInformation));
        item->setData(Qt::UserRole, -1);
        item->setData(Qt::UserRole + 1, -1);
    }
    m_violationsLabel->setText(
        tr("Rule chec&k (%n problem(s))", nullptr, static_cast<int>(violations.size())));
    showOnDuty();
    m_coverage->showCoverage(m_hasCycle ? schedule : roster::Schedule{}, m_rules);
    refreshCellInfo();
}

void RosterWidget::showOnDuty()
{
    const roster::LocalDateTime now = m_zone.toLocal(m_services.clock.now());
    m_side->showOnDuty(m_hasCycle ? m_cycle.schedule : roster::Schedule{}, m_rules, todayIndex(),
                       now.minuteOfDay);
}

void RosterWidget::refreshCellInfo()
{
    const QModelIndex at = m_table->currentIndex();
    m_side->showCell(m_cycle.schedule, m_rules, m_hasCycle && at.isValid() ? at.row() : -1, at.column());
}

int RosterWidget::violationCount() const
{
    return m_hasCycle ? static_cast<int>(roster::validateRotation(m_cycle.schedule, m_rules).size()) : 0;
}

bool RosterWidget::failed(const store::StoreError& error)
{
    if (!error) {
        m_live->markCurrent(); // this workstation's own change needs no reading again
        return false;
    }
    if (error.code == store::StoreErrorCode::Conflict) {
        reload();
        showMessage(
            tr("The rotation was changed at another workstation meanwhile. It has been reloaded: please make "
               "your change again."),
            true);
    } else {
        showMessage(DomainText::errorText(error), true);
    }
    return true;
}

bool RosterWidget::setDutyAt(int person, int day, const roster::Duty& duty)
{
    if (!m_hasCycle || !m_editable)
        return false;
    if (failed(usecases::RosterUseCases(m_services).setDuty(m_cycle, person, day, duty)))
        return false;
    m_message->hide();
    refreshDerived();
    m_table->setCurrentIndex(m_model->index(person, day));
    return true;
}

bool RosterWidget::cycleDuty(int person, int day)
{
    if (!m_hasCycle || person < 0 || person >= m_model->rowCount() || day < 0 ||
        day >= m_model->columnCount())
        return false;
    return setDutyAt(person, day, m_model->nextDuty(person, day));
}

bool RosterWidget::swapWith(int person, int other, int day)
{
    if (!m_hasCycle || !m_editable)
        return false;
    if (failed(usecases::RosterUseCases(m_services).swapDuties(m_cycle, person, other, day)))
        return false;
    m_message->hide();
    refreshDerived();
    return true;
}

bool RosterWidget::swapWithNeighbour(int person, int day, int direction)
{
    const int other = person + direction;
    if (other < 0 || other >= m_model->rowCount() || !swapWith(person, other, day))
        return false;
    m_table->setCurrentIndex(m_model->index(other, day));
    return true;
}

void RosterWidget::chooseSwap()
{
    const QModelIndex at = m_table->currentIndex();
    if (!at.isValid() || !m_hasCycle || !m_editable)
        return;
    QPointer<SwapDutyDialog> dialog =
        new SwapDutyDialog(m_cycle.schedule, m_rules, at.row(), at.column(), this);
    if (dialog->candidateCount() == 0) {
        showMessage(tr("Everyone has the same duty that day: there is nothing to swap."), true);
    } else if (dialog->exec() == QDialog::Accepted && dialog && dialog->chosenPerson() >= 0) {
        if (swapWith(at.row(), dialog->chosenPerson(), at.column()))
            m_table->setCurrentIndex(m_model->index(at.row(), at.column()));
    }
    delete dialog;
    m_table->setFocus();
}

void RosterWidget::showCellMenu(const QPoint& globalPos)
{
    const QModelIndex at = m_table->currentIndex();
    if (!at.isValid() || !m_hasCycle || !m_editable)
        return;
    const int person = at.row();
    const int day = at.column();
    const roster::Duty now = m_model->dutyAt(person, day);
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("rosterCellMenu"));
    const auto offer = [&](const QString& text, const roster::Duty& duty) {
        QAction* action = menu.addAction(text);
        action->setCheckable(true);
        action->setChecked(duty == now);
        connect(action, &QAction::triggered, this,
                [this, person, day, duty] { setDutyAt(person, day, duty); });
    };
    offer(tr("&Off"), roster::Duty{});
    int n = 0;
    for (const roster::ShiftTemplate& shift : m_rules.shifts) {
        const roster::Duty duty{roster::DutyKind::Shift, shift.code, 0};
        // &1, &2…: shifts are picked by number, whatever their names.
        offer(QStringLiteral("&%1 %2").arg(++n).arg(ViolationText::shiftText(shift.code, m_rules)), duty);
    }
    offer(tr("&Administrative hours (%1 h)").arg(m_rules.adminMinutesPerWeek / 60.0),
          roster::Duty{roster::DutyKind::Admin, {}, m_rules.adminMinutesPerWeek});
    menu.addSeparator();
    QAction* swap = menu.addAction(tr("&Swap with…"), this, &RosterWidget::chooseSwap);
    swap->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    QAction* up = menu.addAction(tr("Swap with the person &above"), this,
                                 [this, person, day] { swapWithNeighbour(person, day, -1); });
    up->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Up));
    up->setEnabled(person > 0);
    QAction* down = menu.addAction(tr("Swap with the person &below"), this,
                                   [this, person, day] { swapWithNeighbour(person, day, 1); });
    down->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Down));
    down->setEnabled(person + 1 < m_model->rowCount());
    for (QAction* action : menu.actions())
        action->setShortcutContext(Qt::WidgetShortcut); // shown as hints; the grid handles the keys
    menu.exec(globalPos);
}

void RosterWidget::confirmAndGenerate()
{
    const int teams = m_teams->value();
    if (m_hasCycle && QMessageBox::question(
                          this, tr("Generate rotation"),
                          tr("Replace the current rotation with a new one with %n complete team(s) on every "
                             "shift? Changes made by hand are replaced too.",
                             nullptr, teams)) != QMessageBox::Yes)
        return;
    generate(teams);
}

bool RosterWidget::generate(int teamsPerShift)
{
    if (!m_editable)
        return false;
    using namespace std::chrono;
    const sys_days today{m_zone.toLocal(m_services.clock.now()).date};
    const year_month_day start =
        m_hasCycle ? m_cycle.schedule.start : year_month_day{today - (weekday{today} - Monday)};
    auto result = usecases::RosterUseCases(m_services)
                      .generateRotation(m_hasCycle ? std::optional(m_cycle) : std::nullopt, m_rules, start,
                                        teamsPerShift);
    if (!result.ok())
        return !failed(result.error());
    if (!result.value().cycle) {
        QStringList reasons;
        for (const roster::StaffShortage& s : result.value().shortages)
            reasons << ViolationText::describe(s);
        if (reasons.isEmpty())
            reasons << tr("These rules need a rotation made by hand.");
        showMessage(tr("No valid rotation for %n team(s) per shift: ", nullptr, teamsPerShift) +
                        reasons.join(QLatin1Char(' ')),
                    true);
        return false;
    }
    reload();
    showMessage(
        tr("A new rotation with %n complete team(s) on every shift was saved.", nullptr, teamsPerShift),
        false);
    return true;
}

bool RosterWidget::changeFixedShift(int person)
{
    if (!m_hasCycle || !m_editable || person < 0 || person >= m_model->rowCount() || m_rules.shifts.empty())
        return false;
    const roster::StaffMember& member = m_cycle.schedule.staff[static_cast<std::size_t>(person)];
    std::size_t next = 0;
    for (std::size_t i = 0; i < m_rules.shifts.size(); ++i) {
        if (m_rules.shifts[i].code == member.shiftCode)
            next = (i + 1) % m_rules.shifts.size();
    }
    const QString code = QString::fromStdString(m_rules.shifts[next].code);
    const QString name = QString::fromStdString(member.name);
    if (failed(usecases::RosterUseCases(m_services).setStaffShift(QString::fromStdString(member.id), code)))
        return false;
    const std::string id = member.id;
    const int day = std::max(m_table->currentIndex().column(), 0);
    reload();
    // The store lists people by role and shift: follow the person to their new row.
    for (std::size_t p = 0; p < m_cycle.schedule.staff.size(); ++p) {
        if (m_cycle.schedule.staff[p].id == id)
            m_table->setCurrentIndex(m_model->index(static_cast<int>(p), day));
    }
    // Their existing shifts now break the rule until edited or regenerated: the check says so.
    showMessage(tr("%1 now works the %2 shift.").arg(name, DomainText::shiftName(m_rules.shifts[next].code)),
                false);
    return true;
}

void RosterWidget::chooseExport(bool calendar)
{
    const QString path =
        calendar ? QFileDialog::getSaveFileName(this, tr("Export the rotation as a calendar"),
                                                QStringLiteral("rotation.ics"), tr("Calendar files (*.ics)"))
                 : QFileDialog::getSaveFileName(this, tr("Export the rotation"),
                                                QStringLiteral("rotation.csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path, calendar);
}

bool RosterWidget::exportTo(const QString& path, bool calendar)
{
    if (!m_hasCycle)
        return false;
    const std::string text =
        calendar ? roster::scheduleIcs(m_cycle.schedule, m_rules, m_zone, -1, m_services.clock.now())
                 : roster::scheduleCsv(m_cycle.schedule, m_rules, m_zone);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !store::files::restrictToOwner(file) ||
        file.write(text.data(), static_cast<qint64>(text.size())) < 0) {
        showMessage(tr("The file could not be written: %1").arg(file.errorString()), true);
        return false;
    }
    // No export without its audit row: the file only appears once the export is recorded.
    if (failed(usecases::RosterUseCases(m_services).recordExport(m_cycle.id))) {
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        showMessage(tr("The file could not be written: %1").arg(file.errorString()), true);
        return false;
    }
    showMessage(tr("Exported to %1.").arg(QDir::toNativeSeparators(path)), false);
    return true;
}

bool RosterWidget::eventFilter(QObject* watched, QEvent* event)
{
    if ((watched == m_table || watched == m_table->viewport()) && event->type() == QEvent::ContextMenu) {
        auto* menuEvent = static_cast<QContextMenuEvent*>(event);
        const QModelIndex at = m_table->currentIndex();
        // From the keyboard (the Menu key), the menu opens at the current cell, not at the mouse.
        const QPoint pos = menuEvent->reason() == QContextMenuEvent::Keyboard && at.isValid()
                               ? m_table->viewport()->mapToGlobal(m_table->visualRect(at).bottomLeft())
                               : menuEvent->globalPos();
        showCellMenu(pos);
        return true;
    }
    if (watched == m_table && event->type() == QEvent::KeyPress && m_editable) {
        auto* key = static_cast<QKeyEvent*>(event);
        const QModelIndex at = m_table->currentIndex();
        if (!at.isValid())
            return QWidget::eventFilter(watched, event);
        const auto mods = key->modifiers() & ~Qt::KeypadModifier;
        if (mods == Qt::NoModifier &&
            (key->key() == Qt::Key_Space || key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
            cycleDuty(at.row(), at.column());
            return true;
        }
        if (mods == (Qt::ControlModifier | Qt::ShiftModifier) &&
            (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down)) {
            swapWithNeighbour(at.row(), at.column(), key->key() == Qt::Key_Up ? -1 : 1);
            return true;
        }
        if (mods == Qt::ControlModifier && key->key() == Qt::Key_W) {
            chooseSwap();
            return true;
        }
        if (mods == Qt::ShiftModifier && key->key() == Qt::Key_F10) {
            showCellMenu(m_table->viewport()->mapToGlobal(m_table->visualRect(at).bottomLeft()));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void RosterWidget::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020; font-weight: 600;")
                                   : QStringLiteral("color: #1b5e20; font-weight: 600;"));
    m_message->show();
}

void RosterWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refreshDerived();
    }
    QWidget::changeEvent(event);
}

void RosterWidget::retranslate()
{
    m_title->setText(tr("Six-week rotation"));
    m_teamsLabel->setText(tr("&Teams per shift:"));
    m_generate->setText(tr("&Generate rotation…"));
    m_generate->setToolTip(tr("Build a rotation with this many complete teams on every shift"));
    m_changeShift->setText(tr("Change fi&xed shift"));
    m_changeShift->setToolTip(tr("Move the selected person to the next shift of the program"));
    m_exportCsv->setText(tr("Export &CSV…"));
    m_exportIcs->setText(tr("Export calendar (.&ics)…"));
    m_tabs->setTabText(0, tr("R&otation"));
    m_tabs->setTabText(1, tr("Cov&erage"));
    m_table->setAccessibleName(tr("Rotation: people by day"));
    m_table->setAccessibleDescription(
        m_editable
            ? tr("Space changes a day; Shift+F10 offers every duty; Ctrl+W swaps it with someone else's.")
            : tr("View only."));
    m_violations->setAccessibleName(tr("Rule check"));
    m_legend->setText(RosterTableModel::legendHtml(m_rules));
}

} // namespace heart::ui
