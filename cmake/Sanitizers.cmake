# SIGAP_SANITIZE=address,undefined (the debug preset: make run, make test) or thread (make tsan);
# applied to every target.
set(SIGAP_SANITIZE "" CACHE STRING "Comma-separated sanitizers, e.g. address,undefined")
if(SIGAP_SANITIZE)
  add_compile_options(-fsanitize=${SIGAP_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  # GCC 12 warns (-Wtsan, an error under -Werror) that ThreadSanitizer cannot see the
  # std::atomic_thread_fence inside Asio; make tsan's reports are what count (tools/tsan).
  if(SIGAP_SANITIZE MATCHES "thread" AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    add_compile_options(-Wno-tsan)
  endif()
  add_link_options(-fsanitize=${SIGAP_SANITIZE})
endif()
