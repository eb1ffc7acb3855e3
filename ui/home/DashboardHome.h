#pragma once
// The supervisor's home: how the program has answered calls over the last
// four weeks, by program and disposition. The reports issue adds more.
// Refreshes itself while shown (LiveRefresh) when calls change.
#include "home/Services.h"

#include <QWidget>

class QLabel;
class QTableWidget;

QT_BEGIN_NAMESPACE
class QChartView;
QT_END_NAMESPACE

namespace heart::ui {

class LiveRefresh;

class DashboardHome : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardHome(Services services, QWidget* parent = nullptr);
    void refresh();
    LiveRefresh* liveRefresh() const { return m_live; }

protected:
    void changeEvent(QEvent* event) override;

private:
    Services m_services;
    QLabel* m_title;
    QLabel* m_error;
    QLabel* m_total;
    QLabel* m_diverted;
    QLabel* m_inPerson;
    QTableWidget* m_table;
    QChartView* m_chart;
    LiveRefresh* m_live;
};

} // namespace heart::ui
