#pragma once
// Opens the database at start. When it cannot be opened (a damaged file, a
// newer schema, a server that does not answer) the user is told why and may
// pick another file or quit; nothing is ever overwritten.
#include "store/ConnectionSpec.h"

#include <QCoreApplication>

class QWidget;

namespace heart::store {
class Database;
}

namespace heart::ui {

class DatabaseOpener
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseOpener)

public:
    // False when the user chose to quit.
    static bool open(store::Database& db, store::ConnectionSpec spec, QWidget* parent);
    // The server password: HEARTDESK_DB_PASSWORD, else PGPASSWORD, else asked.
    static bool serverPassword(const store::ConnectionSpec& spec, QWidget* parent, QString* password);
};

} // namespace heart::ui
