# embed.cmake - turns data files into a C++ source of byte arrays at build time, so the model, the CLI,
# the tests and the wasm app read the same assets without file I/O.
# nd_embed(<out-var> <output.cpp> <symbol> <file> [<symbol> <file>...])
function(nd_embed out_var output)
    set(args ${ARGN})
    set(files "")
    set(pairs "")
    list(LENGTH args n)
    math(EXPR last "${n} - 1")
    foreach(i RANGE 0 ${last} 2)
        math(EXPR j "${i} + 1")
        list(GET args ${i} sym)
        list(GET args ${j} file)
        list(APPEND files "${file}")
        list(APPEND pairs "${sym}=${file}")
    endforeach()
    add_custom_command(OUTPUT "${output}"
        COMMAND ${CMAKE_COMMAND} "-DOUTPUT=${output}" "-DPAIRS=${pairs}" -P "${CMAKE_SOURCE_DIR}/cmake/embed_run.cmake"
        DEPENDS ${files} "${CMAKE_SOURCE_DIR}/cmake/embed_run.cmake"
        COMMENT "Embedding data files" VERBATIM)
    set(${out_var} "${output}" PARENT_SCOPE)
endfunction()
