#include "encounter/EncounterForm.h"

#include "core/Permissions.h"
#include "core/PhoneFormat.h"
#include "intake/CssrsPanel.h"
#include "intake/DraftWriter.h"
#include "shell/ChangedElsewhereBar.h"
#include "shell/DomainText.h"
#include "store/StoreTime.h"
#include "usecases/CallUseCases.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace heart::ui {

using encounter::ContactPreference;
using encounter::EncounterDisposition;

namespace {

QPlainTextEdit* textBox(QWidget* parent, const char* name, int lines)
{
    auto* box = new QPlainTextEdit(parent);
    box->setObjectName(QString::fromLatin1(name));
    box->setTabChangesFocus(true);
    box->setFixedHeight(box->fontMetrics().lineSpacing() * lines + 14);
    return box;
}

QLabel* buddyLabel(QWidget* parent, QWidget* buddy)
{
    auto* label = new QLabel(parent);
    label->setBuddy(buddy);
    return label;
}

// Yes / no / not recorded, as a combo box: data 1, 0, -1.
QComboBox* yesNoBox(QWidget* parent, const char* name)
{
    auto* box = new QComboBox(parent);
    box->setObjectName(QString::fromLatin1(name));
    box->addItem(QString(), -1);
    box->addItem(QString(), 1);
    box->addItem(QString(), 0);
    return box;
}

std::optional<bool> yesNo(const QComboBox* box)
{
    const int value = box->currentData().toInt();
    return value < 0 ? std::nullopt : std::optional<bool>(value == 1);
}

void setYesNo(QComboBox* box, std::optional<bool> value)
{
    box->setCurrentIndex(box->findData(value ? (*value ? 1 : 0) : -1));
}

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

// The note's fields as a draft keeps them (codes, not words: a draft outlives a language switch).
QJsonObject noteJson(const encounter::EncounterNote& note)
{
    const auto yesNoValue = [](std::optional<bool> value) {
        return value ? (*value ? 1 : 0) : -1;
    };
    QJsonObject json;
    json.insert(QStringLiteral("presentingConcern"), fromStd(note.presentingConcern));
    json.insert(QStringLiteral("cssrs"), note.cssrs ? fromStd(triage::encodeCssrs(*note.cssrs)) : QString());
    json.insert(QStringLiteral("assessment"), fromStd(note.assessment));
    json.insert(QStringLiteral("interventions"), fromStd(note.interventions));
    json.insert(QStringLiteral("disposition"),
                note.disposition
                    ? QString::fromLatin1(encounter::encounterDispositionCode(*note.disposition).data())
                    : QString());
    json.insert(QStringLiteral("destination"), fromStd(note.destination));
    json.insert(QStringLiteral("referralResourceId"), fromStd(note.referralResourceId));
    json.insert(QStringLiteral("referralText"), fromStd(note.referralText));
    json.insert(QStringLiteral("escalationReason"), fromStd(note.escalationReason));
    json.insert(QStringLiteral("feltSafe"), yesNoValue(note.feltSafe));
    json.insert(QStringLiteral("consentToFollowUp"), yesNoValue(note.consentToFollowUp));
    json.insert(QStringLiteral("preferredContact"),
                note.preferredContact
                    ? QString::fromLatin1(encounter::contactPreferenceCode(*note.preferredContact).data())
                    : QString());
    json.insert(QStringLiteral("contactPhone"), fromStd(note.contactPhone));
    json.insert(QStringLiteral("contactPlace"), fromStd(note.contactPlace));
    json.insert(QStringLiteral("narrative"), fromStd(note.narrative));
    return json;
}

// What a draft holds; what it does not hold (or holds wrongly) stays empty.
encounter::EncounterNote noteFromJson(const QJsonObject& json)
{
    const auto text = [&](const char* name) {
        return json.value(QLatin1String(name)).toString().toStdString();
    };
    const auto yesNoOf = [&](const char* name) -> std::optional<bool> {
        const int value = json.value(QLatin1String(name)).toInt(-1);
        return value < 0 ? std::nullopt : std::optional<bool>(value == 1);
    };
    encounter::EncounterNote note;
    note.presentingConcern = text("presentingConcern");
    if (const std::string cssrs = text("cssrs"); !cssrs.empty()) {
        if (auto answers = triage::decodeCssrs(cssrs); answers.ok())
            note.cssrs = answers.value();
    }
    note.assessment = text("assessment");
    note.interventions = text("interventions");
    note.disposition = encounter::encounterDispositionFromCode(text("disposition"));
    note.destination = text("destination");
    note.referralResourceId = text("referralResourceId");
    note.referralText = text("referralText");
    note.escalationReason = text("escalationReason");
    note.feltSafe = yesNoOf("feltSafe");
    note.consentToFollowUp = yesNoOf("consentToFollowUp");
    note.preferredContact = encounter::contactPreferenceFromCode(text("preferredContact"));
    note.contactPhone = text("contactPhone");
    note.contactPlace = text("contactPlace");
    note.narrative = text("narrative");
    return note;
}

} // namespace

EncounterForm::EncounterForm(Services services, const QString& callId, const QString& unitId, QWidget* parent)
    : QWidget(parent), m_services(std::move(services)), m_callId(callId), m_unitId(unitId)
{
    setObjectName(QStringLiteral("encounterForm"));
    buildLayout();
    connectChanges();
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(800);
    connect(&m_saveTimer, &QTimer::timeout, this, [this] {
        if (m_dirty)
            save();
    });
    // Found by name (tests stop it to stand for a program killed before its next save).
    m_saveTimer.setObjectName(QStringLiteral("encounterSaveTimer"));
    m_saveTimer.setParent(this); // a member: destroyed, and so taken off the children, before the form
    // The first change since the last draft schedules the next one, so a
    // draft is at most kDraftMs behind the typing even while it never stops.
    m_draftTimer.setSingleShot(true);
    m_draftTimer.setInterval(kDraftMs);
    connect(&m_draftTimer, &QTimer::timeout, this, &EncounterForm::writeDraft);
    retranslate();
    reload();
    if (mayEdit()) {
        m_drafts = std::make_unique<DraftWriter>(m_services.db, m_services.clock);
        connect(m_drafts.get(), &DraftWriter::saved, this, [this](const QString& key, const QString& error) {
            if (key == draftKey() && !error.isEmpty())
                setStatus(tr("What you typed could not be kept as a draft: %1").arg(error));
        });
        restoreOwnDraft();
    }
}

EncounterForm::~EncounterForm() = default;

QString EncounterForm::draftKey() const
{
    return QStringLiteral("encounter/") + m_encounter.id;
}

QJsonObject EncounterForm::draftContent() const
{
    QJsonObject draft;
    draft.insert(QStringLiteral("encounterId"), m_encounter.id);
    draft.insert(QStringLiteral("version"), m_encounter.version);
    draft.insert(QStringLiteral("base"), noteJson(m_encounter.note)); // as last read or saved
    draft.insert(QStringLiteral("note"), noteJson(collect()));        // as typed
    return draft;
}

void EncounterForm::writeDraft()
{
    if (!m_drafts || !m_dirty || !mayEdit())
        return;
    m_drafts->save(m_services.actor, draftKey(),
                   QString::fromUtf8(QJsonDocument(draftContent()).toJson(QJsonDocument::Compact)));
}

// A draft the lead left (HEART Desk was killed, the laptop died) comes back
// over the note as stored; one that holds nothing newer is deleted.
void EncounterForm::restoreOwnDraft()
{
    auto drafts = usecases::CallUseCases(m_services).drafts(draftKey());
    if (!drafts.ok())
        return;
    for (const store::Draft& draft : drafts.value()) {
        if (draft.form != draftKey())
            continue;
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(draft.content.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            // Never a word of the draft itself: only that it could not be read.
            setStatus(tr("A draft of this note was found but could not be read; the note is shown as "
                         "stored."));
            return;
        }
        if (!applyDraft(doc.object()))
            m_drafts->discard(m_services.actor, draftKey());
        return;
    }
}

void EncounterForm::restoreDraft(const QJsonObject& content)
{
    applyDraft(content);
}

bool EncounterForm::applyDraft(const QJsonObject& draft)
{
    if (!mayEdit() || draft.value(QStringLiteral("encounterId")).toString() != m_encounter.id)
        return false;
    const encounter::EncounterNote typed = noteFromJson(draft.value(QStringLiteral("note")).toObject());
    if (typed == collect())
        return false; // nothing newer than what the form shows
    // Their change since the draft was taken: the note's own fields differ
    // from the ones the draft was typed over (entries and the safety plan
    // move the version on too, and do not count).
    const encounter::EncounterNote base = noteFromJson(draft.value(QStringLiteral("base")).toObject());
    const bool theirsChanged =
        draft.value(QStringLiteral("version")).toInt() != m_encounter.version && !(base == m_encounter.note);
    fill(typed);
    updateVisibility();
    updateMissing();
    m_dirty = true;
    if (theirsChanged) {
        m_saveTimer.stop();
        m_elsewhere->showConflict();
        setStatus(tr("What you typed before HEART Desk stopped is back, but someone else changed the note "
                     "since. Choose Reload theirs or Keep mine."));
    } else {
        m_saveTimer.start();
        setStatus(tr("What you typed before HEART Desk stopped is back; it is being saved."));
    }
    m_draftTimer.start();
    return true;
}

namespace {

// A label's words without its mnemonic and colon ("&Narrative:" -> "Narrative").
QString fieldName(const QLabel* label)
{
    QString name = label->text();
    name.remove(QLatin1Char('&'));
    while (name.endsWith(QLatin1Char(':')) || name.endsWith(QLatin1Char(' ')))
        name.chop(1);
    return name;
}

} // namespace

// The lead's own draft of a note signed since (a program killed after a
// draft write, the note signed elsewhere): what it holds beyond the note is
// shown above it; one that holds nothing beyond it is deleted.
void EncounterForm::findLeftoverDraft()
{
    m_leftoverText->clear();
    m_leftoverBox->hide();
    if (!isLoaded() || !m_encounter.isSigned() || !encounter::maySign(m_services.actor.role()))
        return;
    auto drafts = usecases::CallUseCases(m_services).drafts(draftKey());
    if (!drafts.ok())
        return;
    for (const store::Draft& draft : drafts.value()) {
        if (draft.form != draftKey())
            continue;
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(draft.content.toUtf8(), &error);
        const bool readable = error.error == QJsonParseError::NoError && doc.isObject();
        QStringList parts;
        if (readable) {
            const encounter::EncounterNote typed =
                noteFromJson(doc.object().value(QStringLiteral("note")).toObject());
            const encounter::EncounterNote& note = m_encounter.note;
            const std::pair<const QLabel*, std::pair<const std::string*, const std::string*>> texts[] = {
                {m_concernLabel, {&typed.presentingConcern, &note.presentingConcern}},
                {m_assessmentLabel, {&typed.assessment, &note.assessment}},
                {m_interventionsLabel, {&typed.interventions, &note.interventions}},
                {m_destinationLabel, {&typed.destination, &note.destination}},
                {m_referralLabel, {&typed.referralText, &note.referralText}},
                {m_escalationLabel, {&typed.escalationReason, &note.escalationReason}},
                {m_phoneLabel, {&typed.contactPhone, &note.contactPhone}},
                {m_placeLabel, {&typed.contactPlace, &note.contactPlace}},
                {m_narrativeLabel, {&typed.narrative, &note.narrative}},
            };
            for (const auto& [label, values] : texts) {
                if (*values.first != *values.second && !values.first->empty())
                    parts.append(tr("%1: %2").arg(fieldName(label), fromStd(*values.first)));
            }
            QStringList choices; // changed choices: named, for the lead to say in words
            if (typed.cssrs && typed.cssrs != note.cssrs)
                choices.append(tr("C-SSRS"));
            const std::pair<const QLabel*, bool> chosen[] = {
                {m_dispositionLabel, typed.disposition && typed.disposition != note.disposition},
                {m_feltSafeLabel, typed.feltSafe && typed.feltSafe != note.feltSafe},
                {m_consentLabel,
                 typed.consentToFollowUp && typed.consentToFollowUp != note.consentToFollowUp},
                {m_contactLabel, typed.preferredContact && typed.preferredContact != note.preferredContact},
            };
            for (const auto& [label, differs] : chosen) {
                if (differs)
                    choices.append(fieldName(label));
            }
            if (!choices.isEmpty())
                parts.append(tr("Also chosen differently: %1").arg(choices.join(QStringLiteral(", "))));
            if (parts.isEmpty()) {
                // Nothing beyond the signed note: nothing is lost with it.
                usecases::CallUseCases(m_services).discardDraft(draftKey());
                return;
            }
        } else {
            // Never a word of the draft itself in a message: only that it could not be read.
            parts.append(tr("(A draft of this note was found but could not be read.)"));
        }
        m_leftoverText->setPlainText(parts.join(QStringLiteral("\n\n")));
        m_leftoverToAddendum->setVisible(readable);
        m_leftoverBox->show();
        return;
    }
}

QString EncounterForm::leftoverDraftText() const
{
    return m_leftoverBox->isHidden() ? QString() : m_leftoverText->toPlainText();
}

void EncounterForm::addendumFromLeftoverDraft()
{
    if (m_leftoverBox->isHidden())
        return;
    askForAddendumWith(m_leftoverText->toPlainText());
}

void EncounterForm::discardLeftoverDraft()
{
    if (m_leftoverBox->isHidden())
        return;
    if (const store::StoreError error = usecases::CallUseCases(m_services).discardDraft(draftKey())) {
        setStatus(tr("The draft could not be discarded: %1").arg(DomainText::errorText(error)));
        return;
    }
    m_leftoverText->clear();
    m_leftoverBox->hide();
    setStatus(tr("The changes the signed note never took were discarded."));
}

void EncounterForm::buildLayout()
{
    m_elsewhere = new ChangedElsewhereBar(m_services, this);
    connect(m_elsewhere, &ChangedElsewhereBar::changedElsewhere, this, &EncounterForm::onChangedElsewhere);
    connect(m_elsewhere, &ChangedElsewhereBar::reloadTheirs, this, [this] {
        m_draftTimer.stop();
        if (m_drafts) // theirs chosen: what was typed goes, its draft too
            m_drafts->discard(m_services.actor, draftKey());
        reload();
        setStatus(tr("Their version is shown; what you typed was not saved."));
    });
    connect(m_elsewhere, &ChangedElsewhereBar::keepMine, this, &EncounterForm::keepMine);
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("encounterHeader"));
    QFont big = m_header->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_header->setFont(big);
    m_signedBanner = new QLabel(this);
    m_signedBanner->setObjectName(QStringLiteral("signedBanner"));
    m_signedBanner->setWordWrap(true);
    m_signedBanner->setStyleSheet(QStringLiteral(
        "QLabel { background: #e8f5e9; border: 1px solid #2e7d32; padding: 6px; color: #1b5e20; }"));

    m_concern = textBox(this, "presentingConcern", 3);
    m_concernLabel = buddyLabel(this, m_concern);
    m_cssrs = new CssrsPanel(this);
    m_assessment = textBox(this, "assessment", 3);
    m_assessmentLabel = buddyLabel(this, m_assessment);
    m_interventions = textBox(this, "interventions", 3);
    m_interventionsLabel = buddyLabel(this, m_interventions);
    m_disposition = new QComboBox(this);
    m_disposition->setObjectName(QStringLiteral("encounterDisposition"));
    m_disposition->addItem(QString(), QString());
    for (EncounterDisposition d : encounter::kAllEncounterDispositions)
        m_disposition->addItem(QString(), QString::fromLatin1(encounter::encounterDispositionCode(d).data()));
    m_dispositionLabel = buddyLabel(this, m_disposition);
    m_destination = new QLineEdit(this);
    m_destination->setObjectName(QStringLiteral("destination"));
    m_destinationLabel = buddyLabel(this, m_destination);
    m_referral = new QLineEdit(this);
    m_referral->setObjectName(QStringLiteral("referralService"));
    m_referralLabel = buddyLabel(this, m_referral);
    m_lookUp = new QPushButton(this);
    m_lookUp->setObjectName(QStringLiteral("lookUpService"));
    m_escalation = textBox(this, "escalationReason", 2);
    m_escalationLabel = buddyLabel(this, m_escalation);
    m_feltSafe = yesNoBox(this, "feltSafe");
    m_feltSafeLabel = buddyLabel(this, m_feltSafe);
    m_consent = yesNoBox(this, "consentToFollowUp");
    m_consentLabel = buddyLabel(this, m_consent);
    m_contact = new QComboBox(this);
    m_contact->setObjectName(QStringLiteral("preferredContact"));
    m_contact->addItem(QString(), QString());
    for (ContactPreference p : encounter::kAllContactPreferences)
        m_contact->addItem(QString(), QString::fromLatin1(encounter::contactPreferenceCode(p).data()));
    m_contactLabel = buddyLabel(this, m_contact);
    m_phone = new QLineEdit(this);
    m_phone->setObjectName(QStringLiteral("contactPhone"));
    m_phoneLabel = buddyLabel(this, m_phone);
    m_place = new QLineEdit(this);
    m_place->setObjectName(QStringLiteral("contactPlace"));
    m_placeLabel = buddyLabel(this, m_place);
    m_narrative = textBox(this, "narrative", 5);
    m_narrativeLabel = buddyLabel(this, m_narrative);

    m_missing = new QLabel(this);
    m_missing->setObjectName(QStringLiteral("missingForSigning"));
    m_missing->setWordWrap(true);
    m_missing->setStyleSheet(QStringLiteral("color: #8a4b00;"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("encounterStatus"));
    m_status->setWordWrap(true);
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("saveEncounter"));
    m_sign = new QPushButton(this);
    m_sign->setObjectName(QStringLiteral("signEncounter"));
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(m_sign, &QPushButton::clicked, this, &EncounterForm::askToSign);
    connect(m_lookUp, &QPushButton::clicked, this, &EncounterForm::pickService);

    m_entriesTitle = new QLabel(this);
    m_entries = new QListWidget(this);
    m_entries->setObjectName(QStringLiteral("encounterEntries"));
    m_entries->setWordWrap(true);
    m_entries->setSpacing(3);
    m_entries->setAlternatingRowColors(true);
    m_entries->setMinimumHeight(90);
    m_entry = textBox(this, "newEntry", 2);
    m_entryLabel = buddyLabel(this, m_entry);
    m_addEntry = new QPushButton(this);
    m_addEntry->setObjectName(QStringLiteral("addEntry"));
    connect(m_addEntry, &QPushButton::clicked, this, [this] { addEntry(); });
    // A draft the signed note never took: shown above the note until it becomes an addendum or is discarded.
    m_leftoverBox = new QWidget(this);
    m_leftoverBox->setObjectName(QStringLiteral("leftoverDraftBox"));
    m_leftoverLabel = new QLabel(m_leftoverBox);
    m_leftoverLabel->setObjectName(QStringLiteral("leftoverDraftMessage"));
    m_leftoverLabel->setWordWrap(true);
    m_leftoverText = new QPlainTextEdit(m_leftoverBox);
    m_leftoverText->setObjectName(QStringLiteral("leftoverDraft"));
    m_leftoverText->setReadOnly(true); // selectable and copyable
    m_leftoverText->setTabChangesFocus(true);
    m_leftoverText->setMaximumHeight(140);
    m_leftoverToAddendum = new QPushButton(m_leftoverBox);
    m_leftoverToAddendum->setObjectName(QStringLiteral("leftoverToAddendum"));
    connect(m_leftoverToAddendum, &QPushButton::clicked, this, &EncounterForm::addendumFromLeftoverDraft);
    m_leftoverDiscard = new QPushButton(m_leftoverBox);
    m_leftoverDiscard->setObjectName(QStringLiteral("leftoverDiscard"));
    connect(m_leftoverDiscard, &QPushButton::clicked, this, &EncounterForm::discardLeftoverDraft);
    {
        auto* box = new QVBoxLayout(m_leftoverBox);
        box->setContentsMargins(0, 0, 0, 0);
        box->addWidget(m_leftoverLabel);
        box->addWidget(m_leftoverText);
        auto* buttons = new QHBoxLayout;
        buttons->addWidget(m_leftoverToAddendum);
        buttons->addWidget(m_leftoverDiscard);
        buttons->addStretch(1);
        box->addLayout(buttons);
    }
    m_leftoverBox->hide();
    m_addendaTitle = new QLabel(this);
    m_addenda = new QListWidget(this);
    m_addenda->setObjectName(QStringLiteral("encounterAddenda"));
    m_addenda->setWordWrap(true);
    m_addenda->setSpacing(3);
    m_addenda->setAlternatingRowColors(true);
    m_addenda->setMinimumHeight(70);
    m_addAddendum = new QPushButton(this);
    m_addAddendum->setObjectName(QStringLiteral("addAddendum"));
    connect(m_addAddendum, &QPushButton::clicked, this, &EncounterForm::askForAddendum);
    QFont bold = m_entriesTitle->font();
    bold.setBold(true);
    m_entriesTitle->setFont(bold);
    m_addendaTitle->setFont(bold);

    auto* page = new QWidget;
    auto* form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(m_concernLabel, m_concern);
    form->addRow(m_cssrs);
    form->addRow(m_assessmentLabel, m_assessment);
    form->addRow(m_interventionsLabel, m_interventions);
    form->addRow(m_dispositionLabel, m_disposition);
    form->addRow(m_destinationLabel, m_destination);
    auto* referral = new QHBoxLayout;
    referral->addWidget(m_referral, 1);
    referral->addWidget(m_lookUp);
    form->addRow(m_referralLabel, referral);
    form->addRow(m_escalationLabel, m_escalation);
    form->addRow(m_feltSafeLabel, m_feltSafe);
    form->addRow(m_consentLabel, m_consent);
    form->addRow(m_contactLabel, m_contact);
    form->addRow(m_phoneLabel, m_phone);
    form->addRow(m_placeLabel, m_place);
    form->addRow(m_narrativeLabel, m_narrative);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_save);
    actions->addWidget(m_sign);
    actions->addStretch(1);
    auto* entryRow = new QHBoxLayout;
    entryRow->addWidget(m_entry, 1);
    entryRow->addWidget(m_addEntry);
    auto* column = new QVBoxLayout(page);
    column->addWidget(m_header);
    column->addWidget(m_signedBanner);
    column->addWidget(m_leftoverBox);
    column->addLayout(form);
    column->addWidget(m_missing);
    column->addLayout(actions);
    column->addWidget(m_status);
    column->addWidget(m_entriesTitle);
    column->addWidget(m_entries);
    column->addWidget(m_entryLabel);
    column->addLayout(entryRow);
    column->addWidget(m_addendaTitle);
    column->addWidget(m_addenda);
    column->addWidget(m_addAddendum, 0, Qt::AlignLeft);
    column->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_elsewhere); // above the scrolled note: seen wherever the lead is typing
    layout->addWidget(scroll);
}

void EncounterForm::connectChanges()
{
    const auto mark = [this] {
        changed();
    };
    for (QPlainTextEdit* box : {m_concern, m_assessment, m_interventions, m_escalation, m_narrative})
        connect(box, &QPlainTextEdit::textChanged, this, mark);
    for (QLineEdit* line : {m_destination, m_phone, m_place})
        connect(line, &QLineEdit::textEdited, this, mark);
    connect(m_referral, &QLineEdit::textEdited, this, [this] {
        m_referralResourceId.clear(); // typed by hand: no longer the directory's entry
        changed();
    });
    for (QComboBox* box : {m_disposition, m_feltSafe, m_consent, m_contact})
        connect(box, &QComboBox::currentIndexChanged, this, mark);
    connect(m_cssrs, &CssrsPanel::answersChanged, this, mark);
}

void EncounterForm::changed()
{
    if (m_loading)
        return;
    updateVisibility();
    updateMissing();
    if (!mayEdit())
        return;
    m_dirty = true;
    if (!m_elsewhere->isAwaitingChoice()) // no saving over their change until the lead chooses
        m_saveTimer.start();
    if (!m_draftTimer.isActive()) // the draft is kept meanwhile, whatever the choice
        m_draftTimer.start();
}

bool EncounterForm::mayEdit() const
{
    return isLoaded() && !m_encounter.isSigned() && encounter::maySign(m_services.actor.role());
}

encounter::EncounterNote EncounterForm::collect() const
{
    encounter::EncounterNote note;
    note.presentingConcern = m_concern->toPlainText().toStdString();
    const triage::CssrsAnswers answers = m_cssrs->answers();
    bool anyAnswer = false;
    for (triage::Answer a : answers.answers)
        anyAnswer |= a != triage::Answer::Unanswered;
    if (anyAnswer)
        note.cssrs = answers;
    note.assessment = m_assessment->toPlainText().toStdString();
    note.interventions = m_interventions->toPlainText().toStdString();
    note.disposition =
        encounter::encounterDispositionFromCode(m_disposition->currentData().toString().toStdString());
    note.destination = m_destination->text().toStdString();
    note.referralResourceId = m_referralResourceId.toStdString();
    note.referralText = m_referral->text().toStdString();
    note.escalationReason = m_escalation->toPlainText().toStdString();
    note.feltSafe = yesNo(m_feltSafe);
    note.consentToFollowUp = yesNo(m_consent);
    note.preferredContact =
        encounter::contactPreferenceFromCode(m_contact->currentData().toString().toStdString());
    note.contactPhone = m_phone->text().toStdString();
    note.contactPlace = m_place->text().toStdString();
    note.narrative = m_narrative->toPlainText().toStdString();
    return note;
}

void EncounterForm::load(const store::Encounter& loaded)
{
    m_encounter = loaded;
    fill(loaded.note);
    m_dirty = false;
    m_elsewhere->watch(QStringLiteral("encounter"), loaded.id, loaded.version);
    render();
    m_asRead = TypedFields::of(this, m_elsewhere);
    findLeftoverDraft();
}

void EncounterForm::fill(const encounter::EncounterNote& note)
{
    m_loading = true;
    m_concern->setPlainText(fromStd(note.presentingConcern));
    m_cssrs->setAnswers(note.cssrs.value_or(triage::CssrsAnswers{}));
    m_assessment->setPlainText(fromStd(note.assessment));
    m_interventions->setPlainText(fromStd(note.interventions));
    m_disposition->setCurrentIndex(std::max(
        0, m_disposition->findData(
               note.disposition
                   ? QString::fromLatin1(encounter::encounterDispositionCode(*note.disposition).data())
                   : QString())));
    m_destination->setText(fromStd(note.destination));
    m_referralResourceId = fromStd(note.referralResourceId);
    m_referral->setText(fromStd(note.referralText));
    m_escalation->setPlainText(fromStd(note.escalationReason));
    setYesNo(m_feltSafe, note.feltSafe);
    setYesNo(m_consent, note.consentToFollowUp);
    m_contact->setCurrentIndex(std::max(
        0, m_contact->findData(
               note.preferredContact
                   ? QString::fromLatin1(encounter::contactPreferenceCode(*note.preferredContact).data())
                   : QString())));
    m_phone->setText(fromStd(phoneForDisplay(note.contactPhone)));
    m_place->setText(fromStd(note.contactPlace));
    m_narrative->setPlainText(fromStd(note.narrative));
    m_loading = false;
}

void EncounterForm::hideEvent(QHideEvent* event)
{
    if (m_dirty && !m_elsewhere->isAwaitingChoice())
        save();
    QWidget::hideEvent(event);
}

void EncounterForm::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void EncounterForm::retranslate()
{
    m_concernLabel->setText(tr("&Presenting concern:"));
    m_assessmentLabel->setText(tr("&Assessment:"));
    m_interventionsLabel->setText(tr("&Interventions:"));
    m_dispositionLabel->setText(tr("&Disposition:"));
    m_destinationLabel->setText(tr("&Where taken:"));
    m_referralLabel->setText(tr("&Referred to:"));
    m_lookUp->setText(tr("&Look up…"));
    m_escalationLabel->setText(tr("Why police/EMS were re&quested:"));
    m_feltSafeLabel->setText(tr("Responders felt &safe:"));
    m_consentLabel->setText(tr("&Consent to follow-up:"));
    m_contactLabel->setText(tr("Con&tact by:"));
    m_phoneLabel->setText(tr("Contact ph&one:"));
    m_placeLabel->setText(tr("Where to &meet:"));
    m_place->setPlaceholderText(tr("An address or a place the person named, and when suits them"));
    m_place->setAccessibleName(tr("Where to meet the person for follow-up"));
    m_narrativeLabel->setText(tr("&Narrative:"));
    m_entryLabel->setText(tr("Your entr&y (Ctrl+Return adds it):"));
    m_entriesTitle->setText(tr("Team entries"));
    m_addendaTitle->setText(tr("Addenda"));
    const QSignalBlocker blockDisposition(m_disposition);
    m_disposition->setItemText(0, tr("– choose –"));
    const QStringList dispositions = {tr("Resolved on scene"), tr("Transported"),      tr("Referred"),
                                      tr("Declined services"), tr("Police requested"), tr("EMS requested")};
    for (int i = 0; i < dispositions.size(); ++i)
        m_disposition->setItemText(i + 1, dispositions[i]);
    for (QComboBox* box : {m_feltSafe, m_consent}) {
        const QSignalBlocker block(box);
        box->setItemText(0, tr("– not recorded –"));
        box->setItemText(1, tr("Yes"));
        box->setItemText(2, tr("No"));
    }
    const QSignalBlocker blockContact(m_contact);
    m_contact->setItemText(0, tr("– choose –"));
    const QStringList contacts = {tr("Phone call"), tr("Text message"), tr("In person"), tr("No preference")};
    for (int i = 0; i < contacts.size(); ++i)
        m_contact->setItemText(i + 1, contacts[i]);
    m_save->setText(tr("Save (Ctrl+S)"));
    m_save->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    m_sign->setText(tr("Sign… (Ctrl+Shift+S)"));
    m_sign->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_addEntry->setText(tr("Add entry"));
    m_addEntry->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_addAddendum->setText(tr("Add addendum… (Ctrl+Shift+A)"));
    m_addAddendum->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_leftoverLabel->setText(
        tr("Before HEART Desk stopped, you typed changes to this note that it never saved, and the note "
           "was signed since. They are not in the note; they are shown here. Start an addendum with "
           "what still matters, or discard them."));
    m_leftoverText->setAccessibleName(tr("Your changes the signed note never took"));
    m_leftoverToAddendum->setText(tr("Start an addendum with this…"));
    m_leftoverDiscard->setText(tr("Discard these changes"));
    render();
}

} // namespace heart::ui
