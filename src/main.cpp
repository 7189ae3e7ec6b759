#include "cli/cli.hpp"

int main(int argc, char** argv) { return sigap::cli::run(argc, argv); }
