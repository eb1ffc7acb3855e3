#pragma once
// One call from first ring to disposition, from the keyboard alone: intake,
// the C-SSRS screen, the routing decision with its reasons (updated as
// fields change), the disposition — with a written reason when it goes
// against the recommendation — dispatch and closing. Every change reaches
// the database as a draft within 2 seconds, so a killed program loses
// nothing typed; Ctrl+S saves the call itself. A closed call is read-only:
// changes go through addenda.
//
// Someone else changing the open call (another counselor, a dispatch from
// another workstation), or a save meeting their change, shows a line above
// the form with who, what and when: with nothing typed their version is
// read in; with something typed the call is not saved until the counselor
// chooses "Reload theirs" or "Keep mine" (ChangedElsewhereBar). Drafts go on
// being written meanwhile: they are the counselor's own, and keep every key.
#include "core/cad/CadDifferences.h"
#include "core/routing/Disposition.h"
#include "home/Services.h"
#include "intake/RoutingContext.h"
#include "shell/TypedFields.h"
#include "store/ChangeJournal.h"
#include "store/IntakeStore.h"

#include <QJsonObject>
#include <QTimer>
#include <QWidget>
#include <memory>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace heart::ui {

class CadDifferencesBar;
class ChangedElsewhereBar;
class CssrsPanel;
class DraftWriter;
class RoutingPanel;

class IntakeForm : public QWidget
{
    Q_OBJECT

public:
    // Autosave: the first change after a write schedules the next write this
    // much later, however fast the typing goes on (the issue allows 2 s).
    static constexpr int kAutosaveMs = 800;

    // drafts: the background writer (nullptr: drafts are written on this thread).
    IntakeForm(Services services, std::shared_ptr<const RoutingContext> routing,
               DraftWriter* drafts = nullptr, QWidget* parent = nullptr);
    ~IntakeForm() override;

    void startNew();                      // a new call: generated CAD number, received now
    bool openCall(const QString& callId); // a saved call (an audited open)
    // reopened: the counselor asked for it from "My drafts" (else it came back at sign-in).
    void restoreDraft(const QJsonObject& draft, bool reopened = false);
    // The draft as the database keeps it (`key` "intake/<form id>"), read by
    // core/intake/IntakeDraft: a draft that cannot be read (damaged, edited
    // with plain SQL) leaves the form empty under that key and says so in
    // its status line; false then.
    bool restoreDraftText(const QString& key, const QString& text, bool reopened = false);
    QJsonObject draftContent() const;
    QString draftKey() const { return QStringLiteral("intake/") + m_formId; }
    QString callId() const { return m_call.id; }
    QString title() const;
    bool isClosed() const { return m_call.isClosed(); }

    bool save();         // Ctrl+S
    bool dispatchUnit(); // Ctrl+D
    bool closeCall();    // Ctrl+E
    bool addAddendum(const QString& text);
    void flushDraft(); // write a pending draft now (before sign-out, on close)
    void discardDraft();
    bool hasUnsavedChanges() const { return m_dirty; }
    // The C-SSRS screen so far says imminent risk (high).
    bool atImminentRisk() const;

    // The current routing decision, when there is one.
    const std::optional<routing::Decision>& decision() const { return m_decision; }
    QString statusText() const;
    ChangedElsewhereBar* changedElsewhereBar() const { return m_elsewhere; }
    // What the CAD changed since the call was taken (hidden when nothing).
    CadDifferencesBar* cadDifferencesBar() const { return m_cadBar; }

Q_SIGNALS:
    void titleChanged(const QString& title);
    void callSaved(const QString& callId);

protected:
    void changeEvent(QEvent* event) override;
    // The form's shortcuts win over the editing keys of its fields (Ctrl+E,
    // Ctrl+D and Ctrl+H move, delete and erase in text fields under X11).
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    static constexpr int kUnitIdRole = Qt::UserRole + 1;
    static constexpr int kUnitCodeRole = Qt::UserRole + 2;
    bool isFormShortcut(const QKeySequence& keys) const;
    // The unit code in the unit field: a choice's code ("CRT-1"), or what was typed.
    QString unitCode() const;
    int unitIndex(const QString& code) const;
    // Before closing a call whose unit has not cleared: the counselor's yes.
    bool confirmCloseWhileUnitOut();
    void showBeatSource();
    void buildLayout();
    // The unit choices from the team board, for a CRT or Co-Response dispatch.
    void loadUnits(routing::Disposition disposition);
    void retranslate();
    void fillChoices();
    void connectChanges();
    void changed();
    void writeDraft();
    void recompute();
    void resolveBeat();
    bool validate(bool focusFirstError);
    void showFieldError(QLabel* label, const QString& text);
    void loadIntoWidgets(const store::CallRecord& call);
    store::CallRecord collect() const;
    roster::LocalDateTime receivedLocal() const;
    void setReceivedUtc(const QDateTime& utc);
    void updateDispositionState();
    void setReadOnly(bool readOnly);
    void linkPerson();
    void openPersonHistory();
    void setStatus(const QString& text);
    // The bar follows the call as last read or saved.
    void followCall();
    void onChangedElsewhere(const store::JournalEntry& entry);
    // The CAD's later values into the form (the counselor saves them with the call).
    void acceptCadChanges(const cad::CadIncident& latest, const std::vector<cad::CadField>& fields);
    void reloadTheirs();
    void keepMine();
    // A write met someone else's change: the bar asks; false for other errors.
    bool showConflict(const store::StoreError& error);

    Services m_services;
    std::shared_ptr<const RoutingContext> m_routing;
    DraftWriter* m_drafts;
    QString m_formId;
    store::CallRecord m_call; // as last saved (id, version, status, step times)
    std::optional<routing::Decision> m_decision;
    bool m_dirty = false;
    bool m_loading = false;
    bool m_beatFromPosition = false; // the Beat field holds the beat found from the coordinates
    QTimer m_autosave;
    TypedFields m_asRead; // the fields as loaded or last saved: what the counselor changed since
    QString m_status;

    // Intake
    QLabel* m_cadLabel;
    QLineEdit* m_cad;
    QLabel* m_cadError;
    QLabel* m_receivedLabel;
    QDateTimeEdit* m_received;
    QLabel* m_receivedError;
    QLabel* m_callerNameLabel;
    QLineEdit* m_callerName;
    QLabel* m_callerPhoneLabel;
    QLineEdit* m_callerPhone;
    QLabel* m_callerPhoneError;
    QLabel* m_relationshipLabel;
    QComboBox* m_relationship;
    QLabel* m_personNameLabel;
    QLineEdit* m_personName;
    QLabel* m_personAgeLabel;
    QSpinBox* m_personAge;
    QLabel* m_personDescriptionLabel;
    QLineEdit* m_personDescription;
    QPushButton* m_findPerson;
    QPushButton* m_personHistory;
    QLabel* m_personLink;
    QString m_personId;
    QLabel* m_addressLabel;
    QLineEdit* m_address;
    QLabel* m_latitudeLabel;
    QLineEdit* m_latitude;
    QLabel* m_longitudeLabel;
    QLineEdit* m_longitude;
    QLabel* m_coordinatesError;
    QLabel* m_beatLabel;
    QComboBox* m_beat;
    QLabel* m_beatInfo;
    QLabel* m_callTypeLabel;
    QComboBox* m_callType;
    QLabel* m_callTypeError;
    QLabel* m_flagsLabel;
    std::array<QCheckBox*, 5> m_flags{};
    QLabel* m_languageLabel;
    QComboBox* m_language;
    QCheckBox* m_interpreter;
    QLabel* m_narrativeLabel;
    QPlainTextEdit* m_narrative;

    // Triage and decision
    CssrsPanel* m_cssrs;
    RoutingPanel* m_routingPanel;
    QLabel* m_dispositionLabel;
    QComboBox* m_disposition;
    QLabel* m_overrideLabel;
    QPlainTextEdit* m_overrideReason;
    QLabel* m_overrideError;
    QLabel* m_unitLabel;
    QComboBox* m_unit;
    QLabel* m_unitError;
    QPushButton* m_save;
    QPushButton* m_dispatch;
    QPushButton* m_close;
    QPushButton* m_addendum;
    QLabel* m_statusLine;
    QLabel* m_headline;
    QLabel* m_closedBanner;
    ChangedElsewhereBar* m_elsewhere;
    CadDifferencesBar* m_cadBar = nullptr;
};

} // namespace heart::ui
