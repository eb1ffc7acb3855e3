#pragma once
// Automatic logoff: how many idle minutes lock a workstation. Every
// workstation follows a change at once (MainWindow watches the setting).
#include "settings/SettingsPage.h"

class QLabel;
class QPushButton;
class QSpinBox;

namespace heart::ui {

class IdleLockPage : public SettingsPage
{
    Q_OBJECT

public:
    explicit IdleLockPage(Services services, QWidget* parent = nullptr);

    void reload() override;
    void setEditable(bool editable) override;
    void retranslate() override;
    QString title() const override;
    QStringList settingKeys() const override;

private:
    void save();

    QLabel* m_intro;
    QLabel* m_minutesLabel;
    QSpinBox* m_minutes;
    QLabel* m_minutesError;
    QPushButton* m_save;
};

} // namespace heart::ui
