# sigap_warnings(target): the warnings we hold our own code to. Third-party headers are
# included as SYSTEM by their imported targets, so -Werror applies to our code only.
function(sigap_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Werror -Wno-missing-field-initializers)
endfunction()
