#include "shell/UiLog.h"

Q_LOGGING_CATEGORY(lcUi, "heartdesk.ui", QtInfoMsg)
