#include "followup/RecordOutcomeDialog.h"

#include "directory/DirectoryText.h"
#include "directory/ResourcePickerDialog.h"
#include "followup/FollowUpText.h"
#include "intake/DraftWriter.h"
#include "store/CoreText.h"
#include "usecases/CallUseCases.h"
#include "usecases/FollowUpUseCases.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace heart::ui {

using followup::Outcome;

RecordOutcomeDialog::RecordOutcomeDialog(Services services, QWidget* parent)
    : TaskWriteDialog(parent), m_services(std::move(services)), m_outcomes(new QButtonGroup(this)),
      m_service(new QLineEdit(this)), m_find(new QPushButton(tr("&Find in directory…"), this)),
      m_serviceNote(new QLabel(this)), m_note(new QPlainTextEdit(this)), m_noteProblem(new QLabel(this)),
      m_record(new QPushButton(tr("&Record outcome"), this)), m_restoredNote(new QLabel(this))
{
    setObjectName(QStringLiteral("recordOutcomeDialog"));
    setWindowTitle(tr("Record the outcome"));

    auto* box = new QGroupBox(tr("Outcome"), this);
    auto* boxLayout = new QVBoxLayout(box);
    const std::pair<Outcome, QString> outcomes[] = {
        {Outcome::Connected, tr("&Connected to a service")},
        {Outcome::Declined, tr("&Declined")},
        {Outcome::AlreadyConnected, tr("&Already connected to care")},
        {Outcome::UnableToReach, tr("&Unable to reach")},
    };
    auto* serviceRow = new QHBoxLayout;
    auto* serviceLabel = new QLabel(tr("&Service:"), this);
    serviceLabel->setBuddy(m_service);
    m_service->setObjectName(QStringLiteral("outcomeService"));
    m_service->setPlaceholderText(tr("Choose from the directory, or type the name of a service not listed"));
    m_service->setClearButtonEnabled(true);
    m_find->setObjectName(QStringLiteral("outcomeFindService"));
    m_find->setAutoDefault(false);
    serviceRow->setContentsMargins(24, 0, 0, 0);
    serviceRow->addWidget(serviceLabel);
    serviceRow->addWidget(m_service, 1);
    serviceRow->addWidget(m_find);
    m_serviceNote->setObjectName(QStringLiteral("outcomeServiceNote"));
    m_serviceNote->setWordWrap(true);
    m_serviceNote->setContentsMargins(24, 0, 0, 0);
    m_serviceNote->setStyleSheet(QStringLiteral("color: #4b5563;"));
    for (const auto& [outcome, text] : outcomes) {
        auto* button = new QRadioButton(text, box);
        button->setObjectName(QStringLiteral("outcome_") + store::toQString(followup::outcomeCode(outcome)));
        m_outcomes->addButton(button, int(outcome));
        boxLayout->addWidget(button);
        if (outcome == Outcome::Connected) {
            boxLayout->addLayout(serviceRow);
            boxLayout->addWidget(m_serviceNote);
        }
    }

    m_record->setObjectName(QStringLiteral("outcomeRecord"));
    m_record->setDefault(true);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_record, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    auto* noteLabel = new QLabel(tr("&Note (optional):"), this);
    noteLabel->setBuddy(m_note);
    m_note->setObjectName(QStringLiteral("outcomeNote"));
    m_note->setTabChangesFocus(true);
    m_note->setPlaceholderText(tr("What was agreed, what the person said, what happens next"));
    m_note->setAccessibleName(tr("Note on the outcome"));
    m_note->setFixedHeight(m_note->fontMetrics().lineSpacing() * 3 + 14);
    m_noteProblem->setObjectName(QStringLiteral("outcomeNoteProblem"));
    m_noteProblem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_noteProblem->setWordWrap(true);
    auto* hint = new QLabel(tr("Recording the outcome closes the task."), this);
    hint->setStyleSheet(QStringLiteral("color: #4b5563;"));

    m_restoredNote->setObjectName(QStringLiteral("outcomeDraftRestored"));
    m_restoredNote->setWordWrap(true);
    m_restoredNote->setStyleSheet(QStringLiteral("color: #1b5e20;"));
    m_restoredNote->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_restoredNote);
    layout->addWidget(box);
    layout->addWidget(noteLabel);
    layout->addWidget(m_note);
    layout->addWidget(m_noteProblem);
    layout->addWidget(hint);
    layout->addWidget(buttons);

    connect(m_outcomes, &QButtonGroup::idToggled, this, &RecordOutcomeDialog::changed);
    connect(m_service, &QLineEdit::textEdited, this, [this] {
        m_resourceId.clear(); // typed by hand: no longer the directory's entry
        changed();
    });
    connect(m_find, &QPushButton::clicked, this, &RecordOutcomeDialog::chooseService);
    connect(m_note, &QPlainTextEdit::textChanged, this, &RecordOutcomeDialog::changed);
    // The first change since the last draft schedules the next one: a draft
    // is at most kDraftMs behind the typing, even while it goes on.
    m_draftTimer.setSingleShot(true);
    m_draftTimer.setInterval(kDraftMs);
    connect(&m_draftTimer, &QTimer::timeout, this, &RecordOutcomeDialog::writeDraft);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(560, sizeHint().height());
    update();
}

void RecordOutcomeDialog::changed()
{
    update();
    if (m_drafts && !m_draftTimer.isActive())
        m_draftTimer.start();
}

void RecordOutcomeDialog::keepDraft(const QString& taskId, DraftWriter* drafts)
{
    m_taskId = taskId;
    m_drafts = drafts;
    if (!m_drafts)
        return;
    auto found = usecases::CallUseCases(m_services).drafts(draftKey());
    if (!found.ok())
        return;
    for (const store::Draft& draft : found.value()) {
        if (draft.form == draftKey())
            restoreDraft(QJsonDocument::fromJson(draft.content.toUtf8()).object());
    }
}

void RecordOutcomeDialog::discardDraft()
{
    m_draftTimer.stop();
    if (m_drafts && !m_taskId.isEmpty())
        m_drafts->discard(m_services.actor, draftKey());
}

void RecordOutcomeDialog::holdDraft()
{
    m_draftTimer.stop();
    if (m_drafts && !m_taskId.isEmpty())
        m_drafts->forget(draftKey());
}

QString RecordOutcomeDialog::draftKey() const
{
    return QStringLiteral("followup-outcome/") + m_taskId;
}

bool RecordOutcomeDialog::hasUnsavedContent() const
{
    return !m_taskId.isEmpty() &&
           (outcome() || !m_service->text().isEmpty() || !m_note->toPlainText().isEmpty());
}

QJsonObject RecordOutcomeDialog::draftContent() const
{
    QJsonObject draft;
    draft.insert(QStringLiteral("taskId"), m_taskId);
    draft.insert(QStringLiteral("outcome"),
                 outcome() ? store::toQString(followup::outcomeCode(*outcome())) : QString());
    draft.insert(QStringLiteral("resourceId"), m_resourceId);
    draft.insert(QStringLiteral("service"), m_service->text());
    draft.insert(QStringLiteral("note"), m_note->toPlainText());
    return draft;
}

void RecordOutcomeDialog::restoreDraft(const QJsonObject& content)
{
    if (m_taskId.isEmpty() || content.value(QStringLiteral("taskId")).toString() != m_taskId)
        return;
    if (const auto chosen =
            followup::outcomeFromCode(content.value(QStringLiteral("outcome")).toString().toStdString()))
        m_outcomes->button(int(*chosen))->setChecked(true);
    m_service->setText(content.value(QStringLiteral("service")).toString());
    m_resourceId = content.value(QStringLiteral("resourceId")).toString();
    m_note->setPlainText(content.value(QStringLiteral("note")).toString());
    m_restored = true;
    m_restoredNote->setText(tr("What you typed before HEART Desk stopped is back."));
    m_restoredNote->show();
    update();
}

void RecordOutcomeDialog::writeDraft()
{
    if (!m_drafts || m_taskId.isEmpty())
        return;
    if (!hasUnsavedContent()) {
        m_drafts->discard(m_services.actor, draftKey());
        return;
    }
    m_drafts->save(m_services.actor, draftKey(),
                   QString::fromUtf8(QJsonDocument(draftContent()).toJson(QJsonDocument::Compact)));
}

std::optional<Outcome> RecordOutcomeDialog::outcome() const
{
    if (m_outcomes->checkedId() < 0)
        return std::nullopt;
    return Outcome(m_outcomes->checkedId());
}

QString RecordOutcomeDialog::resourceId() const
{
    return outcome() == Outcome::Connected ? m_resourceId : QString();
}

QString RecordOutcomeDialog::serviceText() const
{
    return outcome() == Outcome::Connected && m_resourceId.isEmpty() ? m_service->text().trimmed()
                                                                     : QString();
}

QString RecordOutcomeDialog::note() const
{
    return m_note->toPlainText().trimmed();
}

void RecordOutcomeDialog::chooseService()
{
    m_outcomes->button(int(Outcome::Connected))->setChecked(true);
    const QString typed = m_resourceId.isEmpty() ? m_service->text().trimmed() : QString();
    if (auto picked = ResourcePickerDialog::pick(m_services, this, typed)) {
        m_resourceId = picked->id;
        m_service->setText(picked->name);
        QStringList about = {DirectoryText::kindName(picked->kind)};
        if (!picked->phone.isEmpty())
            about << DirectoryText::phone(picked->phone);
        if (!picked->address.isEmpty())
            about << picked->address;
        m_serviceNote->setText(tr("From the directory: %1").arg(about.join(QStringLiteral(" · "))));
    }
    update();
    m_record->setFocus();
}

void RecordOutcomeDialog::update()
{
    const bool connected = outcome() == Outcome::Connected;
    m_service->setEnabled(connected);
    m_find->setEnabled(connected || !outcome());
    if (!connected || m_resourceId.isEmpty())
        m_serviceNote->setText(connected && !m_service->text().trimmed().isEmpty()
                                   ? tr("Not from the directory: the name is kept as typed.")
                                   : QString());
    m_serviceNote->setVisible(!m_serviceNote->text().isEmpty());
    const bool noteTooLong = note().size() > usecases::FollowUpUseCases::kMaxNoteLength;
    m_noteProblem->setText(noteTooLong ? tr("The note is too long: at most %1 characters.")
                                             .arg(usecases::FollowUpUseCases::kMaxNoteLength)
                                       : QString());
    m_noteProblem->setVisible(noteTooLong);
    m_record->setEnabled(outcome().has_value() && (!connected || !m_service->text().trimmed().isEmpty()) &&
                         !noteTooLong);
    fitToContents();
}

void RecordOutcomeDialog::fitToContents()
{
    QLayout* column = layout();
    if (!column)
        return;
    column->activate();
    // A window's minimum size ignores wrapped labels (height for width):
    // ask the layout what the current width needs.
    const int needed = column->hasHeightForWidth() ? column->totalHeightForWidth(width())
                                                   : column->totalMinimumSize().height();
    setMinimumHeight(needed);
    if (height() < needed)
        resize(width(), needed);
}

} // namespace heart::ui
