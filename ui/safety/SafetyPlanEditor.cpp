#include "safety/SafetyPlanEditor.h"

#include "safety/EntryTable.h"
#include "shell/DomainText.h"
#include "shell/ProgramTime.h"
#include "store/StoreTime.h"
#include "usecases/SafetyPlanUseCases.h"

#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace heart::ui {

using safety::SafetyPlanStep;

SafetyPlanEditor::SafetyPlanEditor(Services services, const QString& encounterId, const QString& callId,
                                   QWidget* parent)
    : QWidget(parent), m_services(std::move(services)), m_encounterId(encounterId), m_callId(callId)
{
    setObjectName(QStringLiteral("safetyPlanEditor"));
    m_title = new QLabel(this);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("planLanguage"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Español"), QStringLiteral("es"));
    m_languageLabel = new QLabel(this);
    m_languageLabel->setBuddy(m_language);

    auto* page = new QWidget;
    auto* column = new QVBoxLayout(page);
    column->addWidget(m_title);
    auto* languageRow = new QHBoxLayout;
    languageRow->addWidget(m_languageLabel);
    languageRow->addWidget(m_language);
    languageRow->addStretch(1);
    column->addLayout(languageRow);
    QFont bold = m_title->font();
    bold.setPointSizeF(font().pointSizeF());
    for (SafetyPlanStep step : safety::kAllSafetyPlanSteps) {
        const std::size_t i = std::size_t(step);
        auto* table = new EntryTable(safety::stepTakesPhone(step), page);
        table->setObjectName(QStringLiteral("step_") +
                             QString::fromLatin1(safety::safetyPlanStepCode(step).data()));
        auto* label = new QLabel(page);
        label->setFont(bold);
        label->setBuddy(table);
        m_stepLabels[i] = label;
        m_steps[i] = table;
        column->addWidget(label);
        column->addWidget(table);
        connect(table, &EntryTable::entriesChanged, this, &SafetyPlanEditor::changed);
    }
    m_reasons = new EntryTable(false, page);
    m_reasons->setObjectName(QStringLiteral("reasonsForLiving"));
    m_reasonsLabel = new QLabel(page);
    m_reasonsLabel->setFont(bold);
    m_reasonsLabel->setBuddy(m_reasons);
    column->addWidget(m_reasonsLabel);
    column->addWidget(m_reasons);
    connect(m_reasons, &EntryTable::entriesChanged, this, &SafetyPlanEditor::changed);
    column->addStretch(1);

    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("planProblems"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #8a4b00;"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("planStatus"));
    m_status->setWordWrap(true);
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("savePlan"));
    m_finalise = new QPushButton(this);
    m_finalise->setObjectName(QStringLiteral("finalisePlan"));
    m_print = new QPushButton(this);
    m_print->setObjectName(QStringLiteral("printPlan"));
    m_pdf = new QPushButton(this);
    m_pdf->setObjectName(QStringLiteral("pdfPlan"));
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(m_finalise, &QPushButton::clicked, this, [this] { finalise(); });
    connect(m_print, &QPushButton::clicked, this, &SafetyPlanEditor::printOnPaper);
    connect(m_pdf, &QPushButton::clicked, this, &SafetyPlanEditor::askPdfPath);
    connect(m_language, &QComboBox::currentIndexChanged, this, &SafetyPlanEditor::languageChanged);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    auto* buttons = new QHBoxLayout;
    for (QPushButton* button : {m_save, m_finalise, m_print, m_pdf})
        buttons->addWidget(button);
    buttons->addStretch(1);
    auto* footer = new QVBoxLayout;
    footer->setContentsMargins(9, 0, 9, 6);
    footer->addWidget(m_problems);
    footer->addLayout(buttons);
    footer->addWidget(m_status);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll, 1);
    layout->addLayout(footer);

    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(800);
    connect(&m_saveTimer, &QTimer::timeout, this, [this] {
        if (m_dirty)
            save();
    });
    retranslate();
    reload();
}

std::vector<safety::SafetyContact> SafetyPlanEditor::crisisServices(const QString& language)
{
    QString problem;
    auto services = usecases::SafetyPlanUseCases(m_services).crisisServices(language, &problem);
    if (!problem.isEmpty())
        setStatus(
            tr("The crisis services in the settings cannot be read (%1); the 988 Lifeline and 911 are used.")
                .arg(problem));
    return services;
}

void SafetyPlanEditor::reload()
{
    m_saveTimer.stop();
    usecases::SafetyPlanUseCases plans(m_services);
    const auto call = plans.printData(m_callId);
    if (!call.personName.isEmpty() || !call.language.isEmpty())
        m_personName = call.personName;
    const QString callLanguage = call.language;
    auto found = plans.planOfEncounter(m_encounterId);
    if (found.ok()) {
        m_record = found.value();
        load(m_record.plan);
        setStatus(ProgramTime::sentence(
            m_record.isFinal ? tr("Final plan, saved %1.").arg(ProgramTime::dateTimeText(m_record.savedAt))
                             : tr("Draft, saved %1.").arg(ProgramTime::dateTimeText(m_record.savedAt))));
        return;
    }
    m_record = {};
    if (found.error().code != store::StoreErrorCode::NotFound) {
        setStatus(DomainText::errorText(found.error()));
        setReadOnly(true);
        return;
    }
    // A new plan: in the person's language when it is Spanish, with the
    // program's crisis services in step 5.
    safety::SafetyPlan plan;
    plan.language = callLanguage == QLatin1String("es") ? "es" : "en";
    load(safety::withDefaults(plan, crisisServices(QString::fromStdString(plan.language))));
    setStatus(tr("New plan: not saved yet."));
}

void SafetyPlanEditor::load(const safety::SafetyPlan& plan)
{
    m_loading = true;
    const QString language = QString::fromStdString(plan.language);
    m_language->setCurrentIndex(std::max(0, m_language->findData(language)));
    m_lastLanguage = m_language->currentData().toString();
    for (SafetyPlanStep step : safety::kAllSafetyPlanSteps)
        m_steps[std::size_t(step)]->setEntries(plan.step(step));
    std::vector<safety::SafetyPlanEntry> reasons;
    for (const std::string& reason : plan.reasonsForLiving)
        reasons.push_back({reason, {}});
    m_reasons->setEntries(reasons);
    m_loading = false;
    m_dirty = false;
    updateProblems();
}

safety::SafetyPlan SafetyPlanEditor::plan() const
{
    safety::SafetyPlan plan;
    plan.language = m_language->currentData().toString().toStdString();
    for (SafetyPlanStep step : safety::kAllSafetyPlanSteps)
        plan.step(step) = m_steps[std::size_t(step)]->entries();
    for (const safety::SafetyPlanEntry& reason : m_reasons->entries())
        plan.reasonsForLiving.push_back(reason.text);
    return plan;
}

void SafetyPlanEditor::languageChanged()
{
    if (m_loading)
        return;
    // The crisis services follow the language: those of the previous
    // language are replaced by the same services in the new one.
    const QString previous = m_lastLanguage;
    const QString language = m_language->currentData().toString();
    m_lastLanguage = language;
    safety::SafetyPlan current = plan();
    std::vector<safety::SafetyPlanEntry>& professionals = current.step(SafetyPlanStep::Professionals);
    for (const safety::SafetyContact& old : crisisServices(previous)) {
        std::erase_if(professionals,
                      [&](const safety::SafetyPlanEntry& entry) { return entry.text == old.name; });
    }
    load(safety::withDefaults(current, crisisServices(language)));
    changed();
}

void SafetyPlanEditor::changed()
{
    if (m_loading)
        return;
    updateProblems();
    if (m_readOnly)
        return;
    m_dirty = true;
    m_saveTimer.start();
}

bool SafetyPlanEditor::save()
{
    m_saveTimer.stop();
    if (m_readOnly)
        return false;
    auto saved = usecases::SafetyPlanUseCases(m_services)
                     .save(m_encounterId, m_record.id.isEmpty() ? 0 : m_record.version, plan());
    if (!saved.ok()) {
        setStatus(tr("Plan not saved: %1").arg(DomainText::errorText(saved.error())));
        if (saved.error().code == store::StoreErrorCode::RecordSigned)
            setReadOnly(true);
        return false;
    }
    m_record = saved.value();
    m_dirty = false;
    Q_EMIT this->saved();
    setStatus(ProgramTime::sentence(tr("Draft saved %1.").arg(ProgramTime::timeText(m_record.savedAt))));
    return true;
}

bool SafetyPlanEditor::finalise()
{
    if (!readyToPrint())
        return false;
    if ((m_dirty || m_record.id.isEmpty()) && !save())
        return false;
    if (m_record.isFinal)
        return true;
    auto done = usecases::SafetyPlanUseCases(m_services).finalise(m_encounterId, m_record.version);
    if (!done.ok()) {
        setStatus(tr("Plan not finalised: %1").arg(DomainText::errorText(done.error())));
        return false;
    }
    m_record = done.value();
    setStatus(tr("Final plan, ready to print."));
    Q_EMIT saved();
    return true;
}

bool SafetyPlanEditor::readyToPrint()
{
    updateProblems();
    if (!safety::problems(plan()).empty()) {
        setStatus(tr("The plan cannot be printed yet: %1").arg(problemsText()));
        return false;
    }
    return true;
}

SafetyPlanHeader SafetyPlanEditor::header() const
{
    const QString clinician =
        m_record.authorName.isEmpty() ? m_services.actor.displayName() : m_record.authorName;
    return {m_personName, ProgramTime::localDate(store::toDateTime(m_services.clock.now())), clinician};
}

bool SafetyPlanEditor::printTo(QPagedPaintDevice& device)
{
    // Printing a plan that is already final (a signed encounter) needs no write.
    if (!m_record.isFinal && !finalise())
        return false;
    if (m_record.isFinal && !readyToPrint())
        return false;
    const int pages = SafetyPlanPrinter::paint(m_record.plan, header(), device);
    setStatus(pages == 1 ? tr("Printed on one page.") : tr("Printed on %1 pages.").arg(pages));
    return true;
}

bool SafetyPlanEditor::savePdf(const QString& path)
{
    if (!m_record.isFinal && !finalise())
        return false;
    QString error;
    if (!SafetyPlanPrinter::writePdf(m_record.plan, header(), path, &error)) {
        setStatus(tr("The PDF was not written: %1").arg(error));
        return false;
    }
    setStatus(tr("Saved as PDF: %1").arg(path));
    return true;
}

void SafetyPlanEditor::printOnPaper()
{
    if (!m_record.isFinal && !finalise())
        return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::Letter));
    printer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print the safety plan"));
    if (dialog.exec() == QDialog::Accepted)
        printTo(printer);
}

void SafetyPlanEditor::askPdfPath()
{
    if (!m_record.isFinal && !finalise())
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save the safety plan as PDF"),
                                     folder + QStringLiteral("/safety-plan.pdf"), tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        savePdf(path);
}

QString SafetyPlanEditor::problemsText() const
{
    QStringList lines;
    for (const Error& problem : safety::problems(plan())) {
        const QString field = QString::fromStdString(problem.field);
        // "steps[4].entries[1].phone" -> step 5, entry 2
        const QRegularExpressionMatch where =
            QRegularExpression(QStringLiteral(R"(steps\[(\d)\](?:\.entries\[(\d+)\])?)")).match(field);
        const QString place =
            where.hasMatch() ? (where.captured(2).isEmpty() ? tr("step %1").arg(where.captured(1).toInt() + 1)
                                                            : tr("step %1, entry %2")
                                                                  .arg(where.captured(1).toInt() + 1)
                                                                  .arg(where.captured(2).toInt() + 1))
            : field == QLatin1String("language") ? tr("language")
                                                 : tr("reasons for living");
        if (problem.code == "no-professional-contact")
            lines << tr("step 5 needs at least one contact with a phone number");
        else if (problem.code == "phone-not-dialable")
            lines << tr("%1: the phone number cannot be dialled").arg(place);
        else if (problem.code == "phone-not-allowed")
            lines << tr("%1: this step takes no phone number").arg(place);
        else if (problem.code == "entry-blank")
            lines << tr("%1: the entry has a phone but no text").arg(place);
        else if (problem.code == "too-many-entries")
            lines << tr("%1: at most 12 entries").arg(place);
        else
            lines << tr("%1: %2").arg(place, QString::fromStdString(problem.code));
    }
    return lines.join(QStringLiteral("; "));
}

void SafetyPlanEditor::updateProblems()
{
    const QString text = problemsText();
    m_problems->setText(text.isEmpty() ? tr("Ready to print.") : tr("Before printing: %1.").arg(text));
}

void SafetyPlanEditor::focusLanguage()
{
    if (m_language->isEnabled())
        m_language->setFocus();
    else
        m_steps[0]->setFocus();
}

void SafetyPlanEditor::setStatus(const QString& text)
{
    m_status->setText(text);
}

QString SafetyPlanEditor::statusText() const
{
    return m_status->text();
}

void SafetyPlanEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (EntryTable* table : m_steps)
        table->setReadOnly(readOnly);
    m_reasons->setReadOnly(readOnly);
    m_language->setEnabled(!readOnly);
    m_save->setVisible(!readOnly);
    m_finalise->setVisible(!readOnly);
}

void SafetyPlanEditor::hideEvent(QHideEvent* event)
{
    if (m_dirty)
        save();
    QWidget::hideEvent(event);
}

void SafetyPlanEditor::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SafetyPlanEditor::retranslate()
{
    m_title->setText(tr("Safety plan (Stanley-Brown)"));
    m_languageLabel->setText(tr("Printed &language:"));
    const QStringList titles = {
        tr("Step &1: Warning signs that a crisis may be developing"),
        tr("Step &2: Internal coping strategies"),
        tr("Step &3: People and social settings that provide distraction"),
        tr("Step &4: People whom I can ask for help"),
        tr("Step &5: Professionals or agencies to contact in a crisis"),
        tr("Step &6: Making the environment safe"),
    };
    for (std::size_t i = 0; i < m_stepLabels.size(); ++i) {
        m_stepLabels[i]->setText(titles[qsizetype(i)]);
        m_steps[i]->setHeaders(tr("Entry, in the person's words"), tr("Phone"));
    }
    m_reasonsLabel->setText(tr("&Reasons for living (optional)"));
    m_reasons->setHeaders(tr("Reason"), QString());
    m_save->setText(tr("Save (Ctrl+S)"));
    m_save->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    m_finalise->setText(tr("Finalise"));
    m_print->setText(tr("Print… (Ctrl+P)"));
    m_print->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_pdf->setText(tr("Save PDF… (Ctrl+Shift+P)"));
    m_pdf->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    updateProblems();
}

} // namespace heart::ui
