# cmake -DSCAN_DIR=<dir> -P NoQtInCore.cmake
# Fails, naming the files, if any file under SCAN_DIR includes a Qt header:
# #include <Q...>, #include "Q...", <Qt...>, or a path through qt5/ or qt6/.
if(NOT SCAN_DIR OR NOT IS_DIRECTORY "${SCAN_DIR}")
    message(FATAL_ERROR "NoQtInCore.cmake: SCAN_DIR '${SCAN_DIR}' is not a folder")
endif()
get_filename_component(SCAN_DIR "${SCAN_DIR}" ABSOLUTE)

file(GLOB_RECURSE files LIST_DIRECTORIES false "${SCAN_DIR}/*")
list(SORT files)
list(LENGTH files file_count)
if(file_count EQUAL 0)
    message(FATAL_ERROR "NoQtInCore.cmake: no files under ${SCAN_DIR}")
endif()

set(offenders "")
foreach(file IN LISTS files)
    file(STRINGS "${file}" hits REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](Q|qt[56]/)")
    if(hits)
        file(RELATIVE_PATH relative "${SCAN_DIR}" "${file}")
        foreach(hit IN LISTS hits)
            string(STRIP "${hit}" hit)
            string(APPEND offenders "\n  ${relative}: ${hit}")
        endforeach()
        list(APPEND offending_files "${relative}")
    endif()
endforeach()

if(offenders)
    list(LENGTH offending_files offending_count)
    message(FATAL_ERROR "Qt headers included under ${SCAN_DIR}:${offenders}\n"
                        "${offending_count} file(s) include Qt; core/ must stay standard C++ only.")
endif()
message(STATUS "NoQtInCore: ${file_count} files under ${SCAN_DIR}, none includes Qt")
