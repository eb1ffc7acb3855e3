#include "roster/RosterWidget.h"

#include "core/roster/CoverageAnalysis.h"
#include "core/roster/RotationGenerator.h"
#include "core/roster/RotationValidator.h"
#include "core/roster/ShiftCalendar.h"
#include "roster/CoverageChart.h"
#include "roster/RosterTableModel.h"
#include "roster/ViolationText.h"
#include "shell/DomainText.h"
#include "store/CallStore.h"
#include "store/StoreTime.h"

#include <algorithm>

#include <QEvent>
#include <QLocale>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace heart::ui {
namespace {

QString hourText(int hourOfWeek)
{
    return QStringLiteral("%1 %2:00").arg(ViolationText::weekdayName(hourOfWeek / 24)).arg(hourOfWeek % 24, 2, 10, QLatin1Char('0'));
}

} // namespace

RosterWidget::RosterWidget(Services services, QWidget* parent)
    : QWidget(parent), m_services(std::move(services)), m_zone(roster::TimeZoneRule::newYork()),
      m_model(new RosterTableModel(this)), m_title(new QLabel(this)), m_message(new QLabel(this)),
      m_table(new QTableView(this)), m_violations(new QListWidget(this)), m_onDuty(new QLabel(this)),
      m_gaps(new QTableWidget(this)), m_teamsLabel(new QLabel(this)), m_teams(new QSpinBox(this)),
      m_generate(new QPushButton(this)), m_changeShift(new QPushButton(this)), m_exportCsv(new QPushButton(this)), m_exportIcs(new QPushButton(this)),
      m_violationsLabel(new QLabel(this)), m_gapsLabel(new QLabel(this)), m_chart(new CoverageChart(this))
{
    setObjectName(QStringLiteral("rosterWidget"));
    m_title->setObjectName(QStringLiteral("rosterTitle"));
    m_message->setObjectName(QStringLiteral("rosterMessage"));
    m_table->setObjectName(QStringLiteral("rosterTable"));
    m_violations->setObjectName(QStringLiteral("rosterViolations"));
    m_onDuty->setObjectName(QStringLiteral("rosterOnDuty"));
    m_gaps->setObjectName(QStringLiteral("coverageGaps"));
    m_teams->setObjectName(QStringLiteral("rosterTeams"));
    m_generate->setObjectName(QStringLiteral("rosterGenerate"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_message->setWordWrap(true);
    m_message->hide();
    m_onDuty->setWordWrap(true);
    m_onDuty->setTextFormat(Qt::RichText);
    m_onDuty->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_teams->setRange(1, 10);
    m_teamsLabel->setBuddy(m_teams);

    m_table->setModel(m_model);
    m_table->horizontalHeader()->setDefaultSectionSize(34);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(24);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->installEventFilter(this);
    m_gaps->setColumnCount(3);
    m_gaps->verticalHeader()->hide();
    m_gaps->horizontalHeader()->setStretchLastSection(true);
    m_gaps->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto* tools = new QHBoxLayout;
    tools->addWidget(m_title, 1);
    tools->addWidget(m_changeShift);
    tools->addWidget(m_teamsLabel);
    tools->addWidget(m_teams);
    tools->addWidget(m_generate);
    tools->addWidget(m_exportCsv);
    tools->addWidget(m_exportIcs);
    auto* side = new QVBoxLayout;
    side->addWidget(m_onDuty);
    side->addWidget(m_violationsLabel);
    side->addWidget(m_violations, 2);
    side->addWidget(m_gapsLabel);
    side->addWidget(m_chart, 1);
    side->addWidget(m_gaps, 1);
    auto* body = new QHBoxLayout;
    body->addWidget(m_table, 3);
    body->addLayout(side, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(tools);
    layout->addWidget(m_message);
    layout->addLayout(body, 1);

    connect(m_generate, &QPushButton::clicked, this, [this] { generate(m_teams->value()); });
    connect(m_changeShift, &QPushButton::clicked, this, [this] {
        if (m_table->currentIndex().isValid())
            changeFixedShift(m_table->currentIndex().row());
    });
    connect(m_exportCsv, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export the rotation"), QStringLiteral("rotation.csv"),
                                                          tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportTo(path, false);
    });
    connect(m_exportIcs, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export the rotation"), QStringLiteral("rotation.ics"),
                                                          tr("Calendar files (*.ics)"));
        if (!path.isEmpty())
            exportTo(path, true);
    });
    connect(m_violations, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const int row = item->data(Qt::UserRole).toInt();
        const int day = item->data(Qt::UserRole + 1).toInt();
        if (row >= 0 && day >= 0)
            m_table->setCurrentIndex(m_model->index(row, day));
        m_table->setFocus();
    });
    retranslate();
    reload();
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
    store::RosterStore roster(m_services.db, m_services.clock);
    auto cycle = roster.currentCycle(m_services.actor);
    m_hasCycle = cycle.ok();
    if (!cycle.ok() && cycle.error().code != store::StoreErrorCode::NotFound)
        showMessage(DomainText::errorText(cycle.error()), true);
    if (m_hasCycle) {
        m_cycle = cycle.value();
        m_rules.teamsPerShift = m_cycle.teamsPerShift;
        m_teams->setValue(m_cycle.teamsPerShift);
    }
    // Demand: the calls of the last eight weeks, per hour of the week, local time.
    m_demand.fill(0.0);
    store::CallStore calls(m_services.db, m_services.clock);
    auto times = calls.receivedTimes(m_services.actor, store::toDateTime(m_services.clock.now()).addDays(-56));
    if (times.ok() && !times.value().isEmpty()) {
        // Average over the weeks the history really covers (at most eight).
        QDateTime earliest = times.value().first();
        for (const QDateTime& t : times.value())
            earliest = std::min(earliest, t);
        const double days = earliest.secsTo(store::toDateTime(m_services.clock.now())) / 86400.0;
        const double weeks = std::clamp(days / 7.0, 1.0, 8.0);
        for (const QDateTime& t : times.value()) {
            const roster::LocalDateTime local = m_zone.toLocal(store::toTimePoint(t));
            const int weekday = static_cast<int>(std::chrono::weekday{local.date}.iso_encoding()) - 1;
            m_demand[static_cast<std::size_t>(weekday * 24 + local.minuteOfDay / 60)] += 1.0 / weeks;
        }
    }
    refreshDerived();
}

void RosterWidget::refreshDerived()
{
    m_model->setSchedule(m_hasCycle ? m_cycle.schedule : roster::Schedule{}, m_rules, todayIndex());
    m_table->resizeColumnsToContents();
    m_violations->clear();
    const roster::Schedule& schedule = m_cycle.schedule;
    if (m_hasCycle) {
        for (const roster::Violation& v : roster::validateRotation(schedule, m_rules)) {
            auto* item = new QListWidgetItem(ViolationText::describe(v, schedule), m_violations);
            item->setData(Qt::UserRole, v.person);
            item->setData(Qt::UserRole + 1, v.day >= 0 ? v.day : (v.week >= 0 ? v.week * 7 : 0));
        }
    }
    if (m_violations->count() == 0)
        new QListWidgetItem(m_hasCycle ? tr("Every rule holds.") : tr("No rotation yet: generate one."), m_violations);
    m_violationsLabel->setText(tr("Rule check (%n problem(s))", nullptr, m_hasCycle ? violationCount() : 0));

    // Who is on duty now, and the teams they form.
    QStringList lines;
    const int today = todayIndex();
    const roster::LocalDateTime now = m_zone.toLocal(m_services.clock.now());
    if (m_hasCycle) {
        for (const roster::ShiftTemplate& shift : m_rules.shifts) {
            for (int back = 0; back <= 1; ++back) {
                const int day = (today - back + schedule.dayCount()) % schedule.dayCount();
                const int minute = now.minuteOfDay + back * 1440;
                if (minute < shift.startMinute || minute >= shift.startMinute + shift.lengthMinutes)
                    continue;
                QStringList clinicians, support;
                for (std::size_t p = 0; p < schedule.staff.size(); ++p) {
                    const roster::Duty& d = schedule.duties[p][static_cast<std::size_t>(day)];
                    if (d.kind != roster::DutyKind::Shift || d.shiftCode != shift.code)
                        continue;
                    const QString name = QString::fromStdString(schedule.staff[p].name).toHtmlEscaped();
                    (schedule.staff[p].role == roster::ResponderRole::Clinician ? clinicians : support).append(name);
                }
                QStringList teams;
                for (qsizetype i = 0; i < std::min(clinicians.size(), support.size()); ++i)
                    teams << clinicians.at(i) + QStringLiteral(" + ") + support.at(i);
                lines << tr("<b>%1 shift</b>: %n team(s)", nullptr, static_cast<int>(teams.size()))
                             .arg(QString::fromStdString(shift.code).toHtmlEscaped())
                      << teams;
                const QStringList unpaired = clinicians.size() > support.size() ? clinicians.mid(support.size())
                                                                                : support.mid(clinicians.size());
                if (!unpaired.isEmpty())
                    lines << tr("<i>Without a team:</i> %1").arg(unpaired.join(QStringLiteral(", ")));
            }
        }
    }
    m_onDuty->setText(tr("<h4>On duty now</h4>") +
                      (lines.isEmpty() ? tr("Nobody: no shift is running.") : lines.join(QStringLiteral("<br>"))));

    // Coverage against demand.
    m_gaps->setRowCount(0);
    if (m_hasCycle) {
        const roster::CoverageReport report = roster::analyseCoverage(schedule, m_rules, m_demand);
        m_chart->setReport(report, roster::CoverageOptions{}.callsPerTeamHour);
        m_gaps->setRowCount(static_cast<int>(report.gaps.size()));
        int row = 0;
        for (const roster::CoverageGap& gap : report.gaps) {
            m_gaps->setItem(row, 0, new QTableWidgetItem(tr("%1 – %2").arg(hourText(gap.firstHourOfWeek),
                                                                             hourText(gap.firstHourOfWeek + gap.hours))));
            m_gaps->setItem(row, 1, new QTableWidgetItem(QLocale().toString(gap.worstShortfallTeams, 'f', 1)));
            m_gaps->setItem(row, 2, new QTableWidgetItem(tr("%1 more clinician(s) and %2 more peer support/EMT")
                                                             .arg(gap.moreClinicians)
                                                             .arg(gap.moreSupport)));
            ++row;
        }
        m_gaps->resizeColumnsToContents();
    }
}

int RosterWidget::violationCount() const
{
    return m_hasCycle ? static_cast<int>(roster::validateRotation(m_cycle.schedule, m_rules).size()) : 0;
}

bool RosterWidget::cycleDuty(int person, int day)
{
    if (!m_hasCycle)
        return false;
    store::RosterStore roster(m_services.db, m_services.clock);
    if (store::StoreError error = roster.setDuty(m_services.actor, m_cycle, person, day, m_model->nextDuty(person, day))) {
        showMessage(DomainText::errorText(error), true);
        if (error.code == store::StoreErrorCode::Conflict)
            reload();
        return false;
    }
    m_message->hide();
    const QModelIndex keep = m_model->index(person, day);
    refreshDerived();
    m_table->setCurrentIndex(keep);
    return true;
}

bool RosterWidget::swapWithNeighbour(int person, int day, int direction)
{
    const int other = person + direction;
    if (!m_hasCycle || other < 0 || other >= m_model->rowCount())
        return false;
    const roster::Duty mine = m_cycle.schedule.duties[static_cast<std::size_t>(person)][static_cast<std::size_t>(day)];
    const roster::Duty theirs = m_cycle.schedule.duties[static_cast<std::size_t>(other)][static_cast<std::size_t>(day)];
    store::RosterStore roster(m_services.db, m_services.clock);
    store::StoreError error = roster.setDuty(m_services.actor, m_cycle, person, day, theirs);
    if (!error)
        error = roster.setDuty(m_services.actor, m_cycle, other, day, mine);
    if (error) {
        showMessage(DomainText::errorText(error), true);
        reload();
        return false;
    }
    m_message->hide();
    refreshDerived();
    m_table->setCurrentIndex(m_model->index(other, day));
    return true;
}

bool RosterWidget::generate(int teamsPerShift)
{
    store::RosterStore roster(m_services.db, m_services.clock);
    auto staff = roster.listStaff(m_services.actor);
    if (!staff.ok()) {
        showMessage(DomainText::errorText(staff.error()), true);
        return false;
    }
    roster::RotationRules rules = m_rules;
    rules.teamsPerShift = teamsPerShift;
    using namespace std::chrono;
    const sys_days today{m_zone.toLocal(m_services.clock.now()).date};
    const year_month_day start = m_hasCycle ? m_cycle.schedule.start : year_month_day{today - (weekday{today} - Monday)};
    const auto result = roster::generateRotation({staff.value().begin(), staff.value().end()}, rules, start,
                                                 static_cast<std::uint64_t>(teamsPerShift));
    if (!result.schedule) {
        QStringList reasons;
        for (const roster::StaffShortage& s : result.shortages)
            reasons << ViolationText::describe(s);
        if (reasons.isEmpty())
            reasons << tr("These rules need a rotation made by hand.");
        showMessage(tr("No valid rotation for %n team(s) per shift: ", nullptr, teamsPerShift) +
                        reasons.join(QLatin1Char(' ')),
                    true);
        return false;
    }
    store::RosterCycle cycle = m_cycle;
    cycle.schedule = *result.schedule;
    cycle.teamsPerShift = teamsPerShift;
    if (!m_hasCycle)
        cycle.id.clear();
    auto saved = roster.saveCycle(m_services.actor, cycle);
    if (!saved.ok()) {
        showMessage(DomainText::errorText(saved.error()), true);
        return false;
    }
    showMessage(tr("A new rotation with %n complete team(s) on every shift was saved.", nullptr, teamsPerShift), false);
    reload();
    return true;
}

bool RosterWidget::changeFixedShift(int person)
{
    if (!m_hasCycle || person < 0 || person >= m_model->rowCount() || m_rules.shifts.empty())
        return false;
    const roster::StaffMember& member = m_cycle.schedule.staff[static_cast<std::size_t>(person)];
    std::size_t next = 0;
    for (std::size_t i = 0; i < m_rules.shifts.size(); ++i) {
        if (m_rules.shifts[i].code == member.shiftCode)
            next = (i + 1) % m_rules.shifts.size();
    }
    const QString code = QString::fromStdString(m_rules.shifts[next].code);
    const QString name = QString::fromStdString(member.name);
    store::RosterStore roster(m_services.db, m_services.clock);
    if (store::StoreError error = roster.setStaffShift(m_services.actor, QString::fromStdString(member.id), code)) {
        showMessage(DomainText::errorText(error), true);
        return false;
    }
    const QModelIndex keep = m_table->currentIndex();
    reload();
    m_table->setCurrentIndex(keep);
    // Their existing shifts now break the rule until edited or regenerated: the check says so.
    showMessage(tr("%1 now works the %2 shift.").arg(name, code), false);
    return true;
}

bool RosterWidget::exportTo(const QString& path, bool calendar)
{
    if (!m_hasCycle)
        return false;
    const std::string text = calendar ? roster::scheduleIcs(m_cycle.schedule, m_rules, m_zone, -1, m_services.clock.now())
                                      : roster::scheduleCsv(m_cycle.schedule, m_rules, m_zone);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), static_cast<qint64>(text.size())) < 0 ||
        !file.commit()) {
        showMessage(tr("The file could not be written: %1").arg(file.errorString()), true);
        return false;
    }
    store::RosterStore roster(m_services.db, m_services.clock);
    roster.recordExport(m_services.actor, m_cycle.id);
    showMessage(tr("Exported to %1.").arg(path), false);
    return true;
}

bool RosterWidget::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        const QModelIndex at = m_table->currentIndex();
        if (at.isValid() && (key->key() == Qt::Key_Space || key->key() == Qt::Key_Return)) {
            cycleDuty(at.row(), at.column());
            return true;
        }
        if (at.isValid() && key->modifiers() == (Qt::ControlModifier | Qt::ShiftModifier) &&
            (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down)) {
            swapWithNeighbour(at.row(), at.column(), key->key() == Qt::Key_Up ? -1 : 1);
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
    m_generate->setText(tr("&Generate rotation"));
    m_changeShift->setText(tr("Change fi&xed shift"));
    m_changeShift->setToolTip(tr("Move the selected person to the next shift of the program"));
    m_exportCsv->setText(tr("Export &CSV…"));
    m_exportIcs->setText(tr("Export calendar (.&ics)…"));
    m_table->setAccessibleName(tr("Rotation: people by day. Space changes a day, Ctrl+Shift+Up or Down swaps it."));
    m_table->setToolTip(tr("Space: off → shift → administrative hours → off. Ctrl+Shift+Up/Down: swap with the "
                           "person above or below."));
    m_gaps->setHorizontalHeaderLabels({tr("When"), tr("Teams short"), tr("To close it")});
    m_gapsLabel->setText(tr("Coverage against the calls of the last 8 weeks (or as far back as they go)"));
}

} // namespace heart::ui
