# Fails the build when a source file includes a header its layer may not see.
#   core/ : no Qt at all (std, Eigen, nlohmann/json, zlib only)
#   db/   : Qt Core and Sql only, no Gui or Widgets
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
