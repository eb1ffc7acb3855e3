#pragma once
// The program's settings for administrators (supervisors read them): one tab
// a setting. Every save goes through the settings use cases (permission,
// audit, journal), and a change saved on any workstation shows here within a
// second: pages without edits of their own read again, a page with edits is
// told.
#include "home/Services.h"
#include "store/ChangeJournal.h"

#include <QList>
#include <QSet>
#include <QWidget>

class QLabel;
class QTabWidget;

namespace heart::ui {

class LiveRefresh;
class SettingsPage;

class SettingsWidget : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsWidget(Services services, QWidget* parent = nullptr);

    void reload();
    QTabWidget* tabs() const { return m_tabs; }
    LiveRefresh* liveRefresh() const { return m_live; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void changedElsewhere();
    void takeRecords(const QList<heart::store::JournalEntry>& entries);
    void retranslate();

    Services m_services;
    bool m_editable;
    QLabel* m_title;
    QLabel* m_note;
    QTabWidget* m_tabs;
    QList<SettingsPage*> m_pages;
    QSet<QString> m_changedKeys; // told by the journal, not yet shown
    LiveRefresh* m_live;
};

} // namespace heart::ui
