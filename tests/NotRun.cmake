# ctest entry for a check this configuration cannot run (see
# heartdesk_add_not_run_test): skipped, with the reason, unless CI=true,
# where scripts/test provides everything and a check that never ran is a failure.
#   cmake -DWHY=... -P NotRun.cmake
if("$ENV{CI}" STREQUAL "true")
    message(FATAL_ERROR "CI=true, so this is a failure: ${WHY}")
endif()
# The first line is what SKIP_REGULAR_EXPRESSION matches.
execute_process(COMMAND ${CMAKE_COMMAND} -E echo "NOT RUN: ${WHY}")
