#include <planctl/app/cli.hpp>

int main(int argc, char** argv) { return planctl::app::run(argc, argv); }
