cmake_minimum_required(VERSION 3.22)
# Fails the build when a source file includes a header its layer may not see.
#   core/ : no Qt at all (std, Eigen, nlohmann/json, zlib only)
#   db/   : Qt Core and Sql only, no Gui or Widgets
#   jobs/ : like db/, no Gui or Widgets
function(loupe_check_dir dir pattern what)
  file(GLOB_RECURSE files "${SOURCE_DIR}/${dir}/*.h" "${SOURCE_DIR}/${dir}/*.cpp")
  foreach(f IN LISTS files)
    file(STRINGS "${f}" hits REGEX "${pattern}")
    if(hits)
      list(GET hits 0 first)
      message(FATAL_ERROR "Layering violation in ${f}: ${what}: ${first}")
    endif()
  endforeach()
endfunction()

loupe_check_dir(core "#[ \t]*include[ \t]*[<\"](Q[A-Za-z]|qcustomplot)" "core/ must not include Qt")
loupe_check_dir(db "#[ \t]*include[ \t]*[<\"](QtWidgets|QtGui|QWidget|QMessageBox|QDialog|QPixmap|QColor|QImage|QPainter|QApplication|QGuiApplication|qcustomplot)" "db/ must not include Qt Gui or Widgets")
loupe_check_dir(jobs "#[ \t]*include[ \t]*[<\"](QtWidgets|QtGui|QWidget|QMessageBox|QDialog|QPixmap|QColor|QImage|QPainter|QApplication|QGuiApplication|qcustomplot|ui/)" "jobs/ must not include Qt Gui, Widgets or ui/")

# Inside core/ the folders form layers: a folder may include itself and the folders listed for it,
# never one above it. A new folder must be given its place here.
set(core_layers
  "util:"
  "data:util"
  "prep:util,data"
  "privacy:util,data"
  "checks:util,data,privacy"
  "nn:util"
  "optim:util,nn"
  "search:util"
  "train:util,data,prep,privacy,nn,optim,search"
  "lr:util,data,nn,optim,train")
set(known_core "")
foreach(entry IN LISTS core_layers)
  string(REPLACE ":" ";" parts "${entry}")
  list(GET parts 0 folder)
  list(APPEND known_core ${folder})
endforeach()
file(GLOB core_children LIST_DIRECTORIES true RELATIVE "${SOURCE_DIR}/core" "${SOURCE_DIR}/core/*")
foreach(child IN LISTS core_children)
  if(IS_DIRECTORY "${SOURCE_DIR}/core/${child}" AND NOT child IN_LIST known_core)
    message(FATAL_ERROR "core/${child} has no place in the layer table of cmake/CheckLayers.cmake")
  endif()
endforeach()
foreach(entry IN LISTS core_layers)
  string(FIND "${entry}" ":" colon)
  string(SUBSTRING "${entry}" 0 ${colon} folder)
  math(EXPR start "${colon} + 1")
  string(SUBSTRING "${entry}" ${start} -1 allowed)
  string(REPLACE "," ";" allowed "${allowed}")
  file(GLOB_RECURSE files "${SOURCE_DIR}/core/${folder}/*.h" "${SOURCE_DIR}/core/${folder}/*.cpp")
  foreach(f IN LISTS files)
    file(STRINGS "${f}" hits REGEX "#[ \t]*include[ \t]*\"core/[a-z]+/")
    foreach(hit IN LISTS hits)
      string(REGEX REPLACE ".*\"core/([a-z]+)/.*" "\\1" target "${hit}")
      if(NOT target STREQUAL folder AND NOT target IN_LIST allowed)
        message(FATAL_ERROR "Layering violation in ${f}: core/${folder} may not include core/${target}: ${hit}")
      endif()
    endforeach()
  endforeach()
endforeach()
