#pragma once
// The line inside an edit form (the call, the encounter note, a follow-up
// task's dialog) that says someone else changed the record being edited:
// who (name and role), what and when, and lets the user choose - "Reload
// theirs" (Alt+Z: their version, what was typed goes) or "Keep mine"
// (Alt+K: what was typed is saved over their version, a normal audited
// update). It never takes the keyboard: the focus stays where the user was
// typing, and comes back there after a choice.
//
// It follows the change feed for the one record the form watches and emits
// changedElsewhere() for a journal row of it, newer than the form's version,
// made by another user or at another workstation. The form decides what to
// do with it (nothing typed: show theirs and tell; something typed: ask),
// and pauses its own saving while the choice is open.
#include "home/Services.h"
#include "store/ChangeJournal.h"
#include "usecases/AccountUseCases.h"

#include <QFrame>
#include <QPointer>
#include <optional>

class QLabel;
class QPushButton;

namespace heart::ui {

class ChangedElsewhereBar : public QFrame
{
    Q_OBJECT

public:
    explicit ChangedElsewhereBar(Services services, QWidget* parent = nullptr);

    // The record the form edits ("call", "encounter", "followup_task") at the
    // version it read or last saved. Hides the bar.
    void watch(const QString& recordType, const QString& recordId, int version);
    // The form saved (or took theirs): its version now. Keeps the bar as it is.
    void setVersion(int version) { m_version = version; }
    int version() const { return m_version; }
    // The newest version of the record the journal has told of (any author).
    int newestVersion() const { return m_newest ? m_newest->version : m_version; }

    // Shows who changed the record, what and when. withChoice: the two
    // buttons (the form has unsaved edits); else a note that theirs is shown.
    void showChange(const store::JournalEntry& entry, bool withChoice);
    // A save came back Conflict: reads the journal now (the notification
    // may not have arrived yet) and shows the change with the choice.
    void showConflict();
    void clear();

    // The choice is open: the form saves nothing until it is made.
    bool isAwaitingChoice() const { return m_choice; }
    QString text() const;
    QPushButton* reloadButton() const { return m_reload; }
    QPushButton* keepButton() const { return m_keep; }

Q_SIGNALS:
    void changedElsewhere(const heart::store::JournalEntry& entry);
    void reloadTheirs();
    void keepMine();

protected:
    void changeEvent(QEvent* event) override;

private:
    void take(const QList<store::JournalEntry>& entries);
    void choose(bool keep);
    void render();
    QString who() const;
    QWidget* typingIn() const;

    Services m_services;
    QString m_recordType;
    QString m_recordId;
    int m_version = 0;
    std::optional<store::JournalEntry> m_newest; // newest row of the record told so far
    std::optional<store::JournalEntry> m_shown;  // the change the bar tells of
    usecases::ChangeAuthor m_author;             // who made m_shown
    bool m_choice = false;
    QPointer<QWidget> m_typingIn; // where the focus was when the bar appeared
    QLabel* m_text;
    QPushButton* m_reload;
    QPushButton* m_keep;
};

} // namespace heart::ui
