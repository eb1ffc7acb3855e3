#pragma once
// A person's earlier safety plan, read-only, as it was printed for them (in
// their language), to reread on the way; Print… (Ctrl+P) and Save PDF…
// (Ctrl+Shift+P) give them a copy again through SafetyPlanPrinter, the path
// the plan editor prints by. A copy printed again is audited ("export").
#include "home/Services.h"
#include "safety/SafetyPlanPrinter.h"
#include "store/SafetyPlanStore.h"

#include <QDialog>

class QPagedPaintDevice;
class QTextBrowser;

namespace heart::ui {

class SafetyPlanReview : public QDialog
{
    Q_OBJECT

public:
    SafetyPlanReview(Services services, const store::SafetyPlanRecord& plan, const QString& personName,
                     QWidget* parent = nullptr);

    // The header a copy printed again carries: the person, the day the plan
    // was made final, the clinician who made it.
    static SafetyPlanHeader headerOf(const store::SafetyPlanRecord& plan, const QString& personName);
    // Paints a copy (audited); the number of pages, 0 when the audit row could not be written.
    static int printCopy(Services services, const store::SafetyPlanRecord& plan, const QString& personName,
                         QPagedPaintDevice& device);
    // The print dialog, then printCopy(); false when cancelled or refused.
    static bool askAndPrint(Services services, const store::SafetyPlanRecord& plan, const QString& personName,
                            QWidget* parent);
    QString text() const;

private:
    void savePdf();

    Services m_services;
    store::SafetyPlanRecord m_plan;
    QString m_personName;
    QTextBrowser* m_page;
};

} // namespace heart::ui
