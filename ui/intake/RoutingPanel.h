#pragma once
// The routing decision as the counselor sees it while typing: the
// recommended response, and every program with every reason it cannot take
// the call, in words.
#include "core/routing/Router.h"

#include <QWidget>

class QLabel;

namespace heart::ui {

class RoutingPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RoutingPanel(QWidget* parent = nullptr);

    void showDecision(const routing::Decision& decision, const routing::RuleSet* ruleSet);
    // No decision possible yet (e.g. no call type): says what is missing.
    void showMissing(const QString& what);
    QString recommendationText() const;
    QString basisText() const;    // why the recommendation leads as it does (imminent risk), else empty
    QString verdictsText() const; // plain text of the program list, for tests and screen readers

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();
    void setImminent(bool imminent);

    QLabel* m_title;
    QLabel* m_recommendation;
    QLabel* m_basis;
    QLabel* m_context;
    QLabel* m_verdicts;
    std::optional<routing::Decision> m_decision;
    const routing::RuleSet* m_ruleSet = nullptr;
    QString m_missing;
    std::optional<bool> m_imminent;
};

} // namespace heart::ui
