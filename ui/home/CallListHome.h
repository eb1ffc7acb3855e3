#pragma once
// A home screen that lists calls: the counselor's call queue, the unit's
// calls on the team laptop, the care navigator's recent contacts. Later
// issues grow each into its full workplace. Refreshes itself while shown
// (LiveRefresh), keeping the chosen call and the scroll position; ages tick.
#include "home/Services.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace heart::ui {

class CallTableModel;
class LiveRefresh;

class CallListHome : public QWidget
{
    Q_OBJECT

public:
    enum class Kind
    {
        CallQueue,
        UnitCalls,
        RecentContacts
    };

    CallListHome(Kind kind, Services services, QWidget* parent = nullptr);
    void refresh();
    int rowCount() const;
    QTableView* table() const { return m_table; }
    LiveRefresh* liveRefresh() const { return m_live; }

Q_SIGNALS:
    // Enter or a double click on a call.
    void callActivated(const QString& callId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void reload(bool fitColumns);
    void tick();

    Kind m_kind;
    Services m_services;
    CallTableModel* m_model;
    QLabel* m_title;
    QLabel* m_blurb;
    QLabel* m_error;
    QLabel* m_summary;
    QTableView* m_table;
    QPushButton* m_refresh;
    LiveRefresh* m_live;
};

} // namespace heart::ui
