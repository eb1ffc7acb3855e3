#include "rules/RuleSetEditor.h"

#include "core/routing/RuleSetDiff.h"
#include "core/routing/RuleSetJson.h"
#include "intake/ReasonText.h"
#include "map/BeatMapView.h"
#include "rules/ImpactView.h"
#include "rules/RuleText.h"
#include "rules/WeekHoursEditor.h"
#include "shell/DomainText.h"
#include "usecases/RuleSetUseCases.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSet>
#include <QSpinBox>
#include <QSplitter>
#include <QThread>
#include <QVBoxLayout>
#include <algorithm>

namespace heart::ui {

namespace {

constexpr std::array<const char*, 7> kDayKeys = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

enum AreaMode
{
    AreaAnywhere,
    AreaOnlyChecked,
    AreaAllButUnchecked,
};

// The condition codes a program can be excluded by, in the lists' order.
std::vector<routing::Condition> excludableConditions()
{
    std::vector<routing::Condition> conditions;
    for (routing::CallFlag flag : routing::kAllFlags)
        conditions.push_back(routing::Condition{false, flag, routing::RiskLevel::High});
    for (routing::RiskLevel risk : {routing::RiskLevel::None, routing::RiskLevel::Low,
                                    routing::RiskLevel::Moderate, routing::RiskLevel::High})
        conditions.push_back(routing::Condition{true, routing::CallFlag::Weapon, risk});
    return conditions;
}

QString rangesText(const std::vector<routing::TimeRange>& ranges)
{
    QStringList parts;
    for (const routing::TimeRange& range : ranges)
        parts << QString::fromStdString(routing::formatMinuteOfDay(range.start) + "-" +
                                        routing::formatMinuteOfDay(range.end));
    return parts.join(QStringLiteral(", "));
}

QStringList checkedData(const QListWidget* list, Qt::CheckState state)
{
    QStringList codes;
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->checkState() == state)
            codes << list->item(row)->data(Qt::UserRole).toString();
    }
    return codes;
}

QDate nextMonday(QDate today)
{
    return today.addDays(8 - today.dayOfWeek()); // Monday = 1: a Monday gives the next one
}

QString suggestedId(const QString& baseId, QDate from)
{
    static const QRegularExpression date(QStringLiteral("\\d{4}-\\d{2}-\\d{2}"));
    QString id = baseId;
    const QString iso = from.toString(Qt::ISODate);
    if (date.match(id).hasMatch())
        id.replace(date.match(id).capturedStart(), 10, iso);
    else
        id += QLatin1Char('-') + iso;
    return id;
}

} // namespace

RuleSetEditor::RuleSetEditor(Services services, QWidget* parent)
    : QWidget(parent), m_services(std::move(services))
{
    setObjectName(QStringLiteral("ruleSetEditor"));
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("ruleSetEditorHeading"));
    m_heading->setWordWrap(true);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);

    // What the version is: id, name, the date it takes effect.
    m_idLabel = new QLabel(this);
    m_id = new QLineEdit(this);
    m_id->setObjectName(QStringLiteral("ruleSetEditorId"));
    m_idLabel->setBuddy(m_id);
    m_nameLabel = new QLabel(this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("ruleSetEditorName"));
    m_nameLabel->setBuddy(m_name);
    m_effectiveLabel = new QLabel(this);
    m_effective = new QDateEdit(this);
    m_effective->setObjectName(QStringLiteral("ruleSetEditorEffective"));
    m_effective->setCalendarPopup(true);
    m_effective->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_effectiveLabel->setBuddy(m_effective);

    // One program at a time.
    m_programLabel = new QLabel(this);
    m_program = new QComboBox(this);
    m_program->setObjectName(QStringLiteral("ruleSetEditorProgram"));
    m_programLabel->setBuddy(m_program);

    m_areaLabel = new QLabel(this);
    m_areaMode = new QComboBox(this);
    m_areaMode->setObjectName(QStringLiteral("ruleSetEditorAreaMode"));
    m_areaLabel->setBuddy(m_areaMode);
    m_map = new BeatMapView(this);
    m_map->setObjectName(QStringLiteral("ruleSetEditorMap"));
    m_map->setMinimumHeight(200);
    m_map->setMaximumHeight(280);
    m_beats = new QListWidget(this);
    m_beats->setObjectName(QStringLiteral("ruleSetEditorBeats"));
    m_beats->setFlow(QListView::LeftToRight);
    m_beats->setWrapping(true);
    m_beats->setResizeMode(QListView::Adjust);
    m_beats->setMinimumHeight(90);
    m_beats->setMaximumHeight(120);
    m_checkAllBeats = new QPushButton(this);
    m_checkAllBeats->setObjectName(QStringLiteral("ruleSetEditorCheckAllBeats"));
    m_uncheckAllBeats = new QPushButton(this);
    m_uncheckAllBeats->setObjectName(QStringLiteral("ruleSetEditorUncheckAllBeats"));

    m_hoursLabel = new QLabel(this);
    m_alwaysOpen = new QCheckBox(this);
    m_alwaysOpen->setObjectName(QStringLiteral("ruleSetEditorAlwaysOpen"));
    auto* hoursGrid = new QGridLayout;
    for (int day = 0; day < 7; ++day) {
        m_dayLabels[std::size_t(day)] = new QLabel(this);
        m_dayHours[std::size_t(day)] = new QLineEdit(this);
        m_dayHours[std::size_t(day)]->setObjectName(
            QStringLiteral("ruleSetEditorHours_%1").arg(QLatin1String(kDayKeys[std::size_t(day)])));
        m_dayLabels[std::size_t(day)]->setBuddy(m_dayHours[std::size_t(day)]);
        hoursGrid->addWidget(m_dayLabels[std::size_t(day)], day % 4, (day / 4) * 2);
        hoursGrid->addWidget(m_dayHours[std::size_t(day)], day % 4, (day / 4) * 2 + 1);
    }
    m_sameEveryDay = new QPushButton(this);
    m_sameEveryDay->setObjectName(QStringLiteral("ruleSetEditorSameEveryDay"));
    hoursGrid->addWidget(m_sameEveryDay, 3, 2, 1, 2);
    m_grid = new WeekHoursEditor(this);
    m_grid->setObjectName(QStringLiteral("ruleSetEditorGrid"));
    m_closedOnHolidays = new QCheckBox(this);
    m_closedOnHolidays->setObjectName(QStringLiteral("ruleSetEditorClosedOnHolidays"));

    m_callTypesLabel = new QLabel(this);
    m_allCallTypes = new QCheckBox(this);
    m_allCallTypes->setObjectName(QStringLiteral("ruleSetEditorAllCallTypes"));
    m_callTypes = new QListWidget(this);
    m_callTypes->setObjectName(QStringLiteral("ruleSetEditorCallTypes"));
    m_callTypesLabel->setBuddy(m_callTypes);
    m_excludesLabel = new QLabel(this);
    m_excludes = new QListWidget(this);
    m_excludes->setObjectName(QStringLiteral("ruleSetEditorExcludes"));
    m_excludesLabel->setBuddy(m_excludes);
    for (QListWidget* list : {m_callTypes, m_excludes}) {
        list->setMinimumHeight(110);
        list->setMaximumHeight(150);
    }

    m_summaryLabel = new QLabel(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("ruleSetEditorSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    m_summary->setFocusPolicy(Qt::StrongFocus);
    m_summaryLabel->setBuddy(m_summary);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("ruleSetEditorError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_elsewhere = new QLabel(this);
    m_elsewhere->setObjectName(QStringLiteral("ruleSetEditorChangedElsewhere"));
    m_elsewhere->setWordWrap(true);
    m_elsewhere->setStyleSheet(QStringLiteral("color: #b71c1c; font-weight: 600;"));
    m_elsewhere->hide();

    // The preview and the save.
    m_compareLabel = new QLabel(this);
    m_compareWith = new QComboBox(this);
    m_compareWith->setObjectName(QStringLiteral("ruleSetEditorCompareWith"));
    m_compareLabel->setBuddy(m_compareWith);
    m_weeksLabel = new QLabel(this);
    m_weeks = new QSpinBox(this);
    m_weeks->setObjectName(QStringLiteral("ruleSetEditorWeeks"));
    m_weeks->setRange(1, 104);
    m_weeks->setValue(8);
    m_weeksLabel->setBuddy(m_weeks);
    m_preview = new QPushButton(this);
    m_preview->setObjectName(QStringLiteral("ruleSetEditorPreview"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("ruleSetEditorProgress"));
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_impact = new ImpactView(this);
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("ruleSetEditorSave"));
    m_saveMessage = new QLabel(this);
    m_saveMessage->setObjectName(QStringLiteral("ruleSetEditorSaveMessage"));
    m_saveMessage->setWordWrap(true);

    // Left: the rules; right: the summary, the preview and the save.
    auto* left = new QWidget(this);
    auto* form = new QFormLayout;
    form->addRow(m_idLabel, m_id);
    form->addRow(m_nameLabel, m_name);
    form->addRow(m_effectiveLabel, m_effective);
    form->addRow(m_programLabel, m_program);
    auto* areaButtons = new QHBoxLayout;
    areaButtons->addWidget(m_areaMode, 1);
    areaButtons->addWidget(m_checkAllBeats);
    areaButtons->addWidget(m_uncheckAllBeats);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->addWidget(m_heading);
    leftLayout->addLayout(form);
    leftLayout->addWidget(m_areaLabel);
    leftLayout->addLayout(areaButtons);
    leftLayout->addWidget(m_map);
    leftLayout->addWidget(m_beats);
    leftLayout->addWidget(m_hoursLabel);
    leftLayout->addWidget(m_alwaysOpen);
    leftLayout->addLayout(hoursGrid);
    leftLayout->addWidget(m_grid);
    leftLayout->addWidget(m_closedOnHolidays);
    auto* lists = new QGridLayout;
    lists->addWidget(m_callTypesLabel, 0, 0);
    lists->addWidget(m_allCallTypes, 1, 0);
    lists->addWidget(m_callTypes, 2, 0);
    lists->addWidget(m_excludesLabel, 0, 1, 2, 1, Qt::AlignBottom);
    lists->addWidget(m_excludes, 2, 1);
    leftLayout->addLayout(lists);
    leftLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(left);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto* right = new QWidget(this);
    auto* previewRow = new QHBoxLayout;
    previewRow->addWidget(m_compareLabel);
    previewRow->addWidget(m_compareWith, 1);
    previewRow->addWidget(m_weeksLabel);
    previewRow->addWidget(m_weeks);
    previewRow->addWidget(m_preview);
    auto* saveRow = new QHBoxLayout;
    saveRow->addWidget(m_saveMessage, 1);
    saveRow->addWidget(m_save);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->addWidget(m_elsewhere);
    rightLayout->addWidget(m_summaryLabel);
    rightLayout->addWidget(m_summary);
    rightLayout->addWidget(m_error);
    rightLayout->addLayout(previewRow);
    rightLayout->addWidget(m_progress);
    rightLayout->addWidget(m_impact, 1);
    rightLayout->addLayout(saveRow);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(scroll);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({1000, 1000}); // half and half, whatever the preview's tables would like
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_id, &QLineEdit::textEdited, this, &RuleSetEditor::revalidate);
    connect(m_name, &QLineEdit::textEdited, this, &RuleSetEditor::revalidate);
    connect(m_effective, &QDateEdit::dateChanged, this, &RuleSetEditor::effectiveDateChanged);
    connect(m_program, &QComboBox::currentIndexChanged, this, &RuleSetEditor::showProgram);
    connect(m_areaMode, &QComboBox::currentIndexChanged, this, &RuleSetEditor::writeArea);
    connect(m_beats, &QListWidget::itemChanged, this, &RuleSetEditor::writeArea);
    connect(m_map, &BeatMapView::beatClicked, this, &RuleSetEditor::toggleBeat);
    for (QPushButton* button : {m_checkAllBeats, m_uncheckAllBeats}) {
        connect(button, &QPushButton::clicked, this, [this, button] {
            m_loading = true;
            for (int row = 0; row < m_beats->count(); ++row)
                m_beats->item(row)->setCheckState(button == m_checkAllBeats ? Qt::Checked : Qt::Unchecked);
            m_loading = false;
            writeArea();
        });
    }
    connect(m_alwaysOpen, &QCheckBox::toggled, this, &RuleSetEditor::writeHours);
    for (QLineEdit* day : m_dayHours)
        connect(day, &QLineEdit::textEdited, this, &RuleSetEditor::writeHours);
    connect(m_grid, &WeekHoursEditor::daysEdited, this, &RuleSetEditor::hoursPainted);
    connect(m_sameEveryDay, &QPushButton::clicked, this, [this] {
        for (std::size_t day = 1; day < 7; ++day)
            m_dayHours[day]->setText(m_dayHours[0]->text());
        writeHours();
    });
    connect(m_closedOnHolidays, &QCheckBox::toggled, this, &RuleSetEditor::writeHolidays);
    connect(m_allCallTypes, &QCheckBox::toggled, this, &RuleSetEditor::writeCallTypes);
    connect(m_callTypes, &QListWidget::itemChanged, this, &RuleSetEditor::writeCallTypes);
    connect(m_excludes, &QListWidget::itemChanged, this, &RuleSetEditor::writeExcludes);
    connect(m_preview, &QPushButton::clicked, this, &RuleSetEditor::previewImpact);
    connect(m_save, &QPushButton::clicked, this, &RuleSetEditor::save);

    retranslate();
    setEnabled(false);
}

RuleSetEditor::~RuleSetEditor()
{
    if (m_worker) {
        // The replay touches no database and ends on its own: wait for it.
        m_worker->disconnect(this);
        m_worker->wait();
        delete m_worker;
    }
}

bool RuleSetEditor::startFrom(const routing::RuleSet& base, const routing::RuleSet* inForce,
                              std::shared_ptr<const geo::BeatMap> beats, QDate today)
{
    auto document = usecases::RuleSetUseCases(m_services).document(QString::fromStdString(base.id));
    if (!document.ok()) {
        m_error->setText(DomainText::errorText(document.error()));
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(document.value(), &parseError);
    if (!json.isObject()) {
        m_error->setText(tr("The rule set's document cannot be read: %1").arg(parseError.errorString()));
        return false;
    }
    m_loading = true;
    m_edited.reset(); // nothing of an earlier edit is shown while the lists fill
    m_doc = json.object();
    m_base = base;
    m_inForce.reset();
    if (inForce)
        m_inForce = *inForce;
    m_beatMap = std::move(beats);
    m_map->setBeatMap(m_beatMap);
    m_impact->setBeatMap(m_beatMap);
    m_today = today;
    m_saveMessage->clear();
    m_impact->showReport(nullptr, 0);

    m_effective->setMinimumDate(today.addDays(1));
    m_effective->setDate(nextMonday(today));
    m_suggestedId = suggestedId(RuleText::text(base.id), m_effective->date());
    m_id->setText(m_suggestedId);
    m_name->setText(RuleText::text(base.name));

    m_program->clear();
    for (const routing::ProgramRules& rules : base.programs) {
        const std::string_view code = routing::programCode(rules.program);
        m_program->addItem(ReasonText::programName(rules.program),
                           QString::fromUtf8(code.data(), qsizetype(code.size())));
    }
    m_areaMode->clear();
    m_areaMode->addItems({tr("Anywhere (no location needed)"), tr("Only the beats checked below"),
                          tr("Every beat of the map but the unchecked ones")});
    m_beats->clear();
    if (m_beatMap) {
        for (const std::string& id : m_beatMap->beatIds()) {
            auto* item = new QListWidgetItem(RuleText::text(id), m_beats);
            item->setData(Qt::UserRole, RuleText::text(id));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
    }
    m_beats->setCurrentRow(0); // Space toggles at once, End goes to the last beat
    m_callTypes->clear();
    for (const routing::CallType& type : base.callTypes) {
        auto* item = new QListWidgetItem(RuleText::text(type.name), m_callTypes);
        item->setData(Qt::UserRole, RuleText::text(type.code));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_excludes->clear();
    for (const routing::Condition& condition : excludableConditions()) {
        auto* item = new QListWidgetItem(RuleText::conditions({condition}), m_excludes);
        item->setData(Qt::UserRole, QString::fromStdString(condition.code()));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_callTypes->setCurrentRow(0);
    m_excludes->setCurrentRow(0);
    m_compareWith->clear();
    if (m_inForce)
        m_compareWith->addItem(tr("the rules in force now (%1)").arg(RuleText::text(m_inForce->id)), 0);
    if (!m_inForce || m_inForce->id != base.id)
        m_compareWith->addItem(tr("the rules it is made from (%1)").arg(RuleText::text(base.id)), 1);
    m_loading = false;
    setEnabled(true);
    revalidate();
    showProgram();
    retranslate();
    m_elsewhere->clear();
    m_elsewhere->hide();
    m_dirty = false;
    return true;
}

void RuleSetEditor::noteRulesChangedElsewhere(const QDateTime& at)
{
    const QString when =
        at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : tr("just now");
    m_elsewhere->setText(tr("Rule sets were saved on another workstation (%1) while you were editing. Your "
                            "edits here are kept, not replaced; the list above shows what was saved. "
                            "Compare before saving this version.")
                             .arg(when));
    m_elsewhere->setAccessibleName(tr("Warning"));
    m_elsewhere->show();
}

QString RuleSetEditor::programCode() const
{
    return m_program->currentData().toString();
}

void RuleSetEditor::showProgram()
{
    if (!m_edited || programCode().isEmpty())
        return;
    const auto program = routing::programFromCode(programCode().toStdString());
    const routing::ProgramRules* rules = program ? m_edited->rulesFor(*program) : nullptr;
    if (!rules)
        return;
    const bool wasLoading = m_loading;
    m_loading = true;
    m_areaMode->setCurrentIndex(rules->area == routing::AreaKind::Anywhere    ? AreaAnywhere
                                : rules->area == routing::AreaKind::OnlyBeats ? AreaOnlyChecked
                                                                              : AreaAllButUnchecked);
    for (int row = 0; row < m_beats->count(); ++row) {
        QListWidgetItem* item = m_beats->item(row);
        const bool listed = std::binary_search(rules->areaBeats.begin(), rules->areaBeats.end(),
                                               item->data(Qt::UserRole).toString().toStdString());
        const bool served = rules->area == routing::AreaKind::OnlyBeats ? listed : !listed;
        item->setCheckState(served ? Qt::Checked : Qt::Unchecked);
    }
    const bool beatsMatter = rules->area != routing::AreaKind::Anywhere;
    m_beats->setEnabled(beatsMatter);
    m_checkAllBeats->setEnabled(beatsMatter);
    m_uncheckAllBeats->setEnabled(beatsMatter);
    m_alwaysOpen->setChecked(rules->alwaysOpen);
    for (std::size_t day = 0; day < 7; ++day) {
        m_dayHours[day]->setText(rules->alwaysOpen ? QString() : rangesText(rules->hours[day]));
        m_dayHours[day]->setEnabled(!rules->alwaysOpen);
    }
    m_sameEveryDay->setEnabled(!rules->alwaysOpen);
    m_grid->setEnabled(!rules->alwaysOpen);
    m_closedOnHolidays->setChecked(rules->closedOnHolidays);
    m_allCallTypes->setChecked(rules->allCallTypes);
    for (int row = 0; row < m_callTypes->count(); ++row) {
        const bool eligible = rules->allCallTypes || (std::size_t(row) < rules->eligibleCallType.size() &&
                                                      rules->eligibleCallType[std::size_t(row)]);
        m_callTypes->item(row)->setCheckState(eligible ? Qt::Checked : Qt::Unchecked);
    }
    m_callTypes->setEnabled(!rules->allCallTypes);
    for (int row = 0; row < m_excludes->count(); ++row) {
        const QString code = m_excludes->item(row)->data(Qt::UserRole).toString();
        const bool excluded = std::any_of(
            rules->excludeWhen.begin(), rules->excludeWhen.end(),
            [&](const routing::Condition& c) { return QString::fromStdString(c.code()) == code; });
        m_excludes->item(row)->setCheckState(excluded ? Qt::Checked : Qt::Unchecked);
    }
    m_grid->setRules(rules);
    m_loading = wasLoading;
    showAreaOnMap();
}

void RuleSetEditor::showAreaOnMap()
{
    QSet<QString> served;
    if (m_areaMode->currentIndex() != AreaAnywhere) {
        for (const QString& beat : checkedData(m_beats, Qt::Checked))
            served.insert(beat);
    }
    QHash<QString, QColor> colors;
    for (const QString& beat : served)
        colors.insert(beat, QColor(0xa5, 0xd6, 0xa7));
    m_map->setFillColors(colors);
    m_map->setOutlinedBeats(served, tr("Service area of %1").arg(m_program->currentText()));
    QHash<QString, QString> texts;
    for (int row = 0; row < m_beats->count(); ++row) {
        const QString beat = m_beats->item(row)->data(Qt::UserRole).toString();
        texts.insert(beat, m_areaMode->currentIndex() == AreaAnywhere ? tr("anywhere: no location needed")
                           : served.contains(beat) ? tr("served (click or Space: not served)")
                                                   : tr("not served (click or Space: served)"));
    }
    m_map->setBeatTexts(texts);
}

void RuleSetEditor::toggleBeat(const QString& beatId)
{
    if (!isEditing() || m_areaMode->currentIndex() == AreaAnywhere)
        return;
    const QList<QListWidgetItem*> items = m_beats->findItems(beatId, Qt::MatchExactly);
    if (items.isEmpty())
        return;
    QListWidgetItem* item = items.first();
    m_beats->setCurrentItem(item);
    item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked); // writes the area
}

void RuleSetEditor::setProgramMember(const QString& member, const QJsonValue& value)
{
    QJsonObject programs = m_doc.value(QStringLiteral("programs")).toObject();
    QJsonObject program = programs.value(programCode()).toObject();
    if (value.isUndefined())
        program.remove(member);
    else
        program.insert(member, value);
    programs.insert(programCode(), program);
    m_doc.insert(QStringLiteral("programs"), programs);
    revalidate();
}

void RuleSetEditor::writeArea()
{
    if (m_loading || !isEditing())
        return;
    const int mode = m_areaMode->currentIndex();
    showAreaOnMap();
    m_beats->setEnabled(mode != AreaAnywhere);
    m_checkAllBeats->setEnabled(mode != AreaAnywhere);
    m_uncheckAllBeats->setEnabled(mode != AreaAnywhere);
    if (mode == AreaAnywhere) {
        setProgramMember(QStringLiteral("serviceArea"), QStringLiteral("anywhere"));
    } else if (mode == AreaOnlyChecked) {
        setProgramMember(QStringLiteral("serviceArea"),
                         QJsonObject{{QStringLiteral("beats"),
                                      QJsonArray::fromStringList(checkedData(m_beats, Qt::Checked))}});
    } else {
        setProgramMember(QStringLiteral("serviceArea"),
                         QJsonObject{{QStringLiteral("allBeatsExcept"),
                                      QJsonArray::fromStringList(checkedData(m_beats, Qt::Unchecked))}});
    }
}

void RuleSetEditor::writeHours()
{
    if (m_loading || !isEditing())
        return;
    const bool always = m_alwaysOpen->isChecked();
    for (QLineEdit* day : m_dayHours)
        day->setEnabled(!always);
    m_sameEveryDay->setEnabled(!always);
    m_grid->setEnabled(!always);
    if (always) {
        setProgramMember(QStringLiteral("hours"), QStringLiteral("always"));
        return;
    }
    static const QRegularExpression separators(QStringLiteral("[,;]"));
    QJsonObject hours;
    for (std::size_t day = 0; day < 7; ++day) {
        QString text = m_dayHours[day]->text();
        text.replace(QChar(0x2013), QLatin1Char('-')); // "09:00–21:00" as the screens write it
        QJsonArray ranges;
        for (const QString& range : text.split(separators, Qt::SkipEmptyParts)) {
            const QString trimmed = range.simplified().remove(QLatin1Char(' '));
            if (!trimmed.isEmpty())
                ranges.append(trimmed);
        }
        if (!ranges.isEmpty())
            hours.insert(QLatin1String(kDayKeys[day]), ranges);
    }
    setProgramMember(QStringLiteral("hours"), hours);
}

void RuleSetEditor::hoursPainted(const QList<int>& weekdays)
{
    if (m_loading || !isEditing() || m_alwaysOpen->isChecked())
        return;
    // A day typed with a range past midnight ("21:00-07:00") shows its end on
    // the next day's row: when that row is rewritten, the day before is
    // rewritten from its own row too, or the hours after midnight would be
    // there twice.
    static const QRegularExpression range(
        QStringLiteral("(\\d{1,2}):(\\d{2})\\s*[-\\x{2013}]\\s*(\\d{1,2}):(\\d{2})"));
    auto pastMidnight = [](const QString& text) {
        for (auto match = range.globalMatch(text); match.hasNext();) {
            const auto m = match.next();
            const int start = m.captured(1).toInt() * 60 + m.captured(2).toInt();
            const int end = m.captured(3).toInt() * 60 + m.captured(4).toInt();
            if (end > 0 && end <= start)
                return true;
        }
        return false;
    };
    std::array<bool, 7> rewrite{};
    for (int day : weekdays)
        rewrite[std::size_t(day)] = true;
    for (bool grew = true; grew;) {
        grew = false;
        for (std::size_t day = 0; day < 7; ++day) {
            const std::size_t before = (day + 6) % 7;
            if (rewrite[day] && !rewrite[before] && pastMidnight(m_dayHours[before]->text())) {
                rewrite[before] = true;
                grew = true;
            }
        }
    }
    for (std::size_t day = 0; day < 7; ++day) {
        if (rewrite[day])
            m_dayHours[day]->setText(m_grid->dayText(int(day)));
    }
    writeHours();
}

void RuleSetEditor::writeHolidays()
{
    if (m_loading || !isEditing())
        return;
    setProgramMember(QStringLiteral("holidays"),
                     m_closedOnHolidays->isChecked() ? QStringLiteral("closed") : QStringLiteral("open"));
}

void RuleSetEditor::writeCallTypes()
{
    if (m_loading || !isEditing())
        return;
    const bool all = m_allCallTypes->isChecked();
    m_callTypes->setEnabled(!all);
    if (all)
        setProgramMember(QStringLiteral("callTypes"), QStringLiteral("all"));
    else
        setProgramMember(QStringLiteral("callTypes"),
                         QJsonArray::fromStringList(checkedData(m_callTypes, Qt::Checked)));
}

void RuleSetEditor::writeExcludes()
{
    if (m_loading || !isEditing())
        return;
    const QStringList codes = checkedData(m_excludes, Qt::Checked);
    const bool had = m_doc.value(QStringLiteral("programs"))
                         .toObject()
                         .value(programCode())
                         .toObject()
                         .contains(QStringLiteral("excludeWhen"));
    setProgramMember(QStringLiteral("excludeWhen"), codes.isEmpty() && !had
                                                        ? QJsonValue(QJsonValue::Undefined)
                                                        : QJsonValue(QJsonArray::fromStringList(codes)));
}

void RuleSetEditor::effectiveDateChanged()
{
    if (m_loading || !isEditing())
        return;
    if (m_id->text() == m_suggestedId) {
        m_suggestedId = suggestedId(RuleText::text(m_base->id), m_effective->date());
        m_id->setText(m_suggestedId);
    }
    revalidate();
}

QByteArray RuleSetEditor::document() const
{
    return QJsonDocument(m_doc).toJson(QJsonDocument::Indented);
}

QString RuleSetEditor::errorText() const
{
    return m_loadError;
}

void RuleSetEditor::revalidate()
{
    if (!isEditing())
        return;
    m_dirty = true;
    m_doc.insert(QStringLiteral("id"), m_id->text().trimmed());
    m_doc.insert(QStringLiteral("name"), m_name->text().trimmed());
    m_doc.insert(QStringLiteral("effectiveFrom"), m_effective->date().toString(Qt::ISODate));
    const QByteArray json = document();
    auto parsed =
        routing::parseRuleSet(std::string_view(json.constData(), std::size_t(json.size())), "editor");
    m_saveMessage->clear();
    m_summaryLines.clear();
    if (!parsed) {
        m_edited.reset();
        m_loadError = QString::fromStdString(parsed.error().toString());
        m_error->setText(tr("Not valid yet: %1").arg(m_loadError));
        m_summary->clear();
    } else {
        m_edited = std::move(parsed).value();
        m_loadError.clear();
        m_error->clear();
        const routing::RuleSetDiff diff = routing::diffRuleSets(*m_base, *m_edited, m_beatMap.get());
        for (const std::string& line :
             routing::summariseDiff(diff, *m_base, *m_edited, RuleText::diffWords()))
            m_summaryLines << RuleText::text(line);
        m_summary->setText(m_summaryLines.join(QLatin1Char('\n')));
        if (const auto program = routing::programFromCode(programCode().toStdString()))
            m_grid->setRules(m_edited->rulesFor(*program));
    }
    // Another program is chosen only once the one shown is valid.
    m_program->setEnabled(m_edited.has_value());
    m_preview->setEnabled(m_edited.has_value() && !m_worker);
    m_save->setEnabled(m_edited.has_value());
}

void RuleSetEditor::previewImpact()
{
    if (!m_edited || m_worker || m_compareWith->currentIndex() < 0)
        return;
    const int weeks = m_weeks->value();
    auto calls = usecases::RuleSetUseCases(m_services).previewCalls(weeks);
    if (!calls.ok()) {
        m_error->setText(DomainText::errorText(calls.error()));
        return;
    }
    // The teams the hours need against the current roster (CRT's rotation).
    auto rosterRead = usecases::RuleSetUseCases(m_services).previewRoster();
    if (!rosterRead.ok()) {
        m_error->setText(DomainText::errorText(rosterRead.error()));
        return;
    }
    auto facts = std::make_shared<std::vector<store::CallRoutingFacts>>(std::move(calls).value());
    const routing::RuleSet before =
        m_compareWith->currentData().toInt() == 0 && m_inForce ? *m_inForce : *m_base;
    const routing::RuleSet after = *m_edited;
    routing::ImpactOptions options;
    options.beats = m_beatMap;
    const std::shared_ptr<const roster::Schedule> schedule = rosterRead.value().schedule;
    options.schedule = schedule.get(); // kept alive by the worker's copy of `schedule`
    options.rotation = rosterRead.value().rotation;
    auto report = std::make_shared<routing::ImpactReport>();
    // The replay on a worker: the calls were read here; nothing there touches the database.
    m_worker = QThread::create([facts, schedule, before, after, weeks, options, report] {
        *report = usecases::RuleSetUseCases::impact(*facts, before, after, weeks, options);
    });
    connect(m_worker, &QThread::finished, this, [this, report, weeks] {
        m_worker->deleteLater();
        m_worker = nullptr;
        showImpact(report, weeks);
    });
    m_progress->setFormat(tr("Replaying the calls under both rule sets (%1)…")
                              .arg(QLocale().toString(qulonglong(facts->size()))));
    m_progress->show();
    m_preview->setEnabled(false);
    m_worker->start();
}

void RuleSetEditor::showImpact(std::shared_ptr<routing::ImpactReport> report, int weeks)
{
    m_progress->hide();
    m_preview->setEnabled(m_edited.has_value());
    m_impact->showReport(report.get(), weeks);
    Q_EMIT previewFinished();
}

const routing::ImpactReport* RuleSetEditor::impact() const
{
    return m_impact->report();
}

bool RuleSetEditor::save()
{
    if (!m_edited || !m_base)
        return false;
    auto result =
        usecases::RuleSetUseCases(m_services).saveNewVersion(document(), RuleText::text(m_base->id));
    if (!result.ok()) {
        m_saveMessage->setText(DomainText::errorText(result.error()));
        if (result.error().field == QLatin1String("effectiveFrom"))
            m_effective->setFocus();
        else if (result.error().field == QLatin1String("id"))
            m_id->setFocus();
        return false;
    }
    const store::StoredRuleSet& stored = result.value();
    m_dirty = false;
    m_saveMessage->setText(tr("Saved as version %1 of \"%2\": it decides the calls from %3 on, on every "
                              "workstation.")
                               .arg(stored.version)
                               .arg(stored.key, stored.effectiveFrom.toString(Qt::ISODate)));
    Q_EMIT saved(stored.key);
    return true;
}

void RuleSetEditor::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void RuleSetEditor::retranslate()
{
    m_heading->setText(m_base ? tr("New version made from \"%1\" (%2)")
                                    .arg(RuleText::text(m_base->name), RuleText::text(m_base->id))
                              : tr("Choose a rule set and \"New version from this…\" to edit a copy of it."));
    m_idLabel->setText(tr("&Id:"));
    m_nameLabel->setText(tr("Na&me:"));
    m_effectiveLabel->setText(tr("Takes &effect on:"));
    m_effective->setToolTip(tr("A new version takes effect after today; calls before that date keep "
                               "the rules they were decided by."));
    m_programLabel->setText(tr("&Program:"));
    m_areaLabel->setText(tr("Service &area: click a beat on the map, or move on the map with the arrow "
                            "keys and press Space; the list below does the same:"));
    m_map->setAccessibleName(tr("Beat map: the service area outlined"));
    m_beats->setAccessibleName(tr("Beats served"));
    m_checkAllBeats->setText(tr("Check a&ll beats"));
    m_uncheckAllBeats->setText(tr("&Uncheck all"));
    m_hoursLabel->setText(tr("Hours, per weekday, e.g. 09:00-21:00 or 08:00-12:00, 13:00-17:00 "
                             "(empty: closed; 21:00-07:00 runs past midnight), or painted on the week "
                             "grid below (drag, or the arrow keys and Space):"));
    m_alwaysOpen->setText(tr("Always &open"));
    // No mnemonics here: the seven fields follow each other in the tab order.
    const QString days[7] = {tr("Monday"), tr("Tuesday"),  tr("Wednesday"), tr("Thursday"),
                             tr("Friday"), tr("Saturday"), tr("Sunday")};
    for (std::size_t day = 0; day < 7; ++day)
        m_dayLabels[day]->setText(days[day]);
    m_sameEveryDay->setText(tr("Monday's hours every &day"));
    m_closedOnHolidays->setText(tr("Closed on &holidays"));
    m_callTypesLabel->setText(tr("Call &types taken:"));
    m_allCallTypes->setText(tr("All call types"));
    m_excludesLabel->setText(tr("E&xcluded when:"));
    m_summaryLabel->setText(tr("Changes against the rule set it is made from:"));
    m_compareLabel->setText(tr("Compare with:"));
    m_weeksLabel->setText(tr("Wee&ks of calls:"));
    m_preview->setText(tr("P&review impact"));
    m_save->setText(tr("Save &new version"));
    if (isEditing() && m_areaMode->count() == 3) {
        m_areaMode->setItemText(AreaAnywhere, tr("Anywhere (no location needed)"));
        m_areaMode->setItemText(AreaOnlyChecked, tr("Only the beats checked below"));
        m_areaMode->setItemText(AreaAllButUnchecked, tr("Every beat of the map but the unchecked ones"));
    }
}

} // namespace heart::ui
