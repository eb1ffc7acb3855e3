#pragma once
// The resource directory: community services responders and care navigators
// refer people to. Everyone signed in searches it (the list filters as they
// type, by kind and by language) and reads a service's details; for
// administrators it also adds, edits, deactivates and reactivates services
// and imports a CSV file. The buttons are hidden for other roles, and the
// store checks the permission again on every change.
#include "home/Services.h"
#include "store/ResourceStore.h"

#include <QWidget>
#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace heart::ui {

class ResourceTableModel;

class ResourceDirectoryWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ResourceDirectoryWidget(Services services, QWidget* parent = nullptr);

    // Runs the search again, keeping the selected service when it is still listed.
    void reload();
    const store::ResourceRecord* selected() const;
    void selectResource(const QString& id);

    // What "Import CSV…" asks for the file: by default a file dialog. Tests
    // (and a future drag-and-drop) inject a path so nothing blocks.
    using FileChooser = std::function<QString(QWidget* parent)>;
    void setImportFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }
    // Imports the file and opens the report (non-blocking, object name
    // "resourceImportReport"; deleted when closed).
    void importFile(const QString& path);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool canEdit() const;
    void showSelected();
    void addService();
    void editSelected();
    void toggleActive();
    void chooseAndImport();
    void openEditor(std::optional<store::ResourceRecord> existing);
    void showMessage(const QString& text, bool error);
    void fillFilters();
    void retranslate();

    Services m_services;
    FileChooser m_chooseFile;
    ResourceTableModel* m_model;
    QLabel* m_title;
    QLabel* m_searchLabel;
    QLineEdit* m_search;
    QComboBox* m_kind;
    QComboBox* m_language;
    QCheckBox* m_showInactive;
    QLabel* m_count;
    QTableView* m_table;
    QTextBrowser* m_detail;
    QLabel* m_message;
    QPushButton* m_add;
    QPushButton* m_edit;
    QPushButton* m_toggleActive;
    QPushButton* m_import;
};

} // namespace heart::ui
