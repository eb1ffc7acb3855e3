# Each library publishes only its own folder. Sources write
# #include "store/Database.h"; the include path a target hands to its users is
# <build>/include/<name>, which holds one entry: <name>, a link to the
# library's source folder. So linking heartdesk_store reaches store/ and,
# through its own links, core/ - never ui/ or another library's folder.
function(heartdesk_publish_headers target name source_dir)
    set(root "${PROJECT_BINARY_DIR}/include/${name}")
    file(MAKE_DIRECTORY "${root}")
    file(REMOVE "${root}/${name}")
    file(CREATE_LINK "${source_dir}" "${root}/${name}" SYMBOLIC)
    target_include_directories(${target} PUBLIC "$<BUILD_INTERFACE:${root}>")
endfunction()
