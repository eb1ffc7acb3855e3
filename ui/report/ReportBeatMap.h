#pragma once
// What the report's beat map shows, worked out once for the window and the
// printed report alike: calls or missed eligible calls per beat (the
// "calls_by_beat" and "missed_by_beat" tables), in the public version as
// published ("<11" and "*" beats hatched, their numbers nowhere in the
// colours or the hover text), and the program's service area under the rule
// set in force on the period's last day.
#include "usecases/ReportUseCases.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QString>

namespace heart::ui {

class BeatMapView;

enum class BeatMeasure
{
    Calls,
    MissedEligible,
};

struct ReportBeatMap
{
    Q_DECLARE_TR_FUNCTIONS(ReportBeatMap)

public:
    QHash<QString, double> values; // published numbers only
    QSet<QString> withheld;        // beats whose number is "<11" or "*"
    QHash<QString, QString> texts; // hover text per beat: the numbers as shown
    QString title;                 // the legend's
    QSet<QString> serviceArea;     // empty: nothing outlined
    QString serviceAreaText;       // "Community Response Team's service area (Citywide rules)"

    // `program`: the report's filter; without one the area outlined is the
    // Community Response Team's (the in-person program a beat decides).
    static ReportBeatMap compute(const usecases::PeriodReport& report,
                                 std::optional<routing::Program> program, BeatMeasure measure,
                                 bool publicVersion);
    static QString measureName(BeatMeasure measure);
    void applyTo(BeatMapView& view) const;
};

} // namespace heart::ui
