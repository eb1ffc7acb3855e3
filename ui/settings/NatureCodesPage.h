#pragma once
// The 911 center's nature-code table: its CAD's own call-type spellings
// mapped to the rule sets' call type codes. Imported from CSV (a file
// chosen in a dialog) through the use case the CLI's set-setting
// cad-nature-codes calls: the reader refuses a broken file naming its line,
// and a code mapped to a call type no rule set knows is refused with the
// reason. Shown as a table.
#include "settings/SettingsPage.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace heart::ui {

class NatureCodesPage : public SettingsPage
{
    Q_OBJECT

public:
    explicit NatureCodesPage(Services services, QWidget* parent = nullptr);

    void reload() override;
    void setEditable(bool editable) override;
    void retranslate() override;
    QString title() const override;
    QStringList settingKeys() const override;

    // Reads and stores the CSV file (what the Import button does after its dialog).
    bool importFile(const QString& path);

private:
    void chooseFile();

    QLabel* m_intro;
    QLabel* m_source;
    QTableWidget* m_table;
    QLabel* m_importError;
    QPushButton* m_import;
    bool m_builtIn = true;
    int m_count = 0;
};

} // namespace heart::ui
