#include "exemplar.hpp"
int main() { return this_identifier_does_not_exist; }
