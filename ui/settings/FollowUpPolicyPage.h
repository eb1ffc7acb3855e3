#pragma once
// The follow-up policy as a form: due hours per program and for the CCD
// check-in, weekends skipped or not, the "due soon" window, the attempts
// that close a task, and the program's time zone. Saved as the JSON the
// CLI's set-setting follow-up-policy takes and read by the same reader
// (core/followup/FollowUpConfig.h); a refusal is shown under the field the
// reader's JSON path names.
#include "core/followup/FollowUpConfig.h"
#include "settings/SettingsPage.h"

#include <QMap>

class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace heart::ui {

class FollowUpPolicyPage : public SettingsPage
{
    Q_OBJECT

public:
    explicit FollowUpPolicyPage(Services services, QWidget* parent = nullptr);

    void reload() override;
    void setEditable(bool editable) override;
    void retranslate() override;
    QString title() const override;
    QStringList settingKeys() const override;

    // The policy as the form holds it.
    followup::FollowUpConfig config() const;

private:
    struct RuleRow
    {
        QLabel* label = nullptr;
        QSpinBox* hours = nullptr;
        QCheckBox* skipWeekends = nullptr;
        QLabel* error = nullptr;
    };
    RuleRow addRuleRow(QFormLayout* form, const QString& key);
    void show(const followup::FollowUpConfig& config);
    void save();
    void clearFieldErrors();

    QLabel* m_intro;
    QLabel* m_zoneLabel;
    QLineEdit* m_zone;
    QLabel* m_zoneError;
    RuleRow m_crt, m_cor, m_ccd, m_checkIn;
    QLabel* m_dueSoonLabel;
    QSpinBox* m_dueSoon;
    QLabel* m_dueSoonError;
    QLabel* m_attemptsLabel;
    QSpinBox* m_attempts;
    QLabel* m_attemptsError;
    QPushButton* m_save;
    // The reader's JSON paths, to the field and the line under it.
    QMap<QString, QPair<QWidget*, QLabel*>> m_fields;
};

} // namespace heart::ui
