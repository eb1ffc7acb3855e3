#include "rules/RuleSetView.h"

#include "intake/ReasonText.h"
#include "map/BeatMapView.h"
#include "rules/RuleText.h"
#include "rules/WeekHoursGrid.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <set>

namespace heart::ui {

using routing::Program;

namespace {
enum ProgramColumn
{
    ColProgram,
    ColCallTypes,
    ColExcluded,
    ColOnlyWhen,
    ColArea,
    ColHours,
    ColHolidays,
    ColFollows,
    ColCount
};

QTableWidget* readOnlyTable(int columns, QWidget* parent)
{
    auto* table = new QTableWidget(0, columns, parent);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setWordWrap(true);
    table->verticalHeader()->setVisible(false);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}
} // namespace

RuleSetView::RuleSetView(QWidget* parent) : QWidget(parent)
{
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("ruleSetHeading"));
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.25);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("ruleSetDetails"));
    m_details->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);

    m_programs = readOnlyTable(ColCount, this);
    m_programs->setObjectName(QStringLiteral("ruleSetPrograms"));
    m_programs->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_programs->setWordWrap(false); // one line a program; the whole text in the tooltip
    m_programs->setMinimumHeight(140);

    m_programLabel = new QLabel(this);
    m_program = new QComboBox(this);
    m_program->setObjectName(QStringLiteral("ruleSetHoursProgram"));
    m_programLabel->setBuddy(m_program);
    m_grid = new WeekHoursGrid(this);
    m_hoursText = new QLabel(this);
    m_hoursText->setObjectName(QStringLiteral("ruleSetHoursText"));
    m_beatsLabel = new QLabel(this);
    m_beats = new QListWidget(this);
    m_beats->setObjectName(QStringLiteral("ruleSetBeats"));
    m_beats->setFlow(QListView::LeftToRight);
    m_beats->setWrapping(true);
    m_beats->setMaximumHeight(48);
    m_beatsLabel->setBuddy(m_beats);
    m_map = new BeatMapView(this);
    m_map->setObjectName(QStringLiteral("ruleSetMap"));
    m_map->setMinimumSize(220, 200);
    m_holidaysLabel = new QLabel(this);
    m_holidays = new QListWidget(this);
    m_holidays->setObjectName(QStringLiteral("ruleSetHolidays"));
    m_holidaysLabel->setBuddy(m_holidays);
    m_typesLabel = new QLabel(this);
    m_callTypes = readOnlyTable(3, this);
    m_callTypes->setObjectName(QStringLiteral("ruleSetCallTypes"));
    m_callTypes->setMaximumHeight(160);
    m_holidays->setMaximumHeight(160);
    m_typesLabel->setBuddy(m_callTypes);

    auto* programRow = new QHBoxLayout;
    programRow->addWidget(m_programLabel);
    programRow->addWidget(m_program);
    programRow->addWidget(m_hoursText, 1);

    auto* lower = new QGridLayout;
    lower->addWidget(m_holidaysLabel, 0, 0);
    lower->addWidget(m_typesLabel, 0, 1);
    lower->addWidget(m_holidays, 1, 0);
    lower->addWidget(m_callTypes, 1, 1);
    lower->setColumnStretch(1, 3);
    lower->setColumnStretch(0, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_details);
    layout->addWidget(m_programs, 3);
    layout->addLayout(programRow);
    auto* hoursAndArea = new QHBoxLayout;
    hoursAndArea->addWidget(m_grid, 3);
    hoursAndArea->addWidget(m_map, 2);
    layout->addLayout(hoursAndArea, 2);
    layout->addWidget(m_beatsLabel);
    layout->addWidget(m_beats);
    layout->addLayout(lower, 2);

    connect(m_program, &QComboBox::currentIndexChanged, this, &RuleSetView::showProgram);
    retranslate();
}

void RuleSetView::showRuleSet(const routing::RuleSet* set, bool inForce)
{
    m_set = set;
    m_inForce = inForce;
    fill();
}

void RuleSetView::fill()
{
    m_programs->setRowCount(0);
    m_holidays->clear();
    m_callTypes->setRowCount(0);
    const int keepProgram = m_program->currentIndex();
    m_program->blockSignals(true);
    m_program->clear();
    if (!m_set) {
        m_heading->setText(tr("No rule set chosen"));
        m_details->clear();
        m_program->blockSignals(false);
        showProgram();
        return;
    }
    m_heading->setText(RuleText::text(m_set->name));
    m_details->setText(tr("%1 · takes effect %2 · time zone %3%4")
                           .arg(RuleText::text(m_set->id), RuleText::date(m_set->effectiveFrom),
                                RuleText::text(m_set->zone.text()),
                                m_inForce ? tr(" · in force now") : QString()));
    for (const routing::ProgramRules& rules : m_set->programs) {
        const int row = m_programs->rowCount();
        m_programs->insertRow(row);
        const QString cells[ColCount] = {RuleText::programName(rules.program) + QStringLiteral(" — ") +
                                             ReasonText::programName(rules.program),
                                         RuleText::callTypes(*m_set, rules),
                                         RuleText::conditions(rules.excludeWhen),
                                         RuleText::conditions(rules.onlyWhen),
                                         RuleText::area(rules),
                                         RuleText::hours(rules),
                                         RuleText::holidays(rules),
                                         RuleText::follows(rules)};
        for (int column = 0; column < ColCount; ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            item->setToolTip(cells[column]);
            m_programs->setItem(row, column, item);
        }
        m_program->addItem(ReasonText::programName(rules.program), int(rules.program));
    }
    m_programs->resizeColumnsToContents();
    for (int column = 0; column < ColCount; ++column)
        m_programs->setColumnWidth(column, std::min(m_programs->columnWidth(column), 260));
    for (const auto day : m_set->holidays)
        m_holidays->addItem(RuleText::date(std::chrono::year_month_day{day}));
    for (const routing::CallType& type : m_set->callTypes) {
        const int row = m_callTypes->rowCount();
        m_callTypes->insertRow(row);
        QStringList aliases;
        for (const std::string& alias : type.aliases)
            aliases << RuleText::text(alias);
        m_callTypes->setItem(row, 0, new QTableWidgetItem(RuleText::text(type.name)));
        m_callTypes->setItem(row, 1, new QTableWidgetItem(RuleText::text(type.code)));
        m_callTypes->setItem(row, 2, new QTableWidgetItem(aliases.join(QStringLiteral(", "))));
    }
    m_callTypes->resizeColumnsToContents();
    m_program->setCurrentIndex(keepProgram >= 0 && keepProgram < m_program->count() ? keepProgram : 0);
    // CRT first when there is one: the program whose hours change most.
    if (keepProgram < 0)
        m_program->setCurrentIndex(std::max(0, m_program->findData(int(Program::CommunityResponse))));
    m_program->blockSignals(false);
    showProgram();
}

void RuleSetView::showProgram()
{
    const routing::ProgramRules* rules = m_set && m_program->currentIndex() >= 0
                                             ? m_set->rulesFor(Program(m_program->currentData().toInt()))
                                             : nullptr;
    m_grid->setRules(rules);
    m_hoursText->setText(rules ? RuleText::hours(*rules) + QStringLiteral(" · ") + RuleText::holidays(*rules)
                               : QString());
    m_beats->clear();
    showAreaOnMap(rules);
    if (!rules)
        return;
    switch (rules->area) {
    case routing::AreaKind::Anywhere:
        m_beatsLabel->setText(tr("Service area of %1: anywhere (no location needed)")
                                  .arg(RuleText::programName(rules->program)));
        break;
    case routing::AreaKind::OnlyBeats:
        m_beatsLabel->setText(tr("Service area of %1: %2 beats")
                                  .arg(RuleText::programName(rules->program))
                                  .arg(rules->areaBeats.size()));
        break;
    case routing::AreaKind::AllBeatsExcept:
        m_beatsLabel->setText(
            rules->areaBeats.empty()
                ? tr("Service area of %1: every beat of the map").arg(RuleText::programName(rules->program))
                : tr("Service area of %1: every beat of the map except these:")
                      .arg(RuleText::programName(rules->program)));
        break;
    }
    for (const std::string& beat : rules->areaBeats)
        m_beats->addItem(RuleText::text(beat));
}

void RuleSetView::setBeatMap(std::shared_ptr<const geo::BeatMap> map)
{
    m_map->setBeatMap(std::move(map));
    showProgram();
}

// The program's beats filled and outlined on the map, with "served" or "not
// served" in each beat's tooltip; nothing outlined for a program that serves
// anywhere (no location needed).
void RuleSetView::showAreaOnMap(const routing::ProgramRules* rules)
{
    QSet<QString> served;
    QHash<QString, QString> texts;
    const geo::BeatMap* map = m_map->beatMap();
    if (rules && map && rules->area != routing::AreaKind::Anywhere) {
        std::set<std::string> listed(rules->areaBeats.begin(), rules->areaBeats.end());
        for (const std::string& id : map->beatIds()) {
            const bool inList = listed.count(id) > 0;
            const bool isServed = rules->area == routing::AreaKind::OnlyBeats ? inList : !inList;
            const QString beat = QString::fromStdString(id);
            if (isServed)
                served.insert(beat);
            texts.insert(beat, isServed ? tr("served") : tr("not served"));
        }
    }
    QHash<QString, QColor> colors;
    for (const QString& beat : std::as_const(served))
        colors.insert(beat, QColor(0xa5, 0xd6, 0xa7));
    m_map->setFillColors(colors);
    m_map->setBeatTexts(texts);
    m_map->setOutlinedBeats(
        served, rules ? tr("Service area of %1").arg(RuleText::programName(rules->program)) : QString());
}

void RuleSetView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void RuleSetView::retranslate()
{
    m_programs->setHorizontalHeaderLabels({tr("Program"), tr("Call types"), tr("Not when"), tr("Only when"),
                                           tr("Service area"), tr("Hours"), tr("Holidays"),
                                           tr("Follows up")});
    m_programs->setAccessibleName(tr("Programs and their rules"));
    m_programLabel->setText(tr("Hours of &program:"));
    m_holidaysLabel->setText(tr("Ho&lidays"));
    m_typesLabel->setText(tr("Call &types"));
    m_callTypes->setHorizontalHeaderLabels({tr("Name"), tr("Code"), tr("Other spellings")});
    m_beats->setAccessibleName(tr("Beats of the service area"));
    fill();
}

} // namespace heart::ui
