#pragma once
// The administrator's editor of a new rule set version (only for
// RuleSetUseCases::canEdit()): a copy of a rule set, edited per program -
// service area (beats clicked on the map - or, from the keyboard, the arrow
// keys and Space there or on the beat list), hours typed per
// weekday ("09:00-21:00", several ranges with commas) or painted on the
// week grid (WeekHoursEditor; each side updates the other), holidays open or closed, call types and
// exclusions checked on the catalogue's lists - and the date it takes effect (after today; next Monday unless
// changed). Every change is checked at once by the core loader (the error names the field) and summarised
// against the rule set it is made from.
//
// "Preview impact" replays the center's calls of the last N weeks (8 unless
// changed) under the rules in force (or the ones it is made from) and the
// edited ones: the calls are read on this thread, the replay runs on a worker
// thread so the window stays responsive. "Save" stores the version
// (RuleSetUseCases::saveNewVersion: audited, kept in the version history);
// every workstation decides by it from its date on.
#include "core/routing/RuleSetImpact.h"
#include "home/Services.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QStringList>
#include <QWidget>
#include <array>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QThread;

namespace heart::ui {

class BeatMapView;
class ImpactView;
class WeekHoursEditor;

class RuleSetEditor : public QWidget
{
    Q_OBJECT

public:
    explicit RuleSetEditor(Services services, QWidget* parent = nullptr);
    ~RuleSetEditor() override;

    // Starts a new version from `base` (its document is read through the use
    // case). `inForce` (may equal base or be null) is what the preview
    // compares with first; `today` is the program's local date.
    bool startFrom(const routing::RuleSet& base, const routing::RuleSet* inForce,
                   std::shared_ptr<const geo::BeatMap> beats, QDate today);
    bool isEditing() const { return m_base.has_value(); }
    // Edited since it was started or saved.
    bool hasUnsavedEdits() const { return isEditing() && m_dirty; }
    // Another workstation saved rule sets meanwhile: a warning above the
    // edits, which stay as they are (nothing is reloaded into the editor).
    void noteRulesChangedElsewhere(const QDateTime& at);

    // The edited rule set, or null while it does not load (errorText() says why).
    const routing::RuleSet* edited() const { return m_edited ? &*m_edited : nullptr; }
    QString errorText() const;
    QByteArray document() const;
    // The edited rules against the rule set they are made from, one line per change.
    QStringList summary() const { return m_summaryLines; }

    void previewImpact();
    bool isPreviewRunning() const { return m_worker != nullptr; }
    const routing::ImpactReport* impact() const;
    // Saves the version; false (and the reason on screen) when refused.
    bool save();

Q_SIGNALS:
    void previewFinished();
    void saved(const QString& key);

protected:
    void changeEvent(QEvent* event) override;

private:
    void showProgram();
    void writeArea();
    void showAreaOnMap();
    void toggleBeat(const QString& beatId);
    void writeHours();
    void hoursPainted(const QList<int>& weekdays);
    void writeHolidays();
    void writeCallTypes();
    void writeExcludes();
    void setProgramMember(const QString& member, const QJsonValue& value);
    void revalidate();
    void effectiveDateChanged();
    void showImpact(std::shared_ptr<routing::ImpactReport> report, int weeks);
    void retranslate();
    QString programCode() const;

    Services m_services;
    std::optional<routing::RuleSet> m_base;
    std::optional<routing::RuleSet> m_inForce;
    std::optional<routing::RuleSet> m_edited;
    std::shared_ptr<const geo::BeatMap> m_beatMap;
    QJsonObject m_doc;
    QString m_loadError;
    QStringList m_summaryLines;
    QDate m_today;
    QString m_suggestedId;
    bool m_loading = false;
    bool m_dirty = false;
    QThread* m_worker = nullptr;

    QLabel* m_heading;
    QLabel* m_idLabel;
    QLineEdit* m_id;
    QLabel* m_nameLabel;
    QLineEdit* m_name;
    QLabel* m_effectiveLabel;
    QDateEdit* m_effective;
    QLabel* m_programLabel;
    QComboBox* m_program;
    QLabel* m_areaLabel;
    QComboBox* m_areaMode;
    BeatMapView* m_map;
    QListWidget* m_beats;
    QPushButton* m_checkAllBeats;
    QPushButton* m_uncheckAllBeats;
    QLabel* m_hoursLabel;
    QCheckBox* m_alwaysOpen;
    std::array<QLabel*, 7> m_dayLabels{};
    std::array<QLineEdit*, 7> m_dayHours{};
    QPushButton* m_sameEveryDay;
    WeekHoursEditor* m_grid;
    QCheckBox* m_closedOnHolidays;
    QLabel* m_callTypesLabel;
    QCheckBox* m_allCallTypes;
    QListWidget* m_callTypes;
    QLabel* m_excludesLabel;
    QListWidget* m_excludes;
    QLabel* m_summaryLabel;
    QLabel* m_summary;
    QLabel* m_error;
    QLabel* m_elsewhere;
    QLabel* m_compareLabel;
    QComboBox* m_compareWith;
    QLabel* m_weeksLabel;
    QSpinBox* m_weeks;
    QPushButton* m_preview;
    QProgressBar* m_progress;
    ImpactView* m_impact;
    QPushButton* m_save;
    QLabel* m_saveMessage;
};

} // namespace heart::ui
