#include "safety/SafetyPlanPrinter.h"

#include "core/PhoneFormat.h"
#include "store/PrivateFiles.h"

#include <QAbstractTextDocumentLayout>
#include <QFontMetricsF>
#include <QHash>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace heart::ui {

namespace {

using safety::SafetyPlanStep;

// The printed page's words, per language. Kept here rather than in the
// translation files: the page is in the person's language, not the screen's.
const QHash<QString, QHash<QString, QString>>& texts()
{
    static const QHash<QString, QHash<QString, QString>> table = {
        {QStringLiteral("en"),
         {
             {QStringLiteral("title"), QStringLiteral("My Safety Plan")},
             {QStringLiteral("for"), QStringLiteral("For: %1")},
             {QStringLiteral("made"), QStringLiteral("Made on %1 with %2")},
             {QStringLiteral("reasons"), QStringLiteral("My reasons for living")},
             {QStringLiteral("footer"),
              QStringLiteral(
                  "In a crisis, call or text 988 (Suicide & Crisis Lifeline) at any hour, or call 911.")},
             {QStringLiteral("warning-signs"),
              QStringLiteral("Warning signs that a crisis may be developing")},
             {QStringLiteral("coping-strategies"),
              QStringLiteral("Things I can do on my own to take my mind off my problems")},
             {QStringLiteral("distraction"),
              QStringLiteral("People and places that help me take my mind off things")},
             {QStringLiteral("people-to-ask"), QStringLiteral("People I can ask for help")},
             {QStringLiteral("professionals"),
              QStringLiteral("Professionals and agencies I can contact in a crisis")},
             {QStringLiteral("safe-environment"), QStringLiteral("Making my environment safe")},
         }},
        {QStringLiteral("es"),
         {
             {QStringLiteral("title"), QStringLiteral("Mi plan de seguridad")},
             {QStringLiteral("for"), QStringLiteral("Para: %1")},
             {QStringLiteral("made"), QStringLiteral("Hecho el %1 con %2")},
             {QStringLiteral("reasons"), QStringLiteral("Mis razones para vivir")},
             {QStringLiteral("footer"),
              QStringLiteral(
                  "En una crisis, llame o envíe un mensaje de texto al 988 (Línea de Prevención del Suicidio "
                  "y Crisis) a cualquier hora, o llame al 911.")},
             {QStringLiteral("warning-signs"),
              QStringLiteral("Señales de alerta de que se acerca una crisis")},
             {QStringLiteral("coping-strategies"),
              QStringLiteral("Cosas que puedo hacer por mi cuenta para distraerme de mis problemas")},
             {QStringLiteral("distraction"), QStringLiteral("Personas y lugares que me ayudan a distraerme")},
             {QStringLiteral("people-to-ask"), QStringLiteral("Personas a las que puedo pedir ayuda")},
             {QStringLiteral("professionals"),
              QStringLiteral("Profesionales y servicios a los que puedo llamar en una crisis")},
             {QStringLiteral("safe-environment"), QStringLiteral("Cómo hacer que mi entorno sea seguro")},
         }},
    };
    return table;
}

QString pageLanguage(const QString& language)
{
    return texts().contains(language) ? language : QStringLiteral("en");
}

QString entryLine(const safety::SafetyPlanEntry& entry)
{
    QString line = QString::fromStdString(entry.text);
    if (!entry.phone.empty())
        line += QStringLiteral(" — ") + QString::fromStdString(phoneForDisplay(entry.phone));
    return line;
}

// The page as rich text; `scale` shrinks the type when the plan is long.
QString pageHtml(const safety::SafetyPlan& plan, const SafetyPlanHeader& header, double bodyPt)
{
    const QString lang = pageLanguage(QString::fromStdString(plan.language));
    const QLocale locale(lang == QLatin1String("es") ? QLocale::Spanish : QLocale::English);
    QString html =
        QStringLiteral("<html><body style='font-family: \"DejaVu Sans\"; font-size: %1pt;'>").arg(bodyPt);
    html += QStringLiteral("<p style='font-size: %1pt; font-weight: bold; margin-bottom: 2pt;'>%2</p>")
                .arg(bodyPt * 1.6)
                .arg(SafetyPlanPrinter::text(lang, "title").toHtmlEscaped());
    if (!header.personName.isEmpty())
        html += QStringLiteral("<p style='margin: 0;'>%1</p>")
                    .arg(SafetyPlanPrinter::text(lang, "for").arg(header.personName).toHtmlEscaped());
    if (header.date.isValid())
        html += QStringLiteral("<p style='margin-top: 0;'>%1</p>")
                    .arg(SafetyPlanPrinter::text(lang, "made")
                             .arg(locale.toString(header.date, QLocale::LongFormat), header.clinician)
                             .toHtmlEscaped());
    for (SafetyPlanStep step : safety::kAllSafetyPlanSteps) {
        html += QStringLiteral("<p style='font-weight: bold; margin-top: 8pt; margin-bottom: 2pt;'>%1. "
                               "%2</p><ul style='margin-top: 0;'>")
                    .arg(safety::stepNumber(step))
                    .arg(SafetyPlanPrinter::stepTitle(lang, step).toHtmlEscaped());
        const auto& entries = plan.step(step);
        if (entries.empty())
            html += QStringLiteral("<li>&nbsp;</li>");
        for (const safety::SafetyPlanEntry& entry : entries)
            html += QStringLiteral("<li>%1</li>").arg(entryLine(entry).toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    if (!plan.reasonsForLiving.empty()) {
        html += QStringLiteral("<p style='font-weight: bold; margin-top: 8pt; margin-bottom: 2pt;'>%1</p><ul "
                               "style='margin-top: 0;'>")
                    .arg(SafetyPlanPrinter::text(lang, "reasons").toHtmlEscaped());
        for (const std::string& reason : plan.reasonsForLiving)
            html += QStringLiteral("<li>%1</li>").arg(QString::fromStdString(reason).toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    html += QStringLiteral("<p style='margin-top: 10pt; font-weight: bold;'>%1</p></body></html>")
                .arg(SafetyPlanPrinter::text(lang, "footer").toHtmlEscaped());
    return html;
}

} // namespace

QString SafetyPlanPrinter::html(const safety::SafetyPlan& plan, const SafetyPlanHeader& header)
{
    return pageHtml(plan, header, 11);
}

QString SafetyPlanPrinter::text(const QString& language, const char* key)
{
    return texts().value(pageLanguage(language)).value(QString::fromLatin1(key));
}

QString SafetyPlanPrinter::stepTitle(const QString& language, SafetyPlanStep step)
{
    return text(language, safety::safetyPlanStepCode(step).data());
}

int SafetyPlanPrinter::paint(const safety::SafetyPlan& plan, const SafetyPlanHeader& header,
                             QPagedPaintDevice& device)
{
    QPainter painter(&device);
    const QRectF page = QRectF(0, 0, device.width(), device.height());
    QTextDocument document;
    document.documentLayout()->setPaintDevice(&device); // points mean points on paper
    document.setDocumentMargin(0);
    document.setPageSize(page.size());
    // Large type first; smaller only as far as needed to keep it on one page.
    int pages = 1;
    for (double bodyPt = 16; bodyPt >= 10; bodyPt -= 1) {
        document.setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), int(bodyPt)));
        document.setHtml(pageHtml(plan, header, bodyPt));
        pages = document.pageCount();
        if (pages == 1)
            break;
    }
    for (int p = 0; p < pages; ++p) {
        if (p > 0)
            device.newPage();
        painter.save();
        painter.translate(0, -p * page.height());
        document.drawContents(&painter, QRectF(0, p * page.height(), page.width(), page.height()));
        painter.restore();
    }
    return pages;
}

bool SafetyPlanPrinter::writePdf(const safety::SafetyPlan& plan, const SafetyPlanHeader& header,
                                 const QString& path, QString* error)
{
    QSaveFile file(path);
    // A person's plan: the user's alone, whatever the umask.
    if (!file.open(QIODevice::WriteOnly) || !store::files::restrictToOwner(file)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    {
        QPdfWriter pdf(&file);
        pdf.setPageSize(QPageSize(QPageSize::Letter));
        pdf.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
        pdf.setResolution(300);
        pdf.setTitle(text(QString::fromStdString(plan.language), "title"));
        pdf.setCreator(QStringLiteral("HEART Desk"));
        paint(plan, header, pdf);
    }
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace heart::ui
