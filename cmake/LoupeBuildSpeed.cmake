# Build-time settings. Each one was measured on a clean 2-core build (docs/architecture.md, "Build time");
# none changes what the code does.
#  - mold links: one link per test executable, so the linker's speed counts 90 times.
#  - precompiled headers: the standard library, nlohmann/json, Eigen and Qt are parsed once per target
#    (once per test folder for the tests) instead of once per file.
#  - unity builds where a library's file-local names do not collide: Qt's and QCustomPlot's headers and
#    nlohmann/json's templates are compiled once per batch of files instead of once per file.
#  - tests at -O1: their own code is glue; the engine they test is built at -O3 in the libraries.
#  - ccache when it is installed (a rebuild after a branch switch costs seconds).
option(LOUPE_UNITY_BUILD "Compile the libraries in batches (unity build)" ON)
set(LOUPE_UNITY_BATCH 12 CACHE STRING "Files per unity batch")

find_program(LOUPE_MOLD mold)
if(LOUPE_MOLD)
  add_link_options(-fuse-ld=mold)
endif()
find_program(LOUPE_CCACHE ccache)
if(LOUPE_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${LOUPE_CCACHE})
endif()

set(LOUPE_PCH_STD <algorithm> <array> <cmath> <cstddef> <cstdint> <functional> <limits> <map> <memory>
  <optional> <string> <string_view> <utility> <vector>)
set(LOUPE_PCH_CORE ${LOUPE_PCH_STD} <nlohmann/json.hpp> <Eigen/Core>)
set(LOUPE_PCH_QT ${LOUPE_PCH_CORE} <QObject> <QString> <QStringList> <QVariant> <QJsonDocument> <QJsonObject>
  <QJsonArray> <QFile> <QFileInfo> <QDir> <QDateTime>)
set(LOUPE_PCH_SQL ${LOUPE_PCH_QT} <QSqlDatabase> <QSqlQuery> <QSqlError>)
set(LOUPE_PCH_WIDGETS ${LOUPE_PCH_SQL} <QtWidgets> <qcustomplot.h>)

# loupe_speed_up(TARGET [UNITY] PCH header...): a precompiled header for a library, and unity batches
# where its files keep their file-local names apart.
function(loupe_speed_up target)
  cmake_parse_arguments(ARG "UNITY" "" "PCH" ${ARGN})
  if(LOUPE_UNITY_BUILD AND ARG_UNITY)
    set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE ${LOUPE_UNITY_BATCH})
  endif()
  if(ARG_PCH)
    target_precompile_headers(${target} PRIVATE ${ARG_PCH})
  endif()
endfunction()

# Flags for the test executables' own code (the libraries they link keep the release flags).
set(LOUPE_TEST_COMPILE_OPTIONS -O1)
