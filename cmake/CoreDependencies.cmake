# What core/ links, found once for the whole project and for tests/fuzz's Qt-free build.
find_package(Threads REQUIRED)
find_package(Eigen3 3.4 REQUIRED NO_MODULE)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(FastFloat REQUIRED)
find_package(Spectra 1.0 REQUIRED)
find_package(nanoflann 1.4 REQUIRED)
find_package(OpenSSL 3 REQUIRED COMPONENTS Crypto)  # SHA-256 content hashes
# Model packages are zip files (core/deploy); the inference server speaks HTTP (core/serve).
# pkg-config for libzip: Debian's CMake file for it names zipcmp and zipmerge, which
# libzip-dev does not ship.
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip>=1.7)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib>=0.11)
# The run store (core/track): SQLite's C library.
find_package(SQLite3 3.31 REQUIRED)
# Its MLflow export writes MLflow's YAML metadata files (yaml-cpp 0.7's target is `yaml-cpp`).
find_package(yaml-cpp 0.6 REQUIRED)
# Debian's xgboost CMake config names a /usr/bin/xgboost that libxgboost-dev does not ship, and
# libsvm and liblinear ship no CMake files: find the three by hand.
find_path(XGBOOST_INCLUDE_DIR xgboost/c_api.h REQUIRED)
find_library(XGBOOST_LIBRARY xgboost REQUIRED)
find_path(LIBSVM_INCLUDE_DIR svm.h PATH_SUFFIXES libsvm REQUIRED)
find_library(LIBSVM_LIBRARY svm REQUIRED)
find_path(LIBLINEAR_INCLUDE_DIR linear.h REQUIRED)
find_library(LIBLINEAR_LIBRARY linear REQUIRED)
# stb_image and stb_image_resize (libstb-dev): header-only, implemented in core/data/ImageFolder.cpp
find_path(STB_INCLUDE_DIR stb/stb_image.h REQUIRED)
# The generic CBLAS interface: Debian's alternatives point libblas.so.3 at OpenBLAS when installed.
find_path(CBLAS_INCLUDE_DIR cblas.h PATH_SUFFIXES x86_64-linux-gnu REQUIRED)
find_library(BLAS_LIBRARY blas REQUIRED)
# ONNX 1.12 protobuf classes, checker and shape inference (libonnx-dev): only core/export. Its
# CMake targets name protobuf::libprotobuf without finding it.
find_package(Protobuf REQUIRED)
find_package(ONNX REQUIRED)
