#pragma once
// Recording how a follow-up ended: connected to a service (chosen from the
// resource directory, or its name typed when it is not listed), declined,
// already connected to care, or unable to reach, with a note of the
// navigator's own for any of them. Recording closes the task.
//
// What is typed is kept as the navigator's draft of the task's outcome
// (DraftStore, written by a DraftWriter at most kDraftMs after a change), so
// that a crash loses nothing: when the navigator opens "Record outcome" on
// the task again, the draft is back. Cancelling deletes it; recording deletes
// it in the recording's own transaction (a failed recording keeps it).
#include "core/followup/FollowUpPolicy.h"
#include "followup/TaskWriteDialog.h"
#include "home/Services.h"
#include "shell/DraftSource.h"

#include <QDialog>
#include <QTimer>
#include <optional>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace heart::ui {

class DraftWriter;

class RecordOutcomeDialog : public TaskWriteDialog, public DraftSource
{
    Q_OBJECT

public:
    static constexpr int kDraftMs = 300;

    explicit RecordOutcomeDialog(Services services, QWidget* parent = nullptr);

    // Keeps what is typed as the draft of this task's outcome through `drafts`
    // (which outlives the dialog), and puts back a draft left before. Call before exec().
    void keepDraft(const QString& taskId, DraftWriter* drafts);
    // The navigator cancelled: the draft goes.
    void discardDraft();
    // Before the write that records the outcome (and deletes the draft in its
    // own transaction): no draft write may land after it, so the pending one
    // is dropped and one under way is waited for.
    void holdDraft();
    // The write failed: what is typed is kept as the draft again.
    void keepDraftNow() { writeDraft(); }
    // A draft left before (a crash) was put back when the dialog opened.
    bool restoredDraft() const { return m_restored; }

    // DraftSource: "followup-outcome/<task id>".
    QString draftKey() const override;
    bool hasUnsavedContent() const override;
    QJsonObject draftContent() const override;
    void restoreDraft(const QJsonObject& content) override;

    std::optional<followup::Outcome> outcome() const;
    // Connected: the directory's service, or empty when the name was typed.
    QString resourceId() const;
    // Connected: the typed name of a service not chosen from the directory.
    QString serviceText() const;
    // What the navigator wrote about the outcome, trimmed; may be empty.
    QString note() const;
    // The directory's picker, searching for what is typed (Alt+F in the dialog).
    void chooseService();

private:
    void update();
    void changed();
    void writeDraft();
    // Grows the dialog when a wrapped line (the service's address) needs
    // more height than it has, so no two widgets are drawn over each other.
    void fitToContents();

    Services m_services;
    QButtonGroup* m_outcomes;
    QLineEdit* m_service;
    QPushButton* m_find;
    QLabel* m_serviceNote;
    QPlainTextEdit* m_note;
    QLabel* m_noteProblem;
    QPushButton* m_record;
    QString m_resourceId;
    QLabel* m_restoredNote;
    QString m_taskId;
    DraftWriter* m_drafts = nullptr;
    QTimer m_draftTimer;
    bool m_restored = false;
};

} // namespace heart::ui
