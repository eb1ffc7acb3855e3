# cmake -DGUI=heartdesk -DCLI=heartdesk-cli -DVERSION=x.y.z -P CheckVersions.cmake
# Run with no display: heartdesk must answer --version and --help all the same.
function(expect_output what expected)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "${what}: exit ${status}\n${out}${err}")
    endif()
    if(NOT out MATCHES "${expected}")
        message(FATAL_ERROR "${what} printed:\n${out}\nexpected to match: ${expected}")
    endif()
    message(STATUS "${what}: ${out}")
endfunction()

string(REPLACE "." "\\." version_re "${VERSION}")
expect_output("heartdesk-cli --version" "^heartdesk-cli ${version_re}\n$" ${CLI} --version)
expect_output("heartdesk --version" "^heartdesk ${version_re}\n$" ${GUI} --version)
expect_output("heartdesk --help" "Usage: .*heartdesk \\[options\\].*--demo" ${GUI} --help)
