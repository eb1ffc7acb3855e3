#include "shell/DatabaseOpener.h"

#include "shell/DomainText.h"
#include "store/Database.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>

namespace heart::ui {

bool DatabaseOpener::serverPassword(const store::ConnectionSpec& spec, QWidget* parent, QString* password)
{
    for (const char* variable : {"HEARTDESK_DB_PASSWORD", "PGPASSWORD"}) {
        if (qEnvironmentVariableIsSet(variable)) {
            *password = qEnvironmentVariable(variable);
            return true;
        }
    }
    bool ok = false;
    *password =
        QInputDialog::getText(parent, tr("Database password"), tr("Password for %1:").arg(spec.describe()),
                              QLineEdit::Password, QString(), &ok);
    return ok;
}

bool DatabaseOpener::open(store::Database& db, store::ConnectionSpec spec, QWidget* parent)
{
    for (;;) {
        QString password;
        if (spec.engine == store::Engine::Postgres && !serverPassword(spec, parent, &password))
            return false;
        const store::StoreError error = db.open(spec, password);
        password.fill(QLatin1Char('\0'));
        if (!error)
            return true;
        QMessageBox box(QMessageBox::Critical, tr("HEART Desk cannot open the database"),
                        tr("%1\n\nDatabase: %2").arg(DomainText::errorText(error), spec.describe()),
                        QMessageBox::NoButton, parent);
        QPushButton* retry = box.addButton(tr("&Try again"), QMessageBox::AcceptRole);
        QPushButton* other = spec.engine == store::Engine::Sqlite
                                 ? box.addButton(tr("&Choose another file…"), QMessageBox::ActionRole)
                                 : nullptr;
        QPushButton* quit = box.addButton(tr("&Quit"), QMessageBox::RejectRole);
        box.setDefaultButton(other ? other : retry);
        box.exec();
        if (box.clickedButton() == quit || box.clickedButton() == nullptr)
            return false;
        if (other && box.clickedButton() == other) {
            const QString path =
                QFileDialog::getSaveFileName(parent, tr("Choose a HEART Desk database"), QString(),
                                             tr("HEART Desk database (*.sqlite);;All files (*)"), nullptr,
                                             QFileDialog::DontConfirmOverwrite);
            if (path.isEmpty())
                continue;
            spec = store::ConnectionSpec::sqlite(path);
        }
    }
}

} // namespace heart::ui
