# check_layers.cmake — enforces the layer table of design.md on core/ (run by ctest as core_layers).
#
# A folder of core/ may include only folders on a LOWER layer (never its own layer's other folders,
# never a higher one), and no file under core/ may include a UI or platform header (ImGui, SDL,
# OpenGL, Emscripten). Layers, lowest first:
#   0 model        ids, dates, Result/Error, columnar order tables
#   1 i18n         the catalogue mechanism (renders an Error, so it sits above model)
#   2 io, rules    import/export; platform rules as data and the Finding type
#   3 tiering, roles, economics, groups (customer-group statistics and health)
#   4 calendar     content items reference the roster (persona/account/group ids and platforms),
#                  so the calendar sits above roles; roles never knows the calendar
#   5 plan         the Workspace, the demo, assess(): where domains meet
#   6 edit, persist
# Usage: cmake -DROOT=<repo> -P check_layers.cmake   (ROOT/core is checked)
set(layer_model 0)
set(layer_i18n 1)
set(layer_io 2)
set(layer_rules 2)
set(layer_tiering 3)
set(layer_roles 3)
set(layer_economics 3)
set(layer_groups 3)
set(layer_calendar 4)
set(layer_plan 5)
set(layer_edit 6)
set(layer_persist 6)

file(GLOB_RECURSE files ${ROOT}/core/*.hpp ${ROOT}/core/*.cpp ${ROOT}/core/*.h)
list(LENGTH files n)
if(n EQUAL 0)
  message(FATAL_ERROR "no core files found under ${ROOT}/core")
endif()
set(bad "")
foreach(f ${files})
  file(RELATIVE_PATH rel ${ROOT}/core ${f})
  string(REGEX MATCH "^[^/]+" folder "${rel}")
  if(NOT DEFINED layer_${folder})
    list(APPEND bad "${rel}: folder core/${folder} is not in the layer table")
    continue()
  endif()
  set(mine ${layer_${folder}})
  file(STRINGS ${f} lines REGEX "^[ \t]*#[ \t]*include")
  foreach(line ${lines})
    if(line MATCHES "^[ \t]*#[ \t]*include[ \t]*[<\"](imgui|SDL|emscripten|GL/|GLES|EGL)")
      list(APPEND bad "${rel}: UI or platform header: ${line}")
    elseif(line MATCHES "^[ \t]*#[ \t]*include[ \t]*\"core/([^/]+)/")
      set(other ${CMAKE_MATCH_1})
      if(NOT other STREQUAL folder)
        if(NOT DEFINED layer_${other})
          list(APPEND bad "${rel}: includes core/${other}, which is not in the layer table")
        elseif(NOT layer_${other} LESS mine)
          list(APPEND bad "${rel} (core/${folder}, layer ${mine}) includes core/${other} (layer ${layer_${other}}): ${line}")
        endif()
      endif()
    endif()
  endforeach()
endforeach()
if(bad)
  string(REPLACE ";" "\n  " text "${bad}")
  message(FATAL_ERROR "core/ breaks the layer table:\n  ${text}")
endif()
message(STATUS "core layers hold: ${n} files checked")
