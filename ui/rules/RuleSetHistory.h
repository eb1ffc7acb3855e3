#pragma once
// The saved versions of one stored rule set (RuleSetUseCases::versions),
// oldest first: who saved it, when, the date it takes effect, what it was
// made from, and what changed against the version before it (or against the
// rule set it was made from, for the first). A shipped rule set that was
// never stored has no versions: the pane says so.
#include "core/geo/BeatMap.h"
#include "home/Services.h"

#include <QWidget>
#include <memory>

class QLabel;
class QTreeWidget;

namespace heart::ui {

class RuleSetHistory : public QWidget
{
    Q_OBJECT

public:
    explicit RuleSetHistory(Services services, QWidget* parent = nullptr);
    // The map that turns "every beat but 999" into beats gained or lost in the changes.
    void setBeatMap(std::shared_ptr<const geo::BeatMap> beats) { m_beats = std::move(beats); }
    // Reads the versions of the rule set with this key (empty: none chosen).
    void showRuleSet(const QString& key);
    int versionCount() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    Services m_services;
    QString m_key;
    QString m_problem;
    std::shared_ptr<const geo::BeatMap> m_beats;
    QLabel* m_note;
    QTreeWidget* m_versions;
};

} // namespace heart::ui
