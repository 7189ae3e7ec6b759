# Use ccache when it is installed: rebuilds after a branch switch cost seconds.
find_program(SIGAP_CCACHE ccache)
if(SIGAP_CCACHE)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${SIGAP_CCACHE})
endif()
