#pragma once
// The Stanley-Brown safety plan the clinician writes with the person at the
// encounter: the six steps in order, each a small table of entries in the
// person's words (phone numbers for steps 3-5), the crisis services of the
// program's settings already in step 5, optional reasons for living, and the
// language of the printed copy (the person's: English or Spanish, whatever
// the screen's language). What keeps the plan from printing is listed as it
// is typed. Saved a moment after typing stops (Ctrl+S at once); printing
// (Ctrl+P to paper, Ctrl+Shift+P to PDF) saves and finalises it first.
// Read-only once the encounter is signed, or for a role that may not write it.
#include "core/safety/SafetyPlan.h"
#include "home/Services.h"
#include "safety/SafetyPlanPrinter.h"
#include "store/SafetyPlanStore.h"

#include <QTimer>
#include <QWidget>
#include <array>

class QComboBox;
class QLabel;
class QPagedPaintDevice;
class QPushButton;

namespace heart::ui {

class EntryTable;

class SafetyPlanEditor : public QWidget
{
    Q_OBJECT

public:
    SafetyPlanEditor(Services services, const QString& encounterId, const QString& callId,
                     QWidget* parent = nullptr);

    safety::SafetyPlan plan() const; // as on screen
    const store::SafetyPlanRecord& record() const { return m_record; }
    QString problemsText() const;
    QString statusText() const;
    SafetyPlanHeader header() const;
    void setReadOnly(bool readOnly);
    EntryTable* stepTable(safety::SafetyPlanStep step) const { return m_steps[std::size_t(step)]; }

    bool save();
    bool finalise();
    // Saves, finalises, then paints on `device` (a QPrinter or QPdfWriter).
    bool printTo(QPagedPaintDevice& device);
    bool savePdf(const QString& path);
    void reload();
    void focusFirstField() { focusLanguage(); }

Q_SIGNALS:
    void saved(); // the plan (and so its encounter's version) was written

protected:
    void changeEvent(QEvent* event) override;
    void hideEvent(QHideEvent* event) override; // saves what is pending

private:
    void focusLanguage();
    void retranslate();
    void load(const safety::SafetyPlan& plan);
    void changed();
    void languageChanged();
    void updateProblems();
    void setStatus(const QString& text);
    void printOnPaper();
    void askPdfPath();
    bool readyToPrint();
    std::vector<safety::SafetyContact> crisisServices(const QString& language);

    Services m_services;
    QString m_encounterId;
    QString m_callId;
    QString m_personName;
    QString m_lastLanguage;
    store::SafetyPlanRecord m_record; // id empty until first saved
    bool m_loading = false;
    bool m_dirty = false;
    bool m_readOnly = false;
    QTimer m_saveTimer;

    QLabel* m_title;
    QLabel* m_languageLabel;
    QComboBox* m_language;
    std::array<QLabel*, safety::kSafetyPlanStepCount> m_stepLabels{};
    std::array<EntryTable*, safety::kSafetyPlanStepCount> m_steps{};
    QLabel* m_reasonsLabel;
    EntryTable* m_reasons;
    QLabel* m_problems;
    QLabel* m_status;
    QPushButton* m_save;
    QPushButton* m_finalise;
    QPushButton* m_print;
    QPushButton* m_pdf;
};

} // namespace heart::ui
