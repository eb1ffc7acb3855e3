#pragma once
// The crisis services every safety plan lists in step 5, per language: a
// table of name and phone for each language, rows added, changed and
// removed, saved as the JSON the CLI's set-setting crisis-services takes and
// checked by the same reader (core/safety/CrisisServices.h). A refusal
// points at the language and row the reader names ("$.es[1]").
#include "settings/SettingsPage.h"

#include <QMap>
#include <QStringList>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace heart::ui {

class CrisisServicesPage : public SettingsPage
{
    Q_OBJECT

public:
    explicit CrisisServicesPage(Services services, QWidget* parent = nullptr);

    void reload() override;
    void setEditable(bool editable) override;
    void retranslate() override;
    QString title() const override;
    QStringList settingKeys() const override;

    // The languages in the order shown, and the services of one (name, phone).
    QStringList languages() const;
    QList<QStringList> services(const QString& language) const;
    // The setting as it would be saved.
    QByteArray toJson() const;

private:
    void showLanguage();
    void keepTable();
    void addLanguage();
    void removeLanguage();
    void addRow();
    void removeRow();
    void save();
    // "$.es[1]: ..." -> the language and the row, chosen.
    void pointAt(const QString& detail);
    static QString languageLabel(const QString& code);

    // The rows of every language; the table shows the current one.
    QMap<QString, QList<QStringList>> m_rows;
    QStringList m_order;
    QString m_shown;
    bool m_editable = true;

    QLabel* m_intro;
    QLabel* m_languagesLabel;
    QListWidget* m_languages;
    QLineEdit* m_newLanguage;
    QPushButton* m_addLanguage;
    QPushButton* m_removeLanguage;
    QLabel* m_tableLabel;
    QTableWidget* m_table;
    QLabel* m_tableError;
    QPushButton* m_addRow;
    QPushButton* m_removeRow;
    QPushButton* m_save;
};

} // namespace heart::ui
