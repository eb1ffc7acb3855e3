#include "directory/ResourceImport.h"

#include "directory/DirectoryText.h"
#include "shell/DomainText.h"
#include "usecases/DirectoryUseCases.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QProgressDialog>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace heart::ui {

namespace {

constexpr qint64 kMaxFileBytes = 10 * 1024 * 1024;

QString summaryText(const ResourceImportOutcome& o)
{
    const int bad = int(o.problems.empty() ? 0 : [&] {
        // Rows, not problems: one row may have several.
        std::vector<std::size_t> lines;
        for (const directory::CsvProblem& p : o.problems)
            if (lines.empty() || lines.back() != p.line)
                lines.push_back(p.line);
        return lines.size();
    }());
    if (!o.fileRead)
        return ResourceImportReport::tr("The file %1 could not be read: %2").arg(o.fileName, o.error);
    if (!o.headerOk)
        return ResourceImportReport::tr("Nothing was imported from %1: the header row must be fixed first.")
            .arg(o.fileName);
    QString text;
    if (!o.error.isEmpty()) {
        text = ResourceImportReport::tr("Nothing was imported from %1: %2").arg(o.fileName, o.error);
    } else if (o.summary && o.summary->cancelled) {
        text =
            ResourceImportReport::tr("The import of %1 was cancelled: nothing was changed.").arg(o.fileName);
    } else {
        const store::ResourceImportSummary s = o.summary.value_or(store::ResourceImportSummary{});
        text = ResourceImportReport::tr("%1: %2 new services added, %3 updated, %4 already up to date.")
                   .arg(o.fileName)
                   .arg(s.inserted)
                   .arg(s.updated)
                   .arg(s.unchanged);
    }
    if (bad > 0)
        text +=
            QLatin1Char(' ') +
            ResourceImportReport::tr("%n row(s) were not imported: fix them in the file and import it again "
                                     "(rows already imported are updated, not doubled).",
                                     nullptr, bad);
    return text;
}

} // namespace

ResourceImportReport::ResourceImportReport(ResourceImportOutcome outcome, QWidget* parent)
    : QDialog(parent), m_outcome(std::move(outcome)), m_summary(new QLabel(this)),
      m_problems(new QTableWidget(this))
{
    setObjectName(QStringLiteral("resourceImportReport"));
    setWindowTitle(tr("CSV import"));
    m_summary->setObjectName(QStringLiteral("resourceImportSummary"));
    m_summary->setWordWrap(true);
    m_summary->setText(summaryText(m_outcome));
    m_problems->setObjectName(QStringLiteral("resourceImportProblems"));
    m_problems->setColumnCount(3);
    m_problems->setHorizontalHeaderLabels({tr("Line"), tr("Column"), tr("Problem")});
    m_problems->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_problems->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_problems->verticalHeader()->hide();
    m_problems->horizontalHeader()->setStretchLastSection(true);
    m_problems->setWordWrap(true);
    m_problems->setAccessibleName(tr("Rows not imported"));
    m_problems->setRowCount(int(m_outcome.problems.size()));
    for (int row = 0; row < int(m_outcome.problems.size()); ++row) {
        const directory::CsvProblem& p = m_outcome.problems[std::size_t(row)];
        auto* line = new QTableWidgetItem(QString::number(p.line));
        line->setData(Qt::UserRole, qulonglong(p.line));
        m_problems->setItem(row, 0, line);
        m_problems->setItem(row, 1, new QTableWidgetItem(QString::fromStdString(p.column)));
        m_problems->setItem(row, 2, new QTableWidgetItem(DirectoryText::csvProblemText(p)));
    }
    m_problems->resizeColumnToContents(0);
    m_problems->resizeColumnToContents(1);
    // Wrapped problem texts: row heights follow the column's final width.
    connect(m_problems->horizontalHeader(), &QHeaderView::sectionResized, m_problems,
            &QTableWidget::resizeRowsToContents);
    m_problems->setVisible(!m_outcome.problems.empty());

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("resourceImportClose"));
    close->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_problems, 1);
    layout->addWidget(buttons);
    resize(m_outcome.problems.empty() ? QSize(480, 160) : QSize(720, 420));
    close->setFocus();
}

void ResourceImportReport::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    // Once laid out at its real size, the wrapped problem texts get their heights.
    QTimer::singleShot(0, m_problems, &QTableWidget::resizeRowsToContents);
}

ResourceImportOutcome importResourceCsv(const Services& services, const QString& path, QWidget* parent)
{
    ResourceImportOutcome outcome;
    outcome.fileName = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        outcome.error = file.errorString();
        return outcome;
    }
    if (file.size() > kMaxFileBytes) {
        outcome.error = ResourceImportReport::tr("the file is larger than 10 MB");
        return outcome;
    }
    const QByteArray bytes = file.readAll();
    outcome.fileRead = true;
    directory::CsvImport csv =
        directory::readResourceCsv(std::string_view(bytes.constData(), std::size_t(bytes.size())));
    outcome.headerOk = csv.headerOk;
    outcome.dataRows = csv.dataRows;
    outcome.problems = std::move(csv.problems);
    if (!csv.headerOk || csv.rows.empty())
        return outcome;

    std::vector<directory::Resource> rows;
    rows.reserve(csv.rows.size());
    for (directory::CsvRow& row : csv.rows)
        rows.push_back(std::move(row.resource));
    QProgressDialog progress(ResourceImportReport::tr("Importing %1…").arg(outcome.fileName),
                             ResourceImportReport::tr("Cancel"), 0, int(rows.size()), parent);
    progress.setObjectName(QStringLiteral("resourceImportProgress"));
    progress.setWindowTitle(ResourceImportReport::tr("CSV import"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    auto imported = usecases::DirectoryUseCases(services).importRows(rows, [&](int done, int total) {
        progress.setMaximum(total);
        progress.setValue(done); // a modal progress dialog processes events here: Cancel works
        return !progress.wasCanceled();
    });
    progress.reset();
    if (!imported.ok())
        outcome.error = DomainText::errorText(imported.error());
    else
        outcome.summary = imported.value();
    return outcome;
}

} // namespace heart::ui
