# Every Qt test under tests/ (tests/core is Qt-free) starts through
# HEART_TEST_MAIN, HEART_TEST_GUILESS_MAIN or heart::test::execStrict
# (tests/common/StrictTestMain.h), so an unannounced warning fails it.
#   cmake -DTESTS_DIR=... -P CheckStrictMain.cmake
file(GLOB_RECURSE sources LIST_DIRECTORIES false "${TESTS_DIR}/*.cpp")
set(offenders "")
foreach(source IN LISTS sources)
    if(source MATCHES "/tests/(core|bench)/" OR source MATCHES "/tests/data/")
        continue()
    endif()
    file(READ "${source}" text)
    if(text MATCHES "QTEST_(APPLESS_|GUILESS_)?MAIN\\(" OR text MATCHES "QTest::qExec\\(")
        list(APPEND offenders "${source}")
    endif()
endforeach()
if(offenders)
    list(JOIN offenders "\n  " listed)
    message(FATAL_ERROR "these tests start with Qt's own main, which lets unexpected warnings pass; "
                        "use HEART_TEST_MAIN / HEART_TEST_GUILESS_MAIN / heart::test::execStrict "
                        "from common/StrictTestMain.h:\n  ${listed}")
endif()
message(STATUS "every Qt test uses the strict main (${TESTS_DIR})")
