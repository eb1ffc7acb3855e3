#pragma once
// Logging an attempt to reach the person: how (phone, text, in person), what
// came of it (reached, no answer, left a message, wrong number) and an
// optional note. The result must be chosen: nothing is assumed. When the
// attempt would be the last one allowed, the dialog says that an
// unsuccessful result closes the task as "unable to reach".
#include "core/encounter/EncounterRules.h"
#include "core/followup/FollowUpPolicy.h"
#include "followup/TaskWriteDialog.h"

#include <QDialog>
#include <optional>

class QButtonGroup;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace heart::ui {

class LogAttemptDialog : public TaskWriteDialog
{
    Q_OBJECT

public:
    // `preferred` chooses the channel first offered; `attemptsLeft` is how
    // many unsuccessful attempts the task still takes.
    LogAttemptDialog(std::optional<encounter::ContactPreference> preferred, int attemptsLeft,
                     QWidget* parent = nullptr);

    followup::AttemptChannel channel() const;
    std::optional<followup::AttemptResult> result() const;
    QString note() const;

private:
    void update();

    int m_attemptsLeft;
    QButtonGroup* m_channels;
    QButtonGroup* m_results;
    QPlainTextEdit* m_note;
    QLabel* m_warning;
    QPushButton* m_save;
};

} // namespace heart::ui
