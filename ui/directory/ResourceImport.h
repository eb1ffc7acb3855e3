#pragma once
// Importing the resource directory from a CSV file (administrators): the
// file is read whole (core/directory/ResourceCsv.h), its good rows go to the
// store behind a cancellable progress dialog, and a report lists how many
// services were added or updated and every bad row by line number, column
// and reason, so the file can be fixed and imported again.
#include "core/directory/ResourceCsv.h"
#include "home/Services.h"
#include "store/ResourceStore.h"

#include <QDialog>
#include <optional>

class QLabel;
class QTableWidget;

namespace heart::ui {

// What one import did, for the report.
struct ResourceImportOutcome
{
    QString fileName;
    bool fileRead = false;    // false: the file could not be opened (see error)
    bool headerOk = false;    // false: nothing was imported (see problems)
    std::size_t dataRows = 0; // rows in the file after the header
    std::vector<directory::CsvProblem> problems;
    std::optional<store::ResourceImportSummary> summary; // when the store was asked
    QString error;                                       // the file or the store refused, in words
};

class ResourceImportReport : public QDialog
{
    Q_OBJECT

public:
    explicit ResourceImportReport(ResourceImportOutcome outcome, QWidget* parent = nullptr);
    const ResourceImportOutcome& outcome() const { return m_outcome; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    ResourceImportOutcome m_outcome;
    QLabel* m_summary;
    QTableWidget* m_problems;
};

// Reads `path`, imports its good rows (a modal QProgressDialog, cancellable,
// object name "resourceImportProgress") and returns what happened. Files
// over 10 MB are refused: a directory is a few hundred rows.
ResourceImportOutcome importResourceCsv(const Services& services, const QString& path, QWidget* parent);

} // namespace heart::ui
