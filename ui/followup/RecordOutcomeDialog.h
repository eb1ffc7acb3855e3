#pragma once
// Recording how a follow-up ended: connected to a service (chosen from the
// resource directory, or its name typed when it is not listed), declined,
// already connected to care, or unable to reach, with a note of the
// navigator's own for any of them. Recording closes the task.
#include "core/followup/FollowUpPolicy.h"
#include "followup/TaskWriteDialog.h"
#include "home/Services.h"

#include <QDialog>
#include <optional>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace heart::ui {

class RecordOutcomeDialog : public TaskWriteDialog
{
    Q_OBJECT

public:
    explicit RecordOutcomeDialog(Services services, QWidget* parent = nullptr);

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
};

} // namespace heart::ui
