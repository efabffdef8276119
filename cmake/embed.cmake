# embed.cmake - turns data files into a C++ source of byte arrays at build time, so the model, the CLI,
# the tests and the wasm app read the same assets without file I/O.
# nd_embed(<out-var> <output.cpp> [INDEX <name>] <symbol> <file> [<symbol> <file>...])
# With INDEX, the source also defines `nd_<name>[]`, a table of every file by its symbol, ended by a
# null entry (struct EmbeddedFile in src/app/assets.hpp): for data whose list is itself data, such as
# the strings of every language in assets/languages.json.
function(nd_embed out_var output)
    set(args ${ARGN})
    set(index "")
    list(GET args 0 first)
    if(first STREQUAL "INDEX")
        list(GET args 1 index)
        list(REMOVE_AT args 0 1)
    endif()
    set(files "")
    set(pairs "")
    list(LENGTH args n)
    math(EXPR last "${n} - 1")
    find_program(ND_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH REQUIRED)
    get_filename_component(group "${output}" NAME_WE)
    set(min_dir "${CMAKE_BINARY_DIR}/embedded-json/${group}")
    foreach(i RANGE 0 ${last} 2)
        math(EXPR j "${i} + 1")
        list(GET args ${i} sym)
        list(GET args ${j} file)
        # JSON is embedded without whitespace and "comment" members (scripts/min_json.py).
        if(file MATCHES "\\.json$")
            set(min "${min_dir}/${sym}.json")
            add_custom_command(OUTPUT "${min}"
                COMMAND "${ND_PYTHON}" "${CMAKE_SOURCE_DIR}/scripts/min_json.py" "${file}" "${min}"
                DEPENDS "${file}" "${CMAKE_SOURCE_DIR}/scripts/min_json.py" VERBATIM)
            set(file "${min}")
        endif()
        list(APPEND files "${file}")
        list(APPEND pairs "${sym}=${file}")
    endforeach()
    file(MAKE_DIRECTORY "${min_dir}")
    add_custom_command(OUTPUT "${output}"
        COMMAND ${CMAKE_COMMAND} "-DOUTPUT=${output}" "-DPAIRS=${pairs}" "-DINDEX=${index}" -P "${CMAKE_SOURCE_DIR}/cmake/embed_run.cmake"
        DEPENDS ${files} "${CMAKE_SOURCE_DIR}/cmake/embed_run.cmake"
        COMMENT "Embedding data files" VERBATIM)
    set(${out_var} "${output}" PARENT_SCOPE)
endfunction()
