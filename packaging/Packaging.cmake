# Desktop integration and the Debian packages. Included from the top-level CMakeLists.txt after
# every install() rule, so CPack sees them all: `cpack -G DEB` in a build folder (or
# `cmake --build --preset release --target package`) makes three packages:
#   oficina-cli  (component cli)      oficina-cli, liboficina_core.so, the sample datasets and
#                                     examples: no Qt, no LibTorch (what a server or container
#                                     image installs, packaging/docker/)
#   oficina      (component oficina)  the GUI, desktop entry, metainfo, MIME type and icons
#   oficina-nn   (component nn)       the network module, with LibTorch
# An install() rule without COMPONENT goes into oficina (CMAKE_INSTALL_DEFAULT_COMPONENT_NAME).
set(OFICINA_HOMEPAGE "https://github.com/oficina/oficina" CACHE STRING
    "Project home page, for the package and the AppStream metainfo")
set(OFICINA_MAINTAINER "The Oficina contributors" CACHE STRING
    "Maintainer field of the Debian package (Name <email>)")
# Qt Charts is GPL-3.0-or-later in its open-source edition, so the whole program is too.
set(OFICINA_LICENSE "GPL-3.0-or-later")
set(OFICINA_SCREENSHOTS_URL
    "https://raw.githubusercontent.com/oficina/oficina/main/packaging/screenshots")

set(packaging_dir ${CMAKE_CURRENT_LIST_DIR})
set(app_id io.github.oficina.Oficina)
configure_file(${packaging_dir}/${app_id}.metainfo.xml.in
               ${CMAKE_BINARY_DIR}/packaging/${app_id}.metainfo.xml @ONLY)

install(FILES ${packaging_dir}/oficina.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_BINARY_DIR}/packaging/${app_id}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${packaging_dir}/oficina-mime.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages
        RENAME oficina.xml)
set(icon ${PROJECT_SOURCE_DIR}/resources/icons/oficina.svg)
install(FILES ${icon} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
# The file manager shows *.oficina files with the application's icon.
install(FILES ${icon} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/mimetypes
        RENAME application-x-oficina-pipeline.svg)
install(FILES ${packaging_dir}/copyright DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/oficina)
install(FILES ${packaging_dir}/copyright DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/oficina-cli
        COMPONENT cli)
install(FILES ${packaging_dir}/copyright DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/oficina-nn
        COMPONENT nn)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME oficina)
set(CPACK_PACKAGE_VENDOR "The Oficina contributors")
set(CPACK_PACKAGE_CONTACT "${OFICINA_MAINTAINER}")
# Equal to CPack's default on purpose: CPackDeb (3.25) then takes each package's summary from the
# first line of its own description below, instead of putting one summary above all three.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_NAME} built using CMake")
# Three packages: a machine that only serves or runs pipelines goes without Qt (oficina) and
# without LibTorch (oficina-nn, about 1 GB with its dependencies).
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL cli oficina nn)
set(CPACK_DEBIAN_CLI_PACKAGE_NAME oficina-cli)
set(CPACK_DEBIAN_OFICINA_PACKAGE_NAME oficina)
set(CPACK_DEBIAN_NN_PACKAGE_NAME oficina-nn)
# Debian wants the long description in lines under 80 columns; the first line is the summary.
set(CPACK_DEBIAN_CLI_DESCRIPTION "machine-learning workbench: command line and inference server
oficina-cli runs Oficina's machine-learning pipelines headless (load
data, clean it, engineer features, train and evaluate a model, export
it to ONNX), applies saved model packages to data files, and serves
them over HTTP (KServe's Open Inference Protocol v2 and MLflow's
scoring protocol, with Prometheus metrics). Sample datasets and
examples are included. It needs neither Qt nor, except for neural
networks, LibTorch: the desktop application is the oficina package,
neural networks need the oficina-nn package.")
set(CPACK_DEBIAN_OFICINA_DESCRIPTION "desktop machine-learning workbench
Oficina builds machine-learning pipelines from nodes wired on a canvas:
load data, clean it, engineer features, train a model (linear models,
trees, boosting, SVM, k-NN, clustering, neural networks with LibTorch),
evaluate it and export it to ONNX. Every pipeline also runs headless
with oficina-cli. Sample datasets and examples are included; the
interface is in English and Brazilian Portuguese.
Neural networks need the oficina-nn package.")
set(CPACK_DEBIAN_NN_DESCRIPTION "neural networks for the Oficina machine-learning workbench
The module, with LibTorch, that Oficina and oficina-cli load when a
pipeline trains a neural network or fine-tunes a TorchScript backbone,
or a model package with a network is applied or served. Without it,
they run every other node and model.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${OFICINA_HOMEPAGE}")
set(CPACK_RESOURCE_FILE_LICENSE ${packaging_dir}/copyright)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# dpkg-shlibdeps names the packages of every linked library (Qt, LibTorch, ONNX, protobuf,
# libsvm, liblinear, XGBoost, BLAS). What it cannot see: OpenBLAS, which Debian's BLAS
# alternatives prefer over the slow reference libblas3 once it is installed.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_CLI_PACKAGE_DEPENDS "libopenblas0-pthread | libopenblas0")
set(CPACK_DEBIAN_CLI_PACKAGE_SUGGESTS "oficina-nn (= ${PROJECT_VERSION})")
set(CPACK_DEBIAN_OFICINA_PACKAGE_DEPENDS "oficina-cli (= ${PROJECT_VERSION})")
set(CPACK_DEBIAN_OFICINA_PACKAGE_RECOMMENDS "qt6-translations-l10n, oficina-nn (= ${PROJECT_VERSION})")
set(CPACK_DEBIAN_NN_PACKAGE_DEPENDS "oficina-cli (= ${PROJECT_VERSION})")
# The GUI and the module need liboficina_core.so, which the oficina-cli package holds.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ${CMAKE_BINARY_DIR}/lib/oficina)
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)
# Values reach cpack as written here (the regular expressions below keep their backslashes).
set(CPACK_VERBATIM_VARIABLES ON)
# `package_source`: the sources only, never build trees or fetched test runtimes.
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\.git/" "/build[^/]*/" "/out/" "/node_modules/" "__pycache__")
include(CPack)
