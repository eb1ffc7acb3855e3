#pragma once
// The encounter note of one unit's visit on one call, as the team documents
// it in the van: the clinician lead writes the note's fields (presenting
// concern, an in-person C-SSRS, assessment, interventions, disposition with
// what it needs, whether the responders felt safe, consent to follow-up and
// how to reach the person, narrative); every member adds entries of their
// own. The fields the disposition needs appear with it, and "To sign" lists
// what is still missing (core/encounter/EncounterRules.h).
//
// Changes are saved a moment after typing stops (and on Ctrl+S), so nothing
// typed is lost to a closed lid. While typing goes on (or while saving waits
// for the lead's choice below), what is typed is kept as the lead's draft
// (DraftStore, written in the background by a DraftWriter) at most kDraftMs
// after each change; the save that writes the note deletes the draft in the
// same transaction. A draft left by a crash comes back when the lead opens
// the note again, and is then saved (or, if the note changed elsewhere
// meanwhile, waits for "Reload theirs" or "Keep mine"). Signing (Ctrl+Shift+S, password again)
// locks the note; corrections are signed addenda (Ctrl+Shift+A), listed
// under it. A note signed elsewhere is shown read-only.
//
// A draft of the lead's that the note never took (HEART Desk was killed after
// a draft write, then the note was signed on another workstation) is neither
// applied to the signed note nor silently deleted: when the lead opens the
// signed note, what it holds beyond the note is shown above it ("leftover
// draft"), to be started as an addendum (its text copied into the addendum
// dialog; the draft goes once the addendum is signed) or discarded by the
// lead. It is shown each time the note is opened until one of the two. A
// draft that holds nothing beyond the signed note is deleted unseen.
//
// Entries and the safety plan written elsewhere are merged in under what is
// typed. When someone else changes the note's own fields (or a save meets
// their change), a line above the note says who, what and when: nothing
// typed - their version is shown; something typed - saving pauses and the
// lead chooses "Reload theirs" or "Keep mine" (ChangedElsewhereBar).
#include "core/encounter/EncounterRules.h"
#include "home/Services.h"
#include "shell/DraftSource.h"
#include "shell/TypedFields.h"
#include "store/ChangeJournal.h"
#include "store/EncounterStore.h"

#include <QTimer>
#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace heart::ui {

class ChangedElsewhereBar;
class CssrsPanel;
class DraftWriter;

class EncounterForm : public QWidget, public DraftSource
{
    Q_OBJECT

public:
    static constexpr int kDraftMs = 300; // the most typing a crash may take (the note's own save: 800 ms)

    // Opens the unit's note on the call, creating it when a signing role
    // opens it for the first time.
    EncounterForm(Services services, const QString& callId, const QString& unitId, QWidget* parent = nullptr);
    ~EncounterForm() override;

    // "Encounter note · call … · unit …", set by the home that shows the form.
    void setHeading(const QString& heading);
    bool isLoaded() const { return !m_encounter.id.isEmpty(); }
    const store::Encounter& encounter() const { return m_encounter; }
    QString statusText() const;
    QString missingText() const;
    // What the form would save now.
    encounter::EncounterNote collect() const;

    bool save();                        // Ctrl+S (signing roles)
    bool sign(const QString& password); // what the signing dialog calls
    bool addEntry();                    // Ctrl+Return in "Your entry"
    // With `draftForm`: that draft goes in the addendum's own transaction.
    bool addAddendum(const QString& text, const QString& password, const QString& draftForm = {});
    void reload();
    void focusFirstField(); // the presenting concern, or the entry box for a peer
    // After entries or the safety plan were written: the stored version and
    // entries, keeping what is typed in the note. False when the note's own
    // fields changed elsewhere (or it was signed): then reload().
    bool refreshFromStore();
    ChangedElsewhereBar* changedElsewhereBar() const { return m_elsewhere; }
    // The leftover draft of a signed note, as shown above it (empty when none).
    QString leftoverDraftText() const;
    // Starts an addendum with the leftover draft's text; the draft goes once it is signed.
    void addendumFromLeftoverDraft();
    // The lead does not want it: the leftover draft is deleted.
    void discardLeftoverDraft();

    // DraftSource: "encounter/<encounter id>", the fields as typed and as last read.
    QString draftKey() const override;
    bool hasUnsavedContent() const override { return m_dirty && mayEdit(); }
    QJsonObject draftContent() const override;
    void restoreDraft(const QJsonObject& content) override;
    bool keepsOwnDraft() const override { return true; }

Q_SIGNALS:
    void signedNote();
    void changedOnStore();

protected:
    void changeEvent(QEvent* event) override;
    void hideEvent(QHideEvent* event) override; // saves what is pending

private:
    void buildLayout();
    void retranslate();
    void connectChanges();
    void changed();
    void load(const store::Encounter& encounter);
    void render();
    void updateVisibility();
    void updateMissing();
    void setStatus(const QString& text);
    void pickService();
    void askToSign();
    void askForAddendum();
    bool mayEdit() const;
    void onChangedElsewhere(const store::JournalEntry& entry);
    void keepMine();
    void fill(const encounter::EncounterNote& note);
    void writeDraft();
    void restoreOwnDraft();
    bool applyDraft(const QJsonObject& draft);
    void findLeftoverDraft();
    void askForAddendumWith(const QString& text);

    Services m_services;
    QString m_callId;
    QString m_unitId;
    store::Encounter m_encounter;
    QString m_problem;
    bool m_loading = false;
    bool m_dirty = false;
    QTimer m_saveTimer;
    QTimer m_draftTimer;
    std::unique_ptr<DraftWriter> m_drafts; // signing roles only
    TypedFields m_asRead;                  // the fields as loaded or last saved: what the lead changed since

    ChangedElsewhereBar* m_elsewhere;
    QLabel* m_header;
    QLabel* m_signedBanner;
    QWidget* m_leftoverBox;
    QLabel* m_leftoverLabel;
    QPlainTextEdit* m_leftoverText;
    QPushButton* m_leftoverToAddendum;
    QPushButton* m_leftoverDiscard;
    QLabel* m_concernLabel;
    QPlainTextEdit* m_concern;
    CssrsPanel* m_cssrs;
    QLabel* m_assessmentLabel;
    QPlainTextEdit* m_assessment;
    QLabel* m_interventionsLabel;
    QPlainTextEdit* m_interventions;
    QLabel* m_dispositionLabel;
    QComboBox* m_disposition;
    QLabel* m_destinationLabel;
    QLineEdit* m_destination;
    QLabel* m_referralLabel;
    QLineEdit* m_referral;
    QPushButton* m_lookUp;
    QLabel* m_escalationLabel;
    QPlainTextEdit* m_escalation;
    QLabel* m_feltSafeLabel;
    QComboBox* m_feltSafe;
    QLabel* m_consentLabel;
    QComboBox* m_consent;
    QLabel* m_contactLabel;
    QComboBox* m_contact;
    QLabel* m_phoneLabel;
    QLineEdit* m_phone;
    QLabel* m_placeLabel;
    QLineEdit* m_place; // in person: where to meet
    QLabel* m_narrativeLabel;
    QPlainTextEdit* m_narrative;
    QLabel* m_missing;
    QLabel* m_status;
    QPushButton* m_save;
    QPushButton* m_sign;
    QLabel* m_entriesTitle;
    QListWidget* m_entries;
    QLabel* m_entryLabel;
    QPlainTextEdit* m_entry;
    QPushButton* m_addEntry;
    QLabel* m_addendaTitle;
    QListWidget* m_addenda;
    QPushButton* m_addAddendum;
    QString m_referralResourceId; // picked from the directory; cleared when the text is edited
};

} // namespace heart::ui
