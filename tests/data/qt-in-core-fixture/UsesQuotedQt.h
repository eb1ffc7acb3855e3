#pragma once
// Fixture for tests/core/NoQtInCore.cmake: quoted, through the qt6/ folder.
#include "qt6/QtCore/qglobal.h"
