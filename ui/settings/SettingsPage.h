#pragma once
// One screen of the program's settings: reads its setting through the use
// cases, shows it, and writes it back through the same use case the CLI's
// set-setting calls, so the one reader checks both. A page knows whether it
// holds edits not saved yet: the settings window reloads the others when a
// setting changes on any workstation, and only tells this one; its save then
// is refused (SettingsUseCases' expected version) and the page offers to reload.
#include "home/Services.h"
#include "store/StoreError.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace heart::ui {

class SettingsPage : public QWidget
{
    Q_OBJECT

public:
    SettingsPage(Services services, QWidget* parent = nullptr);

    // Reads the setting again and shows it (edits not saved are dropped).
    virtual void reload() = 0;
    // Administrators edit; supervisors read (inputs read-only, no save buttons).
    virtual void setEditable(bool editable) = 0;
    virtual void retranslate() = 0;
    // The page's title for its tab, with its Alt letter.
    virtual QString title() const = 0;
    // The settings' keys the page shows (store::SettingsStore::key): the journal's record ids.
    virtual QStringList settingKeys() const = 0;

    bool hasUnsavedEdits() const { return m_unsaved; }
    // The setting changed on some workstation while this page held edits.
    void noteChangedElsewhere();

protected:
    // Call from every input's change signal.
    void markEdited();
    // After reading or saving: what is shown is what is stored.
    void markSaved();
    // The page's line of news: saved, or why not (the use case's words).
    void showMessage(const QString& text, bool error);
    void clearMessage();
    QLabel* messageLabel() const { return m_message; }
    // The line of news with its Reload button (shown when a save was refused as stale): for the layout.
    QWidget* messageArea() const { return m_messageArea; }
    // The version of the page's setting (its first key) when it was last read
    // or saved: the expected version of the next save.
    int readVersion() const { return m_readVersion; }
    // True when `error` refuses a stale save of this page's setting: then the
    // message names who saved it since and when, and offers Reload.
    bool showIfStale(const store::StoreError& error);
    // A red line under a field for the reader's message; hidden when empty.
    static QLabel* makeFieldError(QWidget* parent, const QString& objectName);
    static void showFieldError(QLabel* label, const QString& text);
    // The reader's own message (naming the JSON path or the CSV line) for a
    // refused value; a sentence from DomainText for any other failure.
    static QString refusalText(const store::StoreError& error);

    Services m_services;

private:
    QWidget* m_messageArea;
    QLabel* m_message;
    QPushButton* m_reload;
    int m_readVersion = 0;
    bool m_unsaved = false;
};

} // namespace heart::ui
