// Boost.JSON compiled from its sources into the libFuzzer build (make fuzz), so the JSON
// parser itself carries coverage instrumentation. The normal build links Boost's library.
#include <boost/json/src.hpp>
