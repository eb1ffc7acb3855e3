#pragma once
// The C-SSRS screener as the counselor asks it: only the questions the skip
// logic calls for, each answered from the keyboard (Tab to it, Y/S for yes,
// N for no), the risk level computed in core, and an "imminent risk" banner
// when it is high.
#include "core/triage/Cssrs.h"

#include <QWidget>
#include <array>

class QComboBox;
class QLabel;

namespace heart::ui {

class CssrsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit CssrsPanel(QWidget* parent = nullptr);

    triage::CssrsAnswers answers() const;
    void setAnswers(const triage::CssrsAnswers& answers);
    triage::CssrsResult result() const { return triage::assessCssrs(answers()); }
    void setReadOnly(bool readOnly);
    QComboBox* answerBox(triage::CssrsQuestion question) const { return m_boxes[std::size_t(question)]; }

Q_SIGNALS:
    void answersChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void update();

    std::array<QLabel*, triage::kCssrsQuestionCount> m_labels{};
    std::array<QComboBox*, triage::kCssrsQuestionCount> m_boxes{};
    QLabel* m_title;
    QLabel* m_risk;
    QLabel* m_banner;
};

} // namespace heart::ui
