// Fixture for tests/core/NoQtInCore.cmake: a module include, indented.
  #  include <QtCore/QDateTime>
