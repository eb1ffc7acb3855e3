#pragma once
// Two rule sets side by side: the summary of what changes (core's diff, in
// the user's language) and, per program, each rule before and after with
// the rows that differ marked.
#include "core/geo/BeatMap.h"
#include "core/routing/Router.h"

#include <QWidget>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QTableWidget;

namespace heart::ui {

class RuleSetDiffView : public QWidget
{
    Q_OBJECT

public:
    explicit RuleSetDiffView(QWidget* parent = nullptr);
    // The rule sets to choose from (the book must outlive the view's use of it).
    void setRuleBook(const routing::RuleBook* book, std::shared_ptr<const geo::BeatMap> beats);
    // Indexes into the book's rule sets.
    void compare(int before, int after);
    QStringList summaryLines() const { return m_summaryLines; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void retranslate();

    const routing::RuleBook* m_book = nullptr;
    std::shared_ptr<const geo::BeatMap> m_beats;
    QStringList m_summaryLines;
    QLabel* m_beforeLabel;
    QComboBox* m_before;
    QLabel* m_afterLabel;
    QComboBox* m_after;
    QCheckBox* m_onlyChanges;
    QLabel* m_summary;
    QTableWidget* m_table;
};

} // namespace heart::ui
