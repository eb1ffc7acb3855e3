#include "intake/CssrsPanel.h"

#include "shell/DomainText.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace heart::ui {

using triage::Answer;
using triage::CssrsQuestion;

CssrsPanel::CssrsPanel(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_risk(new QLabel(this)), m_banner(new QLabel(this))
{
    setObjectName(QStringLiteral("cssrsPanel"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_risk->setObjectName(QStringLiteral("cssrsRisk"));
    m_banner->setObjectName(QStringLiteral("imminentRiskBanner"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral(
        "QLabel { background: #b00020; color: white; font-weight: 700; padding: 8px; border-radius: 3px; }"));
    m_banner->hide();

    // A grid, not a form layout: QFormLayout gives a word-wrapped label the
    // height of one line when the row does not wrap, and the question is cut.
    // The grid asks the label its height for its width.
    auto* form = new QGridLayout;
    form->setColumnStretch(0, 1);
    for (int i = 0; i < triage::kCssrsQuestionCount; ++i) {
        auto* label = new QLabel(this);
        label->setWordWrap(true);
        label->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::MinimumExpanding);
        auto* box = new QComboBox(this);
        box->setObjectName(QStringLiteral("cssrs_") +
                           QString::fromLatin1(triage::cssrsQuestionCode(CssrsQuestion(i)).data()));
        box->addItems({QString(), QString(), QString()}); // unanswered, yes, no: texts in retranslate()
        label->setBuddy(box);
        m_labels[std::size_t(i)] = label;
        m_boxes[std::size_t(i)] = box;
        form->addWidget(label, i, 0);
        form->addWidget(box, i, 1, Qt::AlignTop);
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            update();
            Q_EMIT answersChanged();
        });
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addWidget(m_risk);
    retranslate();
    update();
}

triage::CssrsAnswers CssrsPanel::answers() const
{
    triage::CssrsAnswers result;
    for (int i = 0; i < triage::kCssrsQuestionCount; ++i) {
        const int index = m_boxes[std::size_t(i)]->currentIndex();
        result.answers[std::size_t(i)] = index == 1   ? Answer::Yes
                                         : index == 2 ? Answer::No
                                                      : Answer::Unanswered;
    }
    return result;
}

void CssrsPanel::setAnswers(const triage::CssrsAnswers& answers)
{
    for (int i = 0; i < triage::kCssrsQuestionCount; ++i) {
        const QSignalBlocker block(m_boxes[std::size_t(i)]);
        const Answer answer = answers.answers[std::size_t(i)];
        m_boxes[std::size_t(i)]->setCurrentIndex(answer == Answer::Yes ? 1 : answer == Answer::No ? 2 : 0);
    }
    update();
}

void CssrsPanel::setReadOnly(bool readOnly)
{
    for (QComboBox* box : m_boxes)
        box->setEnabled(!readOnly);
}

void CssrsPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CssrsPanel::retranslate()
{
    m_title->setText(tr("Suicide risk screen (C-SSRS)"));
    const QString texts[] = {
        tr("&1. Wished to be dead or not wake up (past month)?"),
        tr("&2. Actual thoughts of killing themselves?"),
        tr("&3. Thought about how they might do this?"),
        tr("&4. Any intention of acting on these thoughts?"),
        tr("&5. Started to work out or worked out the details (a plan)?"),
        tr("&6. Ever done, started or prepared to do anything to end their life?"),
        tr("6b. Was that within the past 3 months?"),
    };
    for (int i = 0; i < triage::kCssrsQuestionCount; ++i) {
        m_labels[std::size_t(i)]->setText(texts[i]);
        QComboBox* box = m_boxes[std::size_t(i)];
        box->setItemText(0, tr("– not asked –"));
        box->setItemText(1, tr("Yes"));
        box->setItemText(2, tr("No"));
    }
    m_banner->setText(
        tr("IMMINENT RISK: take immediate safety precautions; the person needs an in-person evaluation."));
    update();
}

void CssrsPanel::update()
{
    const triage::CssrsAnswers current = answers();
    const std::vector<CssrsQuestion> ask = triage::questionsToAsk(current);
    for (int i = 0; i < triage::kCssrsQuestionCount; ++i) {
        const bool asked = std::find(ask.begin(), ask.end(), CssrsQuestion(i)) != ask.end();
        m_labels[std::size_t(i)]->setVisible(asked);
        m_boxes[std::size_t(i)]->setVisible(asked);
    }
    const triage::CssrsResult result = triage::assessCssrs(current);
    const QString level =
        DomainText::riskLevelName(QString::fromLatin1(routing::riskCode(result.risk).data()));
    m_risk->setText(result.complete ? tr("Risk: %1").arg(level)
                                    : tr("Risk so far: %1 (screen not finished)").arg(level));
    m_banner->setVisible(result.risk == routing::RiskLevel::High);
}

} // namespace heart::ui
