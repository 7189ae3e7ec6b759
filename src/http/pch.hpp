#pragma once
// Precompiled for the files of src/http that speak Beast and Asio; nothing outside src/http
// includes these headers, which keeps the rest of the build fast.
#include <boost/asio.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
