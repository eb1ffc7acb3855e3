#pragma once
// Logging category of the UI: widget and screen names, never a person's data.
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcUi)
