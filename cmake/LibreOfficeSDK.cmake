# The LibreOffice SDK from Debian's libreoffice-dev: tools, headers and the URE libraries.
set(LO_PROGRAM_DIR "/usr/lib/libreoffice/program" CACHE PATH "LibreOffice program folder")
set(LO_SDK_DIR "/usr/lib/libreoffice/sdk" CACHE PATH "LibreOffice SDK folder")

find_program(LO_UNOIDL_WRITE unoidl-write PATHS "${LO_SDK_DIR}/bin" NO_DEFAULT_PATH REQUIRED)
find_program(LO_CPPUMAKER cppumaker PATHS "${LO_SDK_DIR}/bin" NO_DEFAULT_PATH REQUIRED)
find_program(LO_SOFFICE soffice PATHS "${LO_PROGRAM_DIR}" NO_DEFAULT_PATH REQUIRED)
set(LO_TYPES_RDB "${LO_PROGRAM_DIR}/types.rdb")
set(LO_OFFAPI_RDB "${LO_PROGRAM_DIR}/types/offapi.rdb")

add_library(LibreOffice::uno INTERFACE IMPORTED)
target_include_directories(LibreOffice::uno SYSTEM INTERFACE "${LO_SDK_DIR}/include")
target_compile_definitions(LibreOffice::uno INTERFACE LINUX UNX GCC CPPU_ENV=gcc3)
target_link_libraries(LibreOffice::uno INTERFACE
  "${LO_PROGRAM_DIR}/libuno_cppu.so.3"
  "${LO_PROGRAM_DIR}/libuno_sal.so.3"
  "${LO_PROGRAM_DIR}/libuno_cppuhelpergcc3.so.3"
  "${LO_PROGRAM_DIR}/libuno_salhelpergcc3.so.3")
