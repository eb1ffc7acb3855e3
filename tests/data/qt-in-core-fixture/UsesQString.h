#pragma once
// Fixture for tests/core/NoQtInCore.cmake: a core header that includes Qt.
#include <string>
#include <QString>
