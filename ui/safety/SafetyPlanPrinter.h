#pragma once
// The Stanley-Brown safety plan as the person takes it home: the six steps in
// order, in their language (English or Spanish, chosen per person, whatever
// the screen's language), on one page where it fits, in large readable type.
// Prints to paper (QPrinter) or PDF (QPdfWriter) alike.
#include "core/safety/SafetyPlan.h"

#include <QDate>
#include <QString>

class QPagedPaintDevice;

namespace heart::ui {

struct SafetyPlanHeader
{
    QString personName;
    QDate date;
    QString clinician; // who made the plan with the person
};

class SafetyPlanPrinter
{
public:
    // Texts of the printed page, in "en" or "es" (others print in English).
    static QString text(const QString& language, const char* key);
    static QString stepTitle(const QString& language, safety::SafetyPlanStep step);

    // The printed page as rich text (a plan reviewed on screen).
    static QString html(const safety::SafetyPlan& plan, const SafetyPlanHeader& header);
    // Paints the plan; returns the number of pages used (1 when it fits).
    static int paint(const safety::SafetyPlan& plan, const SafetyPlanHeader& header,
                     QPagedPaintDevice& device);
    // Writes a PDF file (Letter); false and `error` on failure.
    static bool writePdf(const safety::SafetyPlan& plan, const SafetyPlanHeader& header, const QString& path,
                         QString* error = nullptr);
};

} // namespace heart::ui
