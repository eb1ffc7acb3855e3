#pragma once
// `heartdesk --report-pdf FILE --period PERIOD --as LOGIN [--program CODE]
// [--public] [--map calls|missed] [--database LOCATION]`: the monthly report
// PDF without a window (QT_QPA_PLATFORM=offscreen works), signed in as a
// supervisor like `heartdesk-cli report` (password from HEARTDESK_PASSWORD,
// else the first line of standard input); reading the report is audited
// as in the window. Lives in the GUI program because the PDF is drawn with
// Qt Gui; heartdesk-cli links no Gui.
#include <QCoreApplication>
#include <QString>

namespace heart::store {
class Database;
struct ConnectionSpec;
} // namespace heart::store

namespace heart::ui {

struct ReportPdfOptions
{
    QString file;
    QString period; // 2026-10, 2026-Q4, 2026, 2026-10-01..2026-10-15
    QString login;
    QString program; // empty: every program
    QString map;     // "calls" (default) or "missed"
    bool publicVersion = false;
};

class ReportPdfCommand
{
    Q_DECLARE_TR_FUNCTIONS(ReportPdfCommand)

public:
    // The process exit code: 0 written, 1 failed, 2 a bad argument. Messages on stderr.
    static int run(const ReportPdfOptions& options, const store::ConnectionSpec& spec);
};

} // namespace heart::ui
