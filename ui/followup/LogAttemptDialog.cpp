#include "followup/LogAttemptDialog.h"

#include "store/CoreText.h"
#include "usecases/FollowUpUseCases.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace heart::ui {

using followup::AttemptChannel;
using followup::AttemptResult;

LogAttemptDialog::LogAttemptDialog(std::optional<encounter::ContactPreference> preferred, int attemptsLeft,
                                   QWidget* parent)
    : TaskWriteDialog(parent), m_attemptsLeft(attemptsLeft), m_channels(new QButtonGroup(this)),
      m_results(new QButtonGroup(this)), m_note(new QPlainTextEdit(this)), m_warning(new QLabel(this)),
      m_save(new QPushButton(tr("&Save attempt"), this))
{
    setObjectName(QStringLiteral("logAttemptDialog"));
    setWindowTitle(tr("Log an attempt"));

    auto* channelBox = new QGroupBox(tr("How"), this);
    auto* channelLayout = new QHBoxLayout(channelBox);
    const std::pair<AttemptChannel, QString> channels[] = {
        {AttemptChannel::Phone, tr("&Phone")},
        {AttemptChannel::Text, tr("&Text message")},
        {AttemptChannel::InPerson, tr("&In person")},
    };
    for (const auto& [channel, text] : channels) {
        auto* button = new QRadioButton(text, channelBox);
        button->setObjectName(QStringLiteral("channel_") +
                              store::toQString(followup::attemptChannelCode(channel)));
        m_channels->addButton(button, int(channel));
        channelLayout->addWidget(button);
    }
    channelLayout->addStretch(1);
    AttemptChannel first = AttemptChannel::Phone;
    if (preferred == encounter::ContactPreference::Text)
        first = AttemptChannel::Text;
    else if (preferred == encounter::ContactPreference::InPerson)
        first = AttemptChannel::InPerson;
    m_channels->button(int(first))->setChecked(true);

    auto* resultBox = new QGroupBox(tr("Result"), this);
    auto* resultLayout = new QHBoxLayout(resultBox);
    const std::pair<AttemptResult, QString> results[] = {
        {AttemptResult::Reached, tr("&Reached")},
        {AttemptResult::NoAnswer, tr("&No answer")},
        {AttemptResult::LeftMessage, tr("&Left a message")},
        {AttemptResult::WrongNumber, tr("&Wrong number")},
    };
    for (const auto& [result, text] : results) {
        auto* button = new QRadioButton(text, resultBox);
        button->setObjectName(QStringLiteral("result_") +
                              store::toQString(followup::attemptResultCode(result)));
        m_results->addButton(button, int(result));
        resultLayout->addWidget(button);
    }
    resultLayout->addStretch(1);

    auto* noteLabel = new QLabel(tr("Not&e (optional):"), this);
    noteLabel->setBuddy(m_note);
    m_note->setObjectName(QStringLiteral("attemptNote"));
    m_note->setTabChangesFocus(true);
    m_note->setPlaceholderText(tr("What was said or left, a better time or number to try"));
    m_note->setFixedHeight(m_note->fontMetrics().lineSpacing() * 5);
    m_warning->setObjectName(QStringLiteral("attemptWarning"));
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("color: #8a4b00;"));

    m_save->setObjectName(QStringLiteral("attemptSave"));
    m_save->setDefault(true);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(channelBox);
    layout->addWidget(resultBox);
    layout->addWidget(noteLabel);
    layout->addWidget(m_note);
    layout->addWidget(m_warning);
    layout->addWidget(buttons);

    connect(m_results, &QButtonGroup::idToggled, this, &LogAttemptDialog::update);
    connect(m_note, &QPlainTextEdit::textChanged, this, &LogAttemptDialog::update);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_channels->checkedButton()->setFocus();
    update();
}

AttemptChannel LogAttemptDialog::channel() const
{
    return AttemptChannel(m_channels->checkedId());
}

std::optional<AttemptResult> LogAttemptDialog::result() const
{
    if (m_results->checkedId() < 0)
        return std::nullopt;
    return AttemptResult(m_results->checkedId());
}

QString LogAttemptDialog::note() const
{
    return m_note->toPlainText().trimmed();
}

void LogAttemptDialog::update()
{
    const auto chosen = result();
    const bool tooLong = note().size() > usecases::FollowUpUseCases::kMaxNoteLength;
    m_save->setEnabled(chosen.has_value() && !tooLong);
    if (tooLong) {
        m_warning->setText(tr("The note is too long: at most %1 characters.")
                               .arg(usecases::FollowUpUseCases::kMaxNoteLength));
    } else if (!chosen) {
        m_warning->setText(tr("Choose the result."));
    } else if (followup::isUnsuccessful(*chosen) && m_attemptsLeft <= 1) {
        m_warning->setText(
            tr("This is the last attempt allowed: saving it closes the task as unable to reach "
               "(it can be extended afterwards)."));
    } else {
        m_warning->clear();
    }
}

} // namespace heart::ui
