#pragma once
// One follow-up task as a navigator works from it, read-only: the task, the
// person and how to reach them, the attempts so far, the original call, the
// encounter with its safety plan. It shows exactly what FollowUpStore::open
// returned for the actor's role: a part the role does not see says "Not
// shown to your role" instead of going missing, and a part that does not
// exist (a check-in has no encounter) says that, so nobody mistakes one for
// the other.
#include "store/FollowUpStore.h"

#include <QScrollArea>
#include <array>
#include <optional>

class QLabel;

namespace heart::ui {

class FollowUpQueueModel;

class FollowUpDetailPane : public QScrollArea
{
    Q_OBJECT

public:
    enum Section
    {
        Task,
        Contact,
        Attempts,
        Call,
        CallClinical,
        Encounter,
        EncounterClinical,
        SafetyPlan,
        SectionCount
    };

    // `texts` puts times in the program's zone and codes into words.
    explicit FollowUpDetailPane(const FollowUpQueueModel& texts, QWidget* parent = nullptr);

    void showDetail(const store::FollowUpDetail& detail);
    // After a write: the task as the store returned it (attempts included).
    void updateTask(const store::FollowUpTask& task);
    // No task shown, with a word why (nothing selected, a read refused).
    void showMessage(const QString& message);

    const std::optional<store::FollowUpDetail>& detail() const { return m_detail; }
    // The section's text as shown (rich text), for tests and accessibility checks.
    QString sectionText(Section section) const;

    static QString notShownText();

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();
    QString heading(Section section) const;
    QString taskHtml(const store::FollowUpTask& task) const;
    QString contactHtml() const;
    QString attemptsHtml(const store::FollowUpTask& task) const;
    QString callHtml() const;
    QString callClinicalHtml() const;
    QString encounterHtml() const;
    QString encounterClinicalHtml() const;
    QString safetyPlanHtml() const;
    QString timeText(const QDateTime& utc) const;

    const FollowUpQueueModel& m_texts;
    std::optional<store::FollowUpDetail> m_detail;
    QLabel* m_message;
    QLabel* m_header; // who the task is about
    std::array<QLabel*, SectionCount> m_headings{};
    std::array<QLabel*, SectionCount> m_bodies{};
};

} // namespace heart::ui
