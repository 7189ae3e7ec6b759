# SIGAP_SANITIZE=address,undefined (the asan preset) or thread: applied to every target.
set(SIGAP_SANITIZE "" CACHE STRING "Comma-separated sanitizers, e.g. address,undefined")
if(SIGAP_SANITIZE)
  add_compile_options(-fsanitize=${SIGAP_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${SIGAP_SANITIZE})
endif()
