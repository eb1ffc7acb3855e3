#include "shell/VanSync.h"

#include "shell/DomainText.h"
#include "shell/ProgramTime.h"
#include "shell/SyncConflictDialog.h"
#include "store/Database.h"
#include "usecases/SyncUseCases.h"

#include <QAction>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QWidget>

namespace heart::ui {

VanSync* VanSync::create(store::Database& db, const Clock& clock, QWidget* window)
{
    auto state = usecases::SyncQueries(db).state();
    if (!state.ok() || state.value().identity.deviceId.isEmpty())
        return nullptr;
    return new VanSync(db, clock, state.value(), window);
}

VanSync::VanSync(store::Database& db, const Clock& clock, const store::sync::SyncState& state,
                 QWidget* window)
    : QObject(window), m_db(db), m_clock(clock), m_window(window), m_identity(state.identity),
      m_label(new QLabel(window)), m_syncNow(new QAction(window)), m_conflicts(new QAction(window))
{
    m_label->setObjectName(QStringLiteral("statusSync"));
    m_syncNow->setObjectName(QStringLiteral("syncNowAction"));
    m_syncNow->setShortcut(QKeySequence(Qt::Key_F9));
    m_conflicts->setObjectName(QStringLiteral("syncConflictsAction"));
    connect(m_syncNow, &QAction::triggered, this, &VanSync::syncNow);
    connect(m_conflicts, &QAction::triggered, this, &VanSync::reviewConflicts);
    m_status.waiting = state.waiting;
    m_status.conflicts = state.openConflicts;
    m_status.lastSyncAt = state.lastSyncAt;
    retranslate();
    ensurePassword();
}

VanSync::~VanSync() = default;

bool VanSync::ensurePassword()
{
    // The center's password: from the environment (set by the van's login
    // script), else asked once when the lead presses Sync now.
    QString password = qEnvironmentVariable("HEARTDESK_CENTER_PASSWORD");
    if (password.isEmpty())
        password = qEnvironmentVariable("HEARTDESK_DB_PASSWORD");
    return !password.isEmpty() && startService(password);
}

bool VanSync::startService(const QString& password)
{
    if (m_service)
        return true;
    auto center = store::ConnectionSpec::parse(m_identity.centerLocation);
    if (!center.ok()) {
        m_status.lastError = center.error().detail;
        return false;
    }
    m_service = std::make_unique<store::sync::SyncService>(m_db.spec(), center.value(), password, m_clock);
    connect(m_service.get(), &store::sync::SyncService::statusChanged, this, &VanSync::onStatus);
    m_service->start();
    return true;
}

void VanSync::setActor(const std::optional<store::Actor>& actor)
{
    m_actor = actor;
    m_conflicts->setEnabled(m_actor.has_value());
}

void VanSync::retranslate()
{
    m_syncNow->setText(tr("S&ync now"));
    m_syncNow->setToolTip(tr("Send this laptop's changes to the center and bring the center's (F9)"));
    m_conflicts->setText(tr("Review sync &conflicts…"));
    m_label->setText(statusText());
}

QString VanSync::statusText() const
{
    QStringList parts;
    if (m_status.syncing)
        parts.append(tr("Syncing…"));
    else
        parts.append(m_status.online ? tr("Online") : tr("Offline"));
    if (m_status.lastSyncAt.isValid())
        parts.append(tr("last sync %1").arg(ProgramTime::timeText(m_status.lastSyncAt)));
    else
        parts.append(tr("not synced yet"));
    if (m_status.waiting > 0)
        parts.append(m_status.waiting == 1 ? tr("1 change waiting")
                                           : tr("%1 changes waiting").arg(m_status.waiting));
    if (m_status.conflicts > 0)
        parts.append(m_status.conflicts == 1 ? tr("1 conflict to review")
                                             : tr("%1 conflicts to review").arg(m_status.conflicts));
    return parts.join(QStringLiteral(" · "));
}

void VanSync::onStatus(const store::sync::SyncStatus& status)
{
    m_status = status;
    m_label->setText(statusText());
    m_label->setToolTip(status.lastError.isEmpty() ? QString()
                                                   : tr("Last attempt: %1").arg(status.lastError));
}

void VanSync::syncNow()
{
    if (!m_service) {
        bool ok = false;
        const QString password = QInputDialog::getText(m_window, tr("Connect to the center"),
                                                       tr("Password for %1:").arg(m_identity.centerLocation),
                                                       QLineEdit::Password, {}, &ok);
        if (!ok || password.isEmpty())
            return;
        startService(password);
        return;
    }
    m_service->syncNow();
}

void VanSync::reviewConflicts()
{
    if (!m_actor)
        return;
    SyncConflictDialog dialog(usecases::Context{m_db, m_clock, *m_actor}, m_window);
    dialog.exec();
    // What the lead chose goes out with the next sync.
    if (m_service)
        m_service->syncNow();
    auto state = usecases::SyncQueries(m_db).state();
    if (state.ok()) {
        m_status.conflicts = state.value().openConflicts;
        m_status.waiting = state.value().waiting;
        m_label->setText(statusText());
    }
}

} // namespace heart::ui
