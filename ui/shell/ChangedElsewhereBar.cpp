#include "shell/ChangedElsewhereBar.h"

#include "shell/DomainText.h"
#include "shell/ProgramTime.h"
#include "usecases/AccountUseCases.h"
#include "usecases/ChangeFeed.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace heart::ui {

ChangedElsewhereBar::ChangedElsewhereBar(Services services, QWidget* parent)
    : QFrame(parent), m_services(std::move(services)), m_text(new QLabel(this)),
      m_reload(new QPushButton(this)), m_keep(new QPushButton(this))
{
    setObjectName(QStringLiteral("changedElsewhereBar"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#changedElsewhereBar { background: #fdf0c8; border: 1px solid #e0b84a; }"
                                 "#changedElsewhereText { font-weight: 600; }"));
    m_text->setObjectName(QStringLiteral("changedElsewhereText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_reload->setObjectName(QStringLiteral("changedElsewhereReload"));
    m_keep->setObjectName(QStringLiteral("changedElsewhereKeep"));
    for (QPushButton* button : {m_reload, m_keep}) {
        button->setAutoDefault(false); // Return in a dialog still means its own button
        button->setFocusPolicy(Qt::TabFocus);
    }
    connect(m_reload, &QPushButton::clicked, this, [this] { choose(false); });
    connect(m_keep, &QPushButton::clicked, this, [this] { choose(true); });

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_reload);
    buttons->addWidget(m_keep);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_text);
    layout->addLayout(buttons);
    connect(&usecases::changeFeed(m_services), &store::ChangeFeed::changes, this, &ChangedElsewhereBar::take);
    render();
    hide();
}

void ChangedElsewhereBar::watch(const QString& recordType, const QString& recordId, int version)
{
    m_recordType = recordType;
    m_recordId = recordId;
    m_version = version;
    m_newest.reset();
    clear();
}

void ChangedElsewhereBar::take(const QList<store::JournalEntry>& entries)
{
    if (m_recordId.isEmpty())
        return;
    std::optional<store::JournalEntry> elsewhere;
    for (const store::JournalEntry& entry : entries) {
        if (entry.recordType != m_recordType || entry.recordId != m_recordId)
            continue;
        if (!m_newest || entry.version >= m_newest->version)
            m_newest = entry;
        // Our own saves come back through the feed too: only another person's,
        // or ours at another workstation, newer than what the form has.
        const store::Actor& actor = m_services.actor;
        const bool ours = entry.userId == actor.userId() && entry.workstation == actor.workstation();
        if (!ours && entry.version > m_version)
            elsewhere = entry;
    }
    if (elsewhere)
        Q_EMIT changedElsewhere(*elsewhere);
}

QWidget* ChangedElsewhereBar::typingIn() const
{
    // A field of the form this bar stands in, not the bar's own buttons.
    QWidget* focus = QApplication::focusWidget();
    QWidget* form = parentWidget();
    return focus && form && form->isAncestorOf(focus) && !isAncestorOf(focus) ? focus : nullptr;
}

QString ChangedElsewhereBar::who() const
{
    if (m_author.displayName.isEmpty())
        return tr("Someone else");
    return m_author.role ? tr("%1 (%2)").arg(m_author.displayName, DomainText::roleName(*m_author.role))
                         : m_author.displayName;
}

void ChangedElsewhereBar::showChange(const store::JournalEntry& entry, bool withChoice)
{
    if (!isVisible() || !m_choice) {
        // Where the user is typing now is where the focus goes back after the choice.
        m_typingIn = typingIn();
    }
    if (!m_shown || m_shown->seq != entry.seq) {
        auto author = usecases::AccountUseCases(m_services).changeAuthor(entry);
        m_author = author.ok() ? author.value() : usecases::ChangeAuthor{};
    }
    m_shown = entry;
    m_choice = m_choice || withChoice; // a choice once open stays open until made
    render();
    show();
}

void ChangedElsewhereBar::showConflict()
{
    // The notification may still be on its way: the journal now.
    usecases::changeFeed(m_services).catchUp();
    if (m_choice)
        return; // the form was told (changedElsewhere) and asked
    if (m_newest && m_newest->version > m_version) {
        showChange(*m_newest, true);
        return;
    }
    // Changed, but the journal did not say by whom (it was cleared, or read
    // before this form opened): the choice all the same.
    m_shown.reset();
    m_author = {};
    if (!isVisible()) {
        m_typingIn = typingIn();
    }
    m_choice = true;
    render();
    show();
}

void ChangedElsewhereBar::clear()
{
    m_choice = false;
    m_shown.reset();
    m_author = {};
    hide();
}

void ChangedElsewhereBar::choose(bool keep)
{
    const QPointer<QWidget> back = m_typingIn;
    m_choice = false;
    hide();
    if (keep)
        Q_EMIT keepMine();
    else
        Q_EMIT reloadTheirs();
    if (back && back->isVisible() && back->isEnabled())
        back->setFocus(Qt::OtherFocusReason);
}

QString ChangedElsewhereBar::text() const
{
    return m_text->text();
}

void ChangedElsewhereBar::render()
{
    m_reload->setText(tr("Reload theirs (Alt+Z)"));
    m_reload->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Z));
    m_reload->setToolTip(tr("Show their version; what you typed since your last save is dropped."));
    m_keep->setText(tr("&Keep mine"));
    m_keep->setToolTip(tr("Save what you typed over their version."));
    setAccessibleName(tr("Changed elsewhere"));
    m_reload->setVisible(m_choice);
    m_keep->setVisible(m_choice);
    QString change;
    if (m_shown) {
        change = ProgramTime::sentence(tr("%1 %2 at %3.")
                                           .arg(who(), DomainText::actionText(m_shown->action),
                                                ProgramTime::timeText(m_shown->changedAt)));
    } else {
        change = tr("Someone else saved this meanwhile.");
    }
    const QString then = m_choice ? tr("What you typed is still here and not saved: reload theirs, or keep "
                                       "yours and save it over their change.")
                                  : tr("Their version is shown.");
    m_text->setText(change + QLatin1Char(' ') + then);
}

void ChangedElsewhereBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        render();
    QFrame::changeEvent(event);
}

} // namespace heart::ui
