#include "units/SafetyPlanReview.h"

#include "shell/DomainText.h"
#include "shell/ProgramTime.h"
#include "usecases/UnitCallUseCases.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLabel>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace heart::ui {

SafetyPlanReview::SafetyPlanReview(Services services, const store::SafetyPlanRecord& plan,
                                   const QString& personName, QWidget* parent)
    : QDialog(parent), m_services(std::move(services)), m_plan(plan), m_personName(personName),
      m_page(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("safetyPlanReview"));
    setWindowTitle(tr("Safety plan of %1").arg(personName));
    m_page->setObjectName(QStringLiteral("reviewedPlan"));
    m_page->setHtml(SafetyPlanPrinter::html(plan.plan, headerOf(plan, personName)));
    auto* status = new QLabel(
        tr("Final since %1. Read-only: a new plan is made in this encounter's Safety plan tab (F4).")
            .arg(ProgramTime::dateTimeText(plan.finalisedAt.isValid() ? plan.finalisedAt : plan.savedAt)),
        this);
    status->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* print = buttons->addButton(tr("Print… (Ctrl+P)"), QDialogButtonBox::ActionRole);
    print->setObjectName(QStringLiteral("reviewPrint"));
    print->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    auto* pdf = buttons->addButton(tr("Save PDF… (Ctrl+Shift+P)"), QDialogButtonBox::ActionRole);
    pdf->setObjectName(QStringLiteral("reviewPdf"));
    pdf->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(print, &QPushButton::clicked, this,
            [this] { askAndPrint(m_services, m_plan, m_personName, this); });
    connect(pdf, &QPushButton::clicked, this, &SafetyPlanReview::savePdf);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_page, 1);
    layout->addWidget(status);
    layout->addWidget(buttons);
    resize(640, 620); // fits a 1366x768 (and 1280x800) screen with the panel and title bar
}

SafetyPlanHeader SafetyPlanReview::headerOf(const store::SafetyPlanRecord& plan, const QString& personName)
{
    const QDateTime made = plan.finalisedAt.isValid() ? plan.finalisedAt : plan.savedAt;
    return {personName, ProgramTime::localDate(made), plan.authorName};
}

int SafetyPlanReview::printCopy(Services services, const store::SafetyPlanRecord& plan,
                                const QString& personName, QPagedPaintDevice& device)
{
    // No copy without the audit row that says who printed it.
    if (usecases::UnitCallUseCases(services).planPrinted(plan.id))
        return 0;
    return SafetyPlanPrinter::paint(plan.plan, headerOf(plan, personName), device);
}

bool SafetyPlanReview::askAndPrint(Services services, const store::SafetyPlanRecord& plan,
                                   const QString& personName, QWidget* parent)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::Letter));
    printer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
    QPrintDialog dialog(&printer, parent);
    dialog.setObjectName(QStringLiteral("reprintDialog"));
    dialog.setWindowTitle(tr("Print the safety plan again"));
    if (dialog.exec() != QDialog::Accepted)
        return false;
    return printCopy(std::move(services), plan, personName, printer) > 0;
}

void SafetyPlanReview::savePdf()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save the safety plan as PDF"),
                                     folder + QStringLiteral("/safety-plan.pdf"), tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    if (usecases::UnitCallUseCases(m_services).planPrinted(m_plan.id))
        return;
    SafetyPlanPrinter::writePdf(m_plan.plan, headerOf(m_plan, m_personName), path);
}

QString SafetyPlanReview::text() const
{
    return m_page->toPlainText();
}

} // namespace heart::ui
