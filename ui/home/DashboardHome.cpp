#include "home/DashboardHome.h"

#include "home/LiveRefresh.h"
#include "shell/DomainText.h"
#include "store/StoreTime.h"
#include "usecases/CallUseCases.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

namespace heart::ui {
namespace {

QLabel* makeTile(QWidget* parent, const QString& objectName)
{
    auto* tile = new QLabel(parent);
    tile->setObjectName(objectName);
    tile->setTextFormat(Qt::RichText);
    tile->setFrameShape(QFrame::StyledPanel);
    tile->setMargin(12);
    tile->setAlignment(Qt::AlignCenter);
    return tile;
}

// The empty code holds calls still waiting for a routing decision.
const QStringList kPrograms = {QStringLiteral("ccd"), QStringLiteral("crt"),        QStringLiteral("cor"),
                               QStringLiteral("cn"),  QStringLiteral("police_ems"), QString()};

} // namespace

DashboardHome::DashboardHome(Services services, QWidget* parent)
    : QWidget(parent), m_services(std::move(services)), m_title(new QLabel(this)), m_error(new QLabel(this)),
      m_total(makeTile(this, QStringLiteral("tileTotal"))),
      m_diverted(makeTile(this, QStringLiteral("tileDiverted"))),
      m_inPerson(makeTile(this, QStringLiteral("tileInPerson"))), m_table(new QTableWidget(this)),
      m_chart(new QChartView(this)), m_live(new LiveRefresh(m_services, usecases::Freshness::Calls, this))
{
    setObjectName(QStringLiteral("dashboardHome"));
    m_title->setObjectName(QStringLiteral("homeTitle"));
    m_table->setObjectName(QStringLiteral("dispositionTable"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_error->setStyleSheet(QStringLiteral("color: #b00020; font-weight: 600;"));
    m_error->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(260);

    auto* tiles = new QGridLayout;
    tiles->addWidget(m_total, 0, 0);
    tiles->addWidget(m_diverted, 0, 1);
    tiles->addWidget(m_inPerson, 0, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_error);
    layout->addLayout(tiles);
    layout->addWidget(m_chart, 2);
    layout->addWidget(m_table, 1);
    connect(m_live, &LiveRefresh::changed, this, &DashboardHome::refresh);
    refresh();
}

void DashboardHome::refresh()
{
    m_title->setText(tr("Program dashboard — last 28 days"));
    m_live->markCurrent();
    const QDateTime since = store::toDateTime(m_services.clock.now()).addDays(-28);
    auto result = usecases::CallUseCases(m_services).programSummary(since);
    if (!result.ok()) {
        m_error->setText(DomainText::errorText(result.error()));
        m_error->show();
        return;
    }
    m_error->hide();
    QMap<QString, QMap<QString, int>> byProgram;
    QStringList dispositions;
    int total = 0, diverted = 0, inPerson = 0;
    for (const store::ProgramCount& row : result.value()) {
        byProgram[row.program][row.disposition] += row.calls;
        if (!dispositions.contains(row.disposition))
            dispositions.append(row.disposition);
        total += row.calls;
        if (row.disposition == QLatin1String("diverted") ||
            row.disposition == QLatin1String("transferred_988"))
            diverted += row.calls;
        if (row.disposition == QLatin1String("crt_dispatch") ||
            row.disposition == QLatin1String("cor_dispatch"))
            inPerson += row.calls;
    }
    const QLocale locale;
    auto tileText = [](const QString& number, const QString& caption) {
        return QStringLiteral("<div style='font-size:22pt;font-weight:600'>%1</div><div>%2</div>")
            .arg(number, caption);
    };
    m_total->setText(tileText(locale.toString(total), tr("calls")));
    const QString share = total > 0 ? locale.toString(100.0 * diverted / total, 'f', 0) + QLatin1Char('%')
                                    : QStringLiteral("–");
    m_diverted->setText(tileText(share, tr("resolved by phone or 988")));
    m_inPerson->setText(tileText(locale.toString(inPerson), tr("unarmed or co-response teams sent")));

    m_table->clear();
    m_table->setColumnCount(static_cast<int>(dispositions.size()) + 2);
    QStringList headers{tr("Program")};
    for (const QString& d : std::as_const(dispositions))
        headers.append(DomainText::dispositionName(d));
    headers.append(tr("Total"));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(static_cast<int>(byProgram.size()));
    auto* chart = new QChart;
    auto* series = new QBarSeries(chart);
    auto* set = new QBarSet(tr("Calls"), series);
    set->setColor(QColor(0x2a, 0x6f, 0x97));
    QStringList categories;
    int row = 0;
    int maxCount = 0;
    for (const QString& program : kPrograms) {
        if (!byProgram.contains(program))
            continue;
        const auto& counts = byProgram.value(program);
        int programTotal = 0;
        m_table->setItem(row, 0, new QTableWidgetItem(DomainText::programName(program)));
        for (int c = 0; c < dispositions.size(); ++c) {
            const int n = counts.value(dispositions.at(c));
            programTotal += n;
            auto* item = new QTableWidgetItem(n ? locale.toString(n) : QString());
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, c + 1, item);
        }
        auto* totalItem = new QTableWidgetItem(locale.toString(programTotal));
        totalItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, static_cast<int>(dispositions.size()) + 1, totalItem);
        *set << programTotal;
        categories << DomainText::programName(program);
        maxCount = std::max(maxCount, programTotal);
        ++row;
    }
    m_table->setRowCount(row);
    m_table->resizeColumnsToContents();
    series->append(set);
    chart->addSeries(series);
    chart->setTitle(tr("Calls by program"));
    chart->legend()->hide();
    auto* axisX = new QBarCategoryAxis(chart);
    axisX->append(categories);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto* axisY = new QValueAxis(chart);
    axisY->setRange(0, std::max(10, maxCount + maxCount / 10));
    axisY->applyNiceNumbers();
    axisY->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    QChart* old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;
    m_chart->setAccessibleName(tr("Calls by program, last 28 days"));
}

void DashboardHome::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

} // namespace heart::ui
