#include "rules/ImpactView.h"

#include "intake/ReasonText.h"
#include "map/BeatMapView.h"
#include "rules/RuleText.h"

#include <QColor>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace heart::ui {

namespace {

enum ProgramColumn
{
    ColProgram,
    ColBefore,
    ColAfter,
    ColGained,
    ColLost,
    ColTeamHours,
    ColPeak,
    ColOpenHours,
    ColCount
};

enum StaffingColumn
{
    StaffProgram,
    StaffNeeded,
    StaffRoster,
    StaffShortHours,
    StaffShortTeamHours,
    StaffToClose,
    StaffCount
};

// The table as tall as its rows (and the scroll bar): every program in sight.
void fitHeight(QTableWidget* table)
{
    int height = table->horizontalHeader()->height() + 2 * table->frameWidth() +
                 table->horizontalScrollBar()->sizeHint().height();
    for (int r = 0; r < table->rowCount(); ++r)
        height += table->rowHeight(r);
    table->setFixedHeight(height);
}

bool operates(const routing::ProgramImpact& impact)
{
    return impact.staffingBefore.operates || impact.staffingAfter.operates;
}

QString number(double value)
{
    return QLocale().toString(value, 'f', value == std::floor(value) ? 0 : 1);
}

QTableWidgetItem* readOnly(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

} // namespace

ImpactView::ImpactView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("impactView"));
    m_headline = new QLabel(this);
    m_headline->setObjectName(QStringLiteral("impactHeadline"));
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    m_headline->setFocusPolicy(Qt::StrongFocus);

    m_programs = new QTableWidget(0, ColCount, this);
    m_programs->setObjectName(QStringLiteral("impactPrograms"));
    m_programs->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_programs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_programs->verticalHeader()->hide();
    m_programs->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    // The teams the hours need against what the current roster provides.
    m_staffingLabel = new QLabel(this);
    m_staffingLabel->setObjectName(QStringLiteral("impactStaffingLabel"));
    m_staffingLabel->setWordWrap(true);
    m_staffing = new QTableWidget(0, StaffCount, this);
    m_staffing->setObjectName(QStringLiteral("impactStaffing"));
    m_staffing->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_staffing->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_staffing->verticalHeader()->hide();
    m_staffing->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_staffingLabel->setBuddy(m_staffing);

    m_programLabel = new QLabel(this);
    m_program = new QComboBox(this);
    m_program->setObjectName(QStringLiteral("impactProgram"));
    m_programLabel->setBuddy(m_program);

    // The change by hour of the week: net calls gained (green) or lost (red).
    m_hours = new QTableWidget(7, 24, this);
    m_hours->setObjectName(QStringLiteral("impactHours"));
    m_hours->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_hours->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_hours->horizontalHeader()->setMinimumSectionSize(18);
    m_hours->verticalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_hours->setTextElideMode(Qt::ElideNone);
    QFont small = m_hours->font();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    m_hours->setFont(small);
    m_hours->setMinimumHeight(170);
    m_hours->setMaximumHeight(220);
    for (int hour = 0; hour < 24; ++hour)
        m_hours->setHorizontalHeaderItem(
            hour, new QTableWidgetItem(QStringLiteral("%1").arg(hour, 2, 10, QLatin1Char('0'))));
    for (int day = 0; day < 7; ++day) {
        m_hours->setVerticalHeaderItem(day, new QTableWidgetItem);
        for (int hour = 0; hour < 24; ++hour)
            m_hours->setItem(day, hour, readOnly(QString()));
    }

    m_beatsLabel = new QLabel(this);
    m_beats = new QTableWidget(0, 3, this);
    m_beats->setObjectName(QStringLiteral("impactBeats"));
    m_beats->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_beats->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_beats->verticalHeader()->hide();
    m_beatsLabel->setBuddy(m_beats);
    m_map = new BeatMapView(this);
    m_map->setObjectName(QStringLiteral("impactMap"));
    m_map->setMinimumHeight(220);
    m_map->hide();

    auto* programRow = new QHBoxLayout;
    programRow->addWidget(m_programLabel);
    programRow->addWidget(m_program, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_headline);
    layout->addWidget(m_programs);
    layout->addWidget(m_staffingLabel);
    layout->addWidget(m_staffing);
    layout->addLayout(programRow);
    layout->addWidget(m_hours);
    layout->addWidget(m_beatsLabel);
    auto* beatsRow = new QHBoxLayout;
    beatsRow->addWidget(m_map, 3);
    beatsRow->addWidget(m_beats, 2);
    layout->addLayout(beatsRow, 1);

    connect(m_program, &QComboBox::currentIndexChanged, this, &ImpactView::showProgram);
    retranslate();
    showReport(nullptr, 0);
}

std::size_t ImpactView::changedCalls() const
{
    if (!m_report)
        return 0;
    std::size_t changed = 0;
    for (const routing::ProgramImpact& impact : m_report->programs)
        changed += impact.becomeEligible + impact.becomeIneligible;
    return changed;
}

void ImpactView::setBeatMap(std::shared_ptr<const geo::BeatMap> beats)
{
    m_map->setVisible(beats != nullptr);
    m_map->setBeatMap(std::move(beats));
}

void ImpactView::showReport(const routing::ImpactReport* report, int weeks)
{
    m_report = report ? std::make_unique<routing::ImpactReport>(*report) : nullptr;
    m_weeks = weeks;
    const QSignalBlocker block(m_program);
    const QVariant chosen = m_program->currentData();
    m_program->clear();
    m_programs->setRowCount(0);
    m_staffing->setRowCount(0);
    if (m_report) {
        for (const routing::ProgramImpact& impact : m_report->programs) {
            if (!operates(impact))
                continue;
            m_program->addItem(ReasonText::programName(impact.program), int(impact.program));
            m_programs->insertRow(m_programs->rowCount());
            m_staffing->insertRow(m_staffing->rowCount());
        }
        // The program with the largest change first, unless one was chosen.
        int index = chosen.isValid() ? m_program->findData(chosen) : -1;
        if (index < 0) {
            std::size_t most = 0;
            for (int i = 0; i < m_program->count(); ++i) {
                const auto& impact = m_report->program(routing::Program(m_program->itemData(i).toInt()));
                if (impact.becomeEligible + impact.becomeIneligible > most) {
                    most = impact.becomeEligible + impact.becomeIneligible;
                    index = i;
                }
            }
        }
        m_program->setCurrentIndex(std::max(0, index));
    }
    m_program->setEnabled(m_report != nullptr);
    m_staffingLabel->setVisible(m_report != nullptr);
    m_staffing->setVisible(m_report != nullptr);
    retranslate();
}

void ImpactView::showProgram()
{
    const bool have = m_report && m_program->currentIndex() >= 0;
    const routing::ProgramImpact* impact =
        have ? &m_report->program(routing::Program(m_program->currentData().toInt())) : nullptr;
    long most = 1;
    if (impact) {
        for (int h = 0; h < 168; ++h)
            most = std::max(most, std::labs(long(impact->gainedByHour[std::size_t(h)]) -
                                            long(impact->lostByHour[std::size_t(h)])));
    }
    for (int day = 0; day < 7; ++day) {
        for (int hour = 0; hour < 24; ++hour) {
            QTableWidgetItem* cell = m_hours->item(day, hour);
            const std::size_t h = std::size_t(day * 24 + hour);
            const long gained = impact ? long(impact->gainedByHour[h]) : 0;
            const long lost = impact ? long(impact->lostByHour[h]) : 0;
            const long net = gained - lost;
            cell->setText(net == 0 ? QString()
                                   : (net > 0 ? QStringLiteral("+%1") : QStringLiteral("%1")).arg(net));
            const int strength = int(40 + 180 * std::labs(net) / most);
            cell->setBackground(net > 0   ? QColor(255 - strength, 255, 255 - strength)
                                : net < 0 ? QColor(255, 255 - strength, 255 - strength)
                                          : QColor(0xfa, 0xfa, 0xfa));
            cell->setForeground(std::labs(net) * 2 > most ? QColor(Qt::black) : QColor(0x42, 0x42, 0x42));
            const QString when = QStringLiteral("%1 %2:00")
                                     .arg(m_hours->verticalHeaderItem(day)->text())
                                     .arg(hour, 2, 10, QLatin1Char('0'));
            cell->setToolTip(
                tr("%1: %2 calls become eligible, %3 become ineligible").arg(when).arg(gained).arg(lost));
            cell->setData(Qt::AccessibleTextRole, cell->toolTip());
        }
    }
    m_beats->setRowCount(0);
    QHash<QString, QColor> colors;
    QHash<QString, QString> texts;
    if (impact) {
        for (const auto& [beat, change] : impact->byBeat) {
            const long net = long(change.gained) - long(change.lost);
            const QString id = RuleText::text(beat);
            colors.insert(id, net > 0   ? QColor(0x66, 0xbb, 0x6a)
                              : net < 0 ? QColor(0xef, 0x53, 0x50)
                                        : QColor(0xff, 0xee, 0x58));
            texts.insert(
                id, tr("%1 calls become eligible, %2 become ineligible").arg(change.gained).arg(change.lost));
        }
    }
    m_map->setFillColors(colors);
    m_map->setBeatTexts(texts);
    if (!impact)
        return;
    std::vector<std::pair<std::string, routing::BeatImpact>> beats(impact->byBeat.begin(),
                                                                   impact->byBeat.end());
    std::stable_sort(beats.begin(), beats.end(), [](const auto& a, const auto& b) {
        return a.second.gained + a.second.lost > b.second.gained + b.second.lost;
    });
    for (const auto& [beat, change] : beats) {
        const int row = m_beats->rowCount();
        m_beats->insertRow(row);
        m_beats->setItem(row, 0, readOnly(beat.empty() ? tr("(no beat)") : RuleText::text(beat)));
        m_beats->setItem(row, 1, readOnly(QLocale().toString(qulonglong(change.gained))));
        m_beats->setItem(row, 2, readOnly(QLocale().toString(qulonglong(change.lost))));
    }
    m_beats->resizeColumnsToContents();
}

void ImpactView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ImpactView::retranslate()
{
    const QString days[7] = {tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"), tr("Fri"), tr("Sat"), tr("Sun")};
    for (int day = 0; day < 7; ++day)
        m_hours->verticalHeaderItem(day)->setText(days[day]);
    m_hours->setAccessibleName(tr("Change in eligible calls by weekday and hour"));
    m_programLabel->setText(tr("By hour of the week and by beat, for &program:"));
    m_programs->setHorizontalHeaderLabels({tr("Program"), tr("Eligible before"), tr("Eligible after"),
                                           tr("Become eligible"), tr("Become ineligible"),
                                           tr("Team-hours a week"), tr("Most teams at once"),
                                           tr("Open hours a week")});
    m_programs->setAccessibleName(tr("Change per program"));
    m_staffingLabel->setText(tr("Sta&ffing: the teams each program's hours need (team-hours a week) "
                                "against what the current roster provides in those hours (its responders "
                                "are CRT's), the open hours it leaves short, before → after:"));
    m_staffing->setHorizontalHeaderLabels({tr("Program"), tr("Teams needed"), tr("Roster provides"),
                                           tr("Hours short"), tr("Team-hours short"),
                                           tr("To close the gaps (new rules)")});
    m_staffing->setAccessibleName(tr("Staffing against the current roster, per program"));
    m_beatsLabel->setText(tr("By &beat (beats with a change):"));
    m_beats->setHorizontalHeaderLabels({tr("Beat"), tr("Become eligible"), tr("Become ineligible")});
    if (!m_report) {
        m_headline->setText(tr("Preview the impact to see what the new rules would have done to the "
                               "calls of the last weeks."));
        showProgram();
        return;
    }
    m_headline->setText(
        tr("Calls of the last %1 weeks replayed under both rule sets: %2; eligibility changes: %3.")
            .arg(m_weeks)
            .arg(QLocale().toString(qulonglong(m_report->calls)),
                 QLocale().toString(qulonglong(changedCalls()))));
    const QString arrow = QString::fromUtf8(" → ");
    int row = 0;
    for (const routing::ProgramImpact& impact : m_report->programs) {
        if (!operates(impact))
            continue;
        const auto& before = impact.staffingBefore;
        const auto& after = impact.staffingAfter;
        const QString cells[ColCount] = {
            RuleText::programName(impact.program),
            QLocale().toString(qulonglong(impact.eligibleBefore)),
            QLocale().toString(qulonglong(impact.eligibleAfter)),
            QStringLiteral("+") + QLocale().toString(qulonglong(impact.becomeEligible)),
            QString::fromUtf8("−") + QLocale().toString(qulonglong(impact.becomeIneligible)),
            number(before.teamHoursPerWeek) + arrow + number(after.teamHoursPerWeek),
            number(before.peakTeams) + arrow + number(after.peakTeams),
            QString::number(before.openHoursPerWeek) + arrow + QString::number(after.openHoursPerWeek),
        };
        for (int column = 0; column < ColCount; ++column)
            m_programs->setItem(row, column, readOnly(cells[column]));
        ++row;
    }
    m_programs->resizeColumnsToContents();
    fitHeight(m_programs);
    showStaffing();
    showProgram();
}

void ImpactView::showStaffing()
{
    const QString arrow = QString::fromUtf8(" → ");
    int row = 0;
    for (const routing::ProgramImpact& impact : m_report->programs) {
        if (!operates(impact))
            continue;
        const auto& before = impact.staffingBefore;
        const auto& after = impact.staffingAfter;
        const bool rostered = before.rostered || after.rostered;
        QString toClose;
        if (!after.operates)
            toClose = tr("closed");
        else if (after.uncoveredHours == 0)
            toClose = tr("covered");
        else if (!rostered)
            toClose = tr("not on the roster: %n team-hour(s) a week to staff", nullptr,
                         int(std::ceil(after.shortTeamHours)));
        else {
            QStringList parts;
            if (after.moreClinicians > 0 || after.moreSupport > 0)
                parts << tr("+%1 clinician(s), +%2 peer support/EMT")
                             .arg(after.moreClinicians)
                             .arg(after.moreSupport);
            if (after.hoursOutsideShifts > 0)
                parts << tr("%n hour(s) no shift reaches", nullptr, after.hoursOutsideShifts);
            toClose = parts.join(QStringLiteral("; "));
        }
        const QString cells[StaffCount] = {
            RuleText::programName(impact.program),
            number(before.teamHoursPerWeek) + arrow + number(after.teamHoursPerWeek),
            rostered ? number(before.rosterTeamHoursPerWeek) + arrow + number(after.rosterTeamHoursPerWeek)
                     : tr("not on the roster"),
            QString::number(before.uncoveredHours) + arrow + QString::number(after.uncoveredHours),
            number(before.shortTeamHours) + arrow + number(after.shortTeamHours),
            toClose,
        };
        for (int column = 0; column < StaffCount; ++column) {
            QTableWidgetItem* item = readOnly(cells[column]);
            if (column == StaffShortHours && after.uncoveredHours > before.uncoveredHours)
                item->setForeground(QColor(0xb7, 0x1c, 0x1c));
            m_staffing->setItem(row, column, item);
        }
        ++row;
    }
    m_staffing->resizeColumnsToContents();
    fitHeight(m_staffing);
}

} // namespace heart::ui
