#pragma once
// Logging category of the store. Log lines name tables, ids and error codes,
// never a person's data or a password.
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcStore)
