// EncounterForm: loading and saving, what is missing before signing,
// signing, team entries and addenda.
#include "core/Permissions.h"
#include "directory/ResourcePickerDialog.h"
#include "encounter/EncounterForm.h"
#include "encounter/SignatureDialog.h"
#include "intake/CssrsPanel.h"
#include "intake/DraftWriter.h"
#include "shell/ChangedElsewhereBar.h"
#include "shell/DomainText.h"
#include "shell/ProgramTime.h"
#include "store/StoreTime.h"
#include "usecases/EncounterUseCases.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>

namespace heart::ui {

using encounter::EncounterDisposition;

namespace {

QString timeText(const QDateTime& utc)
{
    return ProgramTime::dateTimeText(utc);
}

} // namespace

void EncounterForm::reload()
{
    m_saveTimer.stop();
    auto found = usecases::EncounterUseCases(m_services).openOrCreate(m_callId, m_unitId);
    if (!found.ok()) {
        m_problem = DomainText::errorText(found.error());
        m_encounter = {};
        render();
        return;
    }
    m_problem.clear();
    load(found.value());
}

bool EncounterForm::save()
{
    m_saveTimer.stop();
    if (!mayEdit())
        return false;
    if (m_elsewhere->isAwaitingChoice()) {
        setStatus(tr("Not saved: someone else changed the note. Choose Reload theirs or Keep mine."));
        return false;
    }
    usecases::EncounterUseCases encounters(m_services);
    // No draft write may land after the note that replaces it: the pending
    // one is dropped (the note holds it) and one under way is waited for;
    // the note's transaction deletes the draft.
    m_draftTimer.stop();
    if (m_drafts)
        m_drafts->forget(draftKey());
    auto saved = encounters.writeNote(m_encounter.id, m_encounter.version, collect(), draftKey());
    // Entries and the safety plan move the encounter's version on too: when
    // only they changed, what was typed is saved over the new version.
    if (!saved.ok() && saved.error().code == store::StoreErrorCode::Conflict && refreshFromStore())
        saved = encounters.writeNote(m_encounter.id, m_encounter.version, collect(), draftKey());
    if (!saved.ok()) {
        writeDraft(); // not saved: what is typed stays kept as a draft
        if (saved.error().code == store::StoreErrorCode::Conflict) {
            // Their change to the note itself: what was typed stays, the lead chooses.
            m_dirty = true;
            m_elsewhere->showConflict();
            setStatus(tr("Not saved: someone else changed the note. Choose Reload theirs or Keep mine."));
            return false;
        }
        setStatus(tr("Not saved: %1").arg(DomainText::errorText(saved.error())));
        return false;
    }
    // The widgets keep what was typed (the cursor stays where it is); the
    // record moves on to the stored version.
    m_encounter = saved.value();
    m_elsewhere->setVersion(m_encounter.version);
    m_asRead = TypedFields::of(this, m_elsewhere);
    m_dirty = false;
    setStatus(ProgramTime::sentence(
        tr("Saved %1.").arg(ProgramTime::timeText(store::toDateTime(m_services.clock.now())))));
    Q_EMIT changedOnStore();
    return true;
}

bool EncounterForm::sign(const QString& password)
{
    if (m_dirty && !save())
        return false;
    auto done = usecases::EncounterUseCases(m_services).sign(m_encounter.id, m_encounter.version, password);
    if (!done.ok()) {
        const store::StoreError& error = done.error();
        if (error.code == store::StoreErrorCode::BadCredentials)
            setStatus(tr("Not signed: the password is not right."));
        else if (error.code == store::StoreErrorCode::InvalidInput) // incomplete for signing
            setStatus(missingText());
        else
            setStatus(tr("Not signed: %1").arg(DomainText::errorText(error)));
        if (error.code == store::StoreErrorCode::Conflict) {
            // Sign only what was read: show what arrived, then sign again.
            if (refreshFromStore())
                setStatus(tr(
                    "Not signed: entries or the safety plan changed meanwhile. Read them and sign again."));
            else
                reload();
        }
        return false;
    }
    load(done.value());
    setStatus(tr("Signed. The note is locked."));
    focusFirstField(); // the addendum button: the fields are read-only now
    Q_EMIT signedNote();
    Q_EMIT changedOnStore();
    return true;
}

bool EncounterForm::refreshFromStore()
{
    if (!isLoaded())
        return false;
    auto fresh = usecases::EncounterUseCases(m_services).open(m_encounter.id);
    if (!fresh.ok() || fresh.value().isSigned() || !(fresh.value().note == m_encounter.note))
        return false; // signed, or the note itself changed elsewhere: the caller reloads
    m_encounter.version = fresh.value().version;
    m_encounter.updatedAt = fresh.value().updatedAt;
    m_encounter.entries = fresh.value().entries;
    if (!m_elsewhere->isAwaitingChoice())
        m_elsewhere->setVersion(m_encounter.version);
    const bool dirty = m_dirty;
    render();
    m_dirty = dirty;
    return true;
}

void EncounterForm::onChangedElsewhere(const store::JournalEntry& entry)
{
    // Entries or the safety plan only: merged under what is typed, as before.
    if (refreshFromStore())
        return;
    if (!m_dirty || !mayEdit()) {
        // Nothing typed to keep: their version, and a word of who changed it.
        reload();
        m_elsewhere->showChange(entry, false);
        return;
    }
    m_saveTimer.stop(); // what is typed waits for the lead's choice
    m_elsewhere->showChange(entry, true);
    setStatus(tr("Not saved yet: someone else changed the note. Choose Reload theirs or Keep mine."));
}

void EncounterForm::keepMine()
{
    // Their version becomes the base: the fields the lead changed keep what
    // they typed, the others show theirs, and that is saved (an ordinary
    // update, audited and journaled as the lead's).
    const TypedFields typed = TypedFields::of(this, m_elsewhere);
    const QList<QWidget*> mine = typed.changedSince(m_asRead);
    auto fresh = usecases::EncounterUseCases(m_services).open(m_encounter.id);
    if (!fresh.ok()) {
        setStatus(tr("Not saved: %1").arg(DomainText::errorText(fresh.error())));
        return;
    }
    if (fresh.value().isSigned()) {
        // A signed note takes no more changes: what is typed stays on screen for an addendum.
        setStatus(tr("Not saved: the note was signed meanwhile. Copy what you need into an addendum."));
        return;
    }
    load(fresh.value());
    typed.restore(mine);
    m_dirty = true;
    save();
}

void EncounterForm::askToSign()
{
    if (!isLoaded() || m_encounter.isSigned() || !encounter::maySign(m_services.actor.role()))
        return;
    const auto missing = encounter::missingForSigning(collect());
    if (!missing.empty()) {
        setStatus(missingText());
        const QString field = QString::fromStdString(missing.front().field);
        const std::pair<const char*, QWidget*> fields[] = {
            {"presentingConcern", m_concern},   {"disposition", m_disposition},
            {"destination", m_destination},     {"referralService", m_referral},
            {"escalationReason", m_escalation}, {"feltSafe", m_feltSafe},
            {"consentToFollowUp", m_consent},   {"preferredContact", m_contact},
            {"contactPhone", m_phone},          {"contactPlace", m_place},
        };
        QWidget* first = nullptr;
        for (const auto& [name, widget] : fields) {
            if (field == QLatin1String(name))
                first = widget;
        }
        if (first)
            first->setFocus();
        return;
    }
    SignatureDialog dialog(SignatureDialog::Kind::Note, m_services.actor.displayName(), this);
    while (dialog.exec() == QDialog::Accepted) {
        if (sign(dialog.password()))
            return;
        dialog.setError(m_status->text());
        if (!isLoaded() || m_encounter.isSigned())
            return;
    }
}

bool EncounterForm::addEntry()
{
    const QString text = m_entry->toPlainText().trimmed();
    if (!isLoaded() || text.isEmpty())
        return false;
    if (m_dirty)
        save();
    auto added = usecases::EncounterUseCases(m_services).addEntry(m_encounter.id, text);
    if (!added.ok()) {
        setStatus(tr("Entry not added: %1").arg(DomainText::errorText(added.error())));
        return false;
    }
    m_encounter.version = added.value().version;
    m_encounter.entries = added.value().entries;
    if (!m_elsewhere->isAwaitingChoice())
        m_elsewhere->setVersion(m_encounter.version);
    m_entry->clear();
    render();
    setStatus(tr("Entry added."));
    Q_EMIT changedOnStore();
    return true;
}

bool EncounterForm::addAddendum(const QString& text, const QString& password, const QString& draftForm)
{
    auto added =
        usecases::EncounterUseCases(m_services).addAddendum(m_encounter.id, text, password, draftForm);
    if (!added.ok()) {
        setStatus(added.error().code == store::StoreErrorCode::BadCredentials
                      ? tr("Addendum not added: the password is not right.")
                      : tr("Addendum not added: %1").arg(DomainText::errorText(added.error())));
        return false;
    }
    m_encounter.addenda.append(added.value());
    render();
    setStatus(tr("Addendum signed and added."));
    Q_EMIT changedOnStore();
    return true;
}

void EncounterForm::askForAddendum()
{
    askForAddendumWith(QString());
}

// `text`: the leftover draft's, to start from; the addendum signed, the
// draft has served and goes, in the addendum's own transaction.
void EncounterForm::askForAddendumWith(const QString& text)
{
    if (!isLoaded() || !m_encounter.isSigned() || !encounter::maySign(m_services.actor.role()))
        return;
    SignatureDialog dialog(SignatureDialog::Kind::Addendum, m_services.actor.displayName(), this);
    if (!text.isEmpty())
        dialog.setText(text);
    while (dialog.exec() == QDialog::Accepted) {
        if (addAddendum(dialog.text(), dialog.password(), text.isEmpty() ? QString() : draftKey())) {
            if (!text.isEmpty()) {
                m_leftoverText->clear();
                m_leftoverBox->hide();
            }
            setStatus(tr("Addendum signed and added."));
            return;
        }
        dialog.setError(m_status->text());
    }
}

void EncounterForm::pickService()
{
    if (auto picked = ResourcePickerDialog::pick(m_services, this, m_referral->text())) {
        m_referral->setText(picked->name);
        m_referralResourceId = picked->id;
        changed();
    }
}

void EncounterForm::focusFirstField()
{
    if (mayEdit())
        m_concern->setFocus();
    else if (m_entry->isVisible())
        m_entry->setFocus();
    else if (m_addAddendum->isVisible())
        m_addAddendum->setFocus();
    else
        m_entries->setFocus();
}

void EncounterForm::setStatus(const QString& text)
{
    m_status->setText(text);
}

QString EncounterForm::statusText() const
{
    return m_status->text();
}

QString EncounterForm::missingText() const
{
    const auto missing = encounter::missingForSigning(collect());
    if (missing.empty())
        return QString();
    QStringList names;
    for (const Error& error : missing) {
        const QString field = QString::fromStdString(error.field);
        if (error.code == "phone-not-dialable")
            names << tr("a contact phone that can be dialled");
        else if (field == QLatin1String("presentingConcern"))
            names << tr("presenting concern");
        else if (field == QLatin1String("disposition"))
            names << tr("disposition");
        else if (field == QLatin1String("destination"))
            names << tr("where the person was taken");
        else if (field == QLatin1String("referralService"))
            names << tr("the service referred to");
        else if (field == QLatin1String("escalationReason"))
            names << tr("why police or EMS were requested");
        else if (field == QLatin1String("feltSafe"))
            names << tr("whether responders felt safe");
        else if (field == QLatin1String("consentToFollowUp"))
            names << tr("consent to follow-up");
        else if (field == QLatin1String("preferredContact"))
            names << tr("how to contact the person");
        else if (field == QLatin1String("contactPhone"))
            names << tr("the contact phone");
        else if (field == QLatin1String("contactPlace"))
            names << tr("where to meet the person");
        else
            names << field;
    }
    return tr("To sign, add: %1.").arg(names.join(QStringLiteral(", ")));
}

void EncounterForm::updateMissing()
{
    const bool show = mayEdit();
    const QString text = show ? missingText() : QString();
    m_missing->setText(text.isEmpty() && show ? tr("Complete: ready to sign.") : text);
    m_missing->setVisible(show);
}

void EncounterForm::updateVisibility()
{
    const auto disposition =
        encounter::encounterDispositionFromCode(m_disposition->currentData().toString().toStdString());
    const auto is = [&](EncounterDisposition d) {
        return disposition && *disposition == d;
    };
    const bool transported = is(EncounterDisposition::Transported);
    const bool referred = is(EncounterDisposition::Referred);
    const bool escalated =
        is(EncounterDisposition::PoliceRequested) || is(EncounterDisposition::EmsRequested);
    const bool consent = m_consent->currentData().toInt() == 1;
    const auto contact =
        encounter::contactPreferenceFromCode(m_contact->currentData().toString().toStdString());
    for (QWidget* w : {static_cast<QWidget*>(m_destinationLabel), static_cast<QWidget*>(m_destination)})
        w->setVisible(transported);
    for (QWidget* w : {static_cast<QWidget*>(m_referralLabel), static_cast<QWidget*>(m_referral),
                       static_cast<QWidget*>(m_lookUp)})
        w->setVisible(referred);
    for (QWidget* w : {static_cast<QWidget*>(m_escalationLabel), static_cast<QWidget*>(m_escalation)})
        w->setVisible(escalated);
    for (QWidget* w : {static_cast<QWidget*>(m_contactLabel), static_cast<QWidget*>(m_contact)})
        w->setVisible(consent);
    for (QWidget* w : {static_cast<QWidget*>(m_phoneLabel), static_cast<QWidget*>(m_phone)})
        w->setVisible(consent && contact && encounter::needsPhone(*contact));
    for (QWidget* w : {static_cast<QWidget*>(m_placeLabel), static_cast<QWidget*>(m_place)})
        w->setVisible(consent && contact && encounter::needsPlace(*contact));
}

void EncounterForm::render()
{
    const bool loaded = isLoaded();
    const bool editable = mayEdit();
    for (QPlainTextEdit* box : {m_concern, m_assessment, m_interventions, m_escalation, m_narrative})
        box->setReadOnly(!editable);
    for (QLineEdit* line : {m_destination, m_referral, m_phone, m_place})
        line->setReadOnly(!editable);
    for (QComboBox* box : {m_disposition, m_feltSafe, m_consent, m_contact})
        box->setEnabled(editable);
    m_cssrs->setReadOnly(!editable);
    m_lookUp->setEnabled(editable);
    m_save->setVisible(editable);
    m_sign->setVisible(editable);
    const bool mayWriteEntry =
        loaded && !m_encounter.isSigned() && permits(m_services.actor.role(), Action::WriteEncounterEntry);
    m_entryLabel->setVisible(mayWriteEntry);
    m_entry->setVisible(mayWriteEntry);
    m_addEntry->setVisible(mayWriteEntry);

    if (!loaded) {
        m_signedBanner->setText(m_problem);
        m_signedBanner->setVisible(!m_problem.isEmpty());
    } else if (m_encounter.isSigned()) {
        m_signedBanner->setText(
            tr("Signed by %1 on %2. The note is locked: corrections are signed addenda.")
                .arg(m_encounter.signedByName.toHtmlEscaped(), timeText(m_encounter.signedAt)));
        m_signedBanner->show();
    } else {
        m_signedBanner->hide();
    }

    m_entries->clear();
    for (const store::EncounterEntry& entry : m_encounter.entries) {
        m_entries->addItem(tr("%1 (%2), %3:\n%4")
                               .arg(entry.authorName, DomainText::roleName(entry.authorRole),
                                    timeText(entry.writtenAt), entry.text));
    }
    if (m_encounter.entries.isEmpty())
        m_entries->addItem(tr("No entries yet."));
    const bool locked = loaded && m_encounter.isSigned();
    m_addendaTitle->setVisible(locked);
    m_addenda->setVisible(locked);
    m_addAddendum->setVisible(locked && encounter::maySign(m_services.actor.role()));
    m_addenda->clear();
    for (const store::EncounterAddendum& addendum : m_encounter.addenda) {
        m_addenda->addItem(tr("Addendum by %1, signed %2:\n%3")
                               .arg(addendum.authorName, timeText(addendum.signedAt), addendum.text));
    }
    if (locked && m_encounter.addenda.isEmpty())
        m_addenda->addItem(tr("No addenda."));
    updateVisibility();
    updateMissing();
}

void EncounterForm::setHeading(const QString& heading)
{
    m_header->setText(heading);
}

} // namespace heart::ui
